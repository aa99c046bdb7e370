"""The default object types: the records of the Setagaya new industrial vision.

``conf.py`` overrides them field by field, adds types or drops one with
``vision_object_types`` (:mod:`vision.object_types`). Reader-facing words are
Japanese message ids; ``_`` only marks them for the catalogue (``make
catalogue``), they are translated where they are shown.
"""

from __future__ import annotations

from typing import Any


def _(message: str) -> str:
    """Marks a message for extraction; :mod:`vision.object_types` translates it when shown."""
    return message


#: How a type's label is put together when its record says nothing: 目指す姿1-1.
LABEL_FORMAT = _('{name}{number}')

#: The records in the vision's order: what every view, check and export derives from.
DEFAULT_TYPES: dict[str, dict[str, Any]] = {
    'theme': {
        'prefix': 'T', 'id_pattern': r'T[0-9]*', 'id_example': 'T',
        'name': _('メインテーマ'),
        'banner': True, 'quoted_title': True,
    },
    'policy': {
        'prefix': 'P', 'id_pattern': r'P[0-9]+', 'id_example': 'P1',
        'name': _('基本的方針'),
        'fields': ['mark'], 'mark_field': 'mark',
        'backlinks': {'goal': _('この基本的方針の目指す姿')},
        'hierarchy': True, 'warn_childless': 'goal', 'group_label': _('{count}つの基本的方針'),
    },
    'goal': {
        'prefix': 'G', 'id_pattern': r'G[0-9]+-[0-9]+', 'id_example': 'G1-1',
        'name': _('目指す姿'),
        'parent': 'policy', 'links': {'policy': 'policy'}, 'required': ['title', 'policy'],
        'show_fields': False, 'number_under_parent': True,
        'backlinks': {'initiative': _('この目指す姿に向けた取組'),
                      'indicator': _('この目指す姿の指標'),
                      'opinion': _('この目指す姿に反映された意見')},
        'columns': ['id', 'title', 'policy'],
        'hierarchy': True, 'matrix': 'columns', 'compare_under_parent': True,
    },
    'initiative': {
        'prefix': 'I', 'id_pattern': r'I[0-9]+(?:-[0-9]+)*', 'id_example': 'I1 or I1-2',
        'name': _('取組'),
        'parent': 'goal', 'links': {'goals': 'goal'}, 'required': ['title', 'goals'],
        'columns': ['id', 'title', 'goals'],
        'hierarchy': True, 'diagram_label': 'full',
    },
    'indicator': {
        'prefix': 'K', 'id_pattern': r'K[0-9]+(?:-[0-9]+)*', 'id_example': 'K1 or K1-2',
        'name': _('指標'),
        'parent': 'goal', 'links': {'goals': 'goal'}, 'required': ['title', 'goals'],
        'fields': ['unit', 'baseline', 'target', 'year', 'source'],
        'columns': ['id', 'title', 'unit', 'baseline', 'target', 'year', 'goals'],
    },
    'opinion': {
        'prefix': 'O', 'id_pattern': r'O[0-9]+', 'id_example': 'O1',
        'name': _('意見'),
        'parent': 'goal', 'links': {'goals': 'goal', 'meeting': 'meeting'}, 'required': ['goals'],
        'text_is_title': True, 'quoted_text': True,
        'columns': ['id', 'title', 'goals'],
        'matrix': 'rows',
    },
    # Made from data/meetings.yaml by {meetings} (vision.datafiles), not by a directive.
    'meeting': {
        'prefix': 'M', 'id_pattern': r'M[0-9]+', 'id_example': 'M1',
        'name': _('会議'),
        'directive': False, 'data': 'meetings',
        'number_format': _('第{number}回'), 'label_format': _('{number}{name}'),
    },
}
