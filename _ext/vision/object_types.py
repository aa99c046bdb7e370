"""The registry of object types: what a policy, a goal or an opinion is, once.

A record (:class:`ObjectType`) holds a type's key, id pattern, reader-facing
name, parent, links, fields, backlink headings and where it appears (the
system table and the 体系図, the matrix, the 概要版, the 新旧対照表). The
directives, roles, checks, tables, backlinks, diagrams, editions, ``make new``
and the JSON schema's enum are derived from it; no other module names a type.

The records are :data:`vision.type_defaults.DEFAULT_TYPES`, changed by
``vision_object_types`` in ``conf.py``: a key that is a default type updates
its fields (``{'goal': {'name': '施策'}}``), a new key adds a type (with at
least ``prefix``, ``id_pattern`` and ``name``), and ``None`` drops a type.
With ``'*': None`` first, only the types that ``conf.py`` lists remain.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sphinx.locale import get_translation

from .type_defaults import DEFAULT_TYPES, LABEL_FORMAT

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from sphinx.config import Config


_ = get_translation('vision')

#: The key of ``vision_object_types`` that drops every default type.
ALL = '*'


@dataclass(frozen=True)
class ObjectType:
    """One type of object. Words readers see are message ids, translated by :attr:`label`."""

    key: str
    #: The letters before an id's number: ``G`` of ``G1-2``.
    prefix: str
    #: The whole id, a regular expression (``[0-9]``, not ``\\d``, which takes full-width digits).
    id_pattern: str
    #: The form of an id, for messages: ``G1-1``.
    id_example: str
    #: What readers call it: 目指す姿.
    name: str
    #: The type it belongs under (a goal under a policy), and the link that names it.
    parent: str = ''
    #: Link options and the type each one points at, in the order they are shown.
    links: tuple[tuple[str, str], ...] = ()
    #: Options that must be given.
    required: tuple[str, ...] = ('title',)
    #: Options kept as plain text fields (unit, baseline ...).
    fields: tuple[str, ...] = ()
    #: Labels of its own fields beside those of :data:`vision.labels.FIELD_LABELS`.
    field_labels: tuple[tuple[str, str], ...] = ()
    #: The types that link to it and are listed under it, with the list's heading.
    backlinks: tuple[tuple[str, str], ...] = ()
    #: Its text is its title (an opinion): named by number only, shown with its text.
    text_is_title: bool = False
    #: Its title is shown in 「」 (the main theme).
    quoted_title: bool = False
    #: Its body is quoted from the committee's report (an opinion): the prose
    #: checks (vision.prose) do not correct its wording.
    quoted_text: bool = False
    #: A field shown instead of the number (a policy's ①).
    mark_field: str = ''
    #: How its number is read (第{number}回) and how its label is put together.
    number_format: str = '{number}'
    label_format: str = LABEL_FORMAT
    #: Written by a directive; False for types made from data files.
    directive: bool = True
    #: The data file part it is made from (``meetings``), for types that are not directives.
    data: str = ''
    #: Whether the object shows its links and fields (a goal is shown under its policy).
    show_fields: bool = True
    #: A child's number begins with its parent's: G1-5 belongs to P1.
    number_under_parent: bool = False
    #: Warn when no object of this child type names it (a policy without goals).
    warn_childless: str = ''
    #: Default columns of ``vision-list``.
    columns: tuple[str, ...] = ('id', 'title')
    #: Above the hierarchy: the system table's first line, the 体系図's top, a 概要版 panel.
    banner: bool = False
    #: A level of the system table and the 体系図.
    hierarchy: bool = False
    #: In the 体系図: ``short`` (number and title) or ``full`` (its heading).
    diagram_label: str = 'short'
    #: The frame around a row of these in the 体系図: 4つの基本的方針.
    group_label: str = ''
    #: In the opinions × goals matrix: ``rows`` or ``columns``.
    matrix: str = ''
    #: In the 新旧対照表, listed right after its parent.
    compare_under_parent: bool = False

    @property
    def label(self) -> str:
        """The name readers see, in the build's language."""
        return str(_(self.name))

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.id_pattern)

    @property
    def parent_link(self) -> str:
        """The link option that names the parent: ``policy`` for a goal, ``goals`` for an initiative."""
        return next((name for name, target in self.links if target == self.parent), '')

    def link_target(self, option: str) -> str | None:
        return dict(self.links).get(option)

    def field_label(self, name: str) -> str | None:
        """The label of a plain field; None for a field readers do not see (the mark)."""
        own = dict(self.field_labels)
        if name in own:
            return str(_(own[name]))
        from . import labels  # labels imports nothing of the extension either

        label = labels.FIELD_LABELS.get(name)
        return str(label) if label is not None else None

    def number_text(self, number: str) -> str:
        return str(_(self.number_format)).format(number=number)

    def label_text(self, number: str) -> str:
        """Its name and number in the build's language: 目指す姿1-1; English 'Goal 1-1'."""
        return str(_(self.label_format)).format(name=self.label, number=number)

    def is_valid_id(self, object_id: str) -> bool:
        return self.pattern.fullmatch(object_id) is not None


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class ObjectTypes:
    """Every type of one build, in the vision's order, with the questions views ask."""

    def __init__(self, records: Mapping[str, ObjectType]) -> None:
        self._records = dict(records)

    def __getitem__(self, key: str) -> ObjectType:
        return self._records[key]

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def __iter__(self) -> Iterator[ObjectType]:
        return iter(self._records.values())

    def __len__(self) -> int:
        return len(self._records)

    def get(self, key: str) -> ObjectType | None:
        return self._records.get(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self._records)

    @property
    def written(self) -> tuple[ObjectType, ...]:
        """The types editors write as directives."""
        return tuple(kind for kind in self if kind.directive)

    def children(self, key: str) -> tuple[ObjectType, ...]:
        """The types whose parent is ``key``, in order."""
        return tuple(kind for kind in self if kind.parent == key)

    @property
    def banner(self) -> ObjectType | None:
        return next((kind for kind in self if kind.banner), None)

    @property
    def levels(self) -> tuple[ObjectType, ...]:
        """The hierarchy's levels from the top (policy, goal, initiative), each the next's parent."""
        levels: list[ObjectType] = []
        candidates = [kind for kind in self if kind.hierarchy and not kind.banner]
        current = next((kind for kind in candidates if kind.parent not in self._records
                        or not self._records[kind.parent].hierarchy), None)
        while current is not None:
            levels.append(current)
            current = next((kind for kind in candidates if kind.parent == current.key), None)
        return tuple(levels)

    @property
    def hierarchy(self) -> tuple[str, ...]:
        """The keys the system table and the 体系図 show: the banner, then the levels."""
        banner = (self.banner.key,) if self.banner else ()
        return (*banner, *(kind.key for kind in self.levels))

    def matrix(self, role: str) -> ObjectType | None:
        """The type of the matrix's ``rows`` or ``columns``."""
        return next((kind for kind in self if kind.matrix == role), None)

    def for_data(self, part: str) -> ObjectType | None:
        """The type made from a data file's part (``meetings``)."""
        return next((kind for kind in self if kind.data == part), None)

    @property
    def link_options(self) -> tuple[str, ...]:
        """Every link option of every type, once, in order."""
        return tuple(dict.fromkeys(name for kind in self for name, _target in kind.links))

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for kind in self for name in kind.fields))

    @property
    def filters(self) -> tuple[ObjectType, ...]:
        """The types ``vision-list`` filters by (``:policy: P1``): those with children."""
        return tuple(kind for kind in self.levels if self.children(kind.key))


# -- Building the registry from conf.py --------------------------------------------

#: How each field of a record is read from ``conf.py``: tuples from lists, pairs from dicts.
_PAIRS = {'links', 'field_labels', 'backlinks'}
_LISTS = {'required', 'fields', 'columns'}
_FIELDS = {f.name for f in fields(ObjectType)} - {'key'}
_REQUIRED = ('prefix', 'id_pattern', 'name')


class ObjectTypeError(ValueError):
    """A record of ``vision_object_types`` that cannot be used."""


def _record(key: str, values: Mapping[str, Any]) -> ObjectType:
    unknown = sorted(set(values) - _FIELDS)
    if unknown:
        raise ObjectTypeError(f'vision_object_types[{key!r}]: unknown field(s) {", ".join(unknown)}; '
                         f'known: {", ".join(sorted(_FIELDS))}')
    missing = [name for name in _REQUIRED if not values.get(name)]
    if missing:
        raise ObjectTypeError(f'vision_object_types[{key!r}]: a new type needs {", ".join(missing)}')
    converted: dict[str, Any] = {}
    for name, value in values.items():
        if name in _PAIRS:
            converted[name] = tuple((str(k), str(v)) for k, v in dict(value).items())
        elif name in _LISTS:
            converted[name] = tuple(str(item) for item in value)
        else:
            converted[name] = value
    if 'id_example' not in converted:
        converted['id_example'] = converted['prefix'] + '1'
    try:
        re.compile(converted['id_pattern'])
    except re.error as error:
        raise ObjectTypeError(f'vision_object_types[{key!r}]: id_pattern is not a regular '
                         f'expression: {error}') from None
    return ObjectType(key=key, **converted)


@lru_cache(maxsize=16)
def _registry(overrides_json: str) -> ObjectTypes:
    overrides: dict[str, Any] = json.loads(overrides_json)
    merged: dict[str, dict[str, Any]] = {key: dict(values) for key, values in DEFAULT_TYPES.items()}
    for key, values in overrides.items():
        if key == ALL:
            merged.clear()
        elif values is None:
            merged.pop(key, None)
        else:
            merged.setdefault(key, {}).update(values)
    records = {key: _record(key, values) for key, values in merged.items()}
    for kind in records.values():
        targets = {target for _name, target in kind.links} | {kind.parent} - {''}
        unknown = sorted(target for target in targets if target not in records)
        if unknown:
            raise ObjectTypeError(f'vision_object_types[{kind.key!r}]: links to unknown type(s) '
                             f'{", ".join(unknown)}')
    return ObjectTypes(records)


def registry_from(overrides: Mapping[str, Any] | None) -> ObjectTypes:
    """The registry for these ``vision_object_types``; raises :class:`ObjectTypeError` if one is wrong."""
    return _registry(json.dumps(dict(overrides or {}), ensure_ascii=False, default=str))


def object_types(config: Config) -> ObjectTypes:
    """The object types of this build (``vision_object_types`` over the defaults)."""
    return registry_from(getattr(config, 'vision_object_types', None))
