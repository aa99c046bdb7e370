"""Era dates in HTML templates: the ``era_date`` Jinja filter.

``{{ '2023-09-05' | era_date }}`` gives 「令和5年9月5日」, with the same rules as
the data files' dates (:mod:`vision.datafiles.era`), so a page's 作成日 and
更新日 read like every other date of the plan; in the English edition
「5 September 2023 (Reiwa 5)」.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .era import in_language

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_filter(app: Sphinx) -> None:
    templates = getattr(app.builder, 'templates', None)
    environment = getattr(templates, 'environment', None)
    if environment is not None:
        language = app.config.language
        environment.filters['era_date'] = lambda value: in_language(value, language)


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', add_filter)
