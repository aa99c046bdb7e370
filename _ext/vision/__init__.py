"""The ``vision`` Sphinx extension: the Setagaya new industrial vision's domain,
data files, diagrams and print set-up.

The code is split by job into subpackages (see ARCHITECTURE.md):

- :mod:`vision.domain`: the objects, their directives, roles and Sphinx domain;
- :mod:`vision.views`: content generated from many objects (backlinks, tables);
- :mod:`vision.datafiles`: the YAML files under ``data/`` and their tables;
- :mod:`vision.diagrams`: mermaid diagrams drawn at build time;
- :mod:`vision.web`: the residents' HTML site;
- :mod:`vision.print_edition`: the PDF (LaTeX, typefaces, cover, colophon, numbering);
- :mod:`vision.search`: Japanese search and search by reading;
- :mod:`vision.export`: ``vision.json`` and its schema;
- :mod:`vision.page_text`: checks of the page text for what MyST would drop or
  misread without a word;
- :mod:`vision.editions`: editions from the same sources, the 概要版 and the
  新旧対照表 (``make summary``, ``make compare``);
- :mod:`vision.furigana`: ふりがな (readings over kanji) for the pages that ask;
- :mod:`vision.translation`: the English edition's lookups of the pages' words;
- :mod:`vision.prose`: the prose checks (textlint), reported as located warnings;
- :mod:`vision.processes`: the long-lived Node processes the build talks to.

Beside them, modules every part may use: :mod:`vision.object_types` (the one
registry of what each object type is) with :mod:`vision.type_defaults` (the
ward's types), :mod:`vision.config` (configuration values),
:mod:`vision.messages` (the editors' messages in Japanese), :mod:`vision.stage`
(the draft stage), :mod:`vision.typesetting` (kinsoku characters and eras),
:mod:`vision.sphinx_compat` (the only use of Sphinx's private attributes),
:mod:`vision.events` (events and the order of transforms),
:mod:`vision.labels` (every label readers see), :mod:`vision.encoding` (pages
and data files are UTF-8), :mod:`vision.catalogues` (message catalogues),
:mod:`vision.build_state` (the build's state on the environment) and
:mod:`vision.forked_workers`.

Imports run one way. ``tests/architecture/test_layers.py``'s ``MAY_IMPORT``
says which part may import which, and fails the tests when an import runs back
up; nothing imports this package's ``setup``.

Each module has one job and its own ``setup(app)``; this package wires them
together and declares parallel safety for all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import build_state, catalogues, config, encoding, events, forked_workers, messages, stage
from .datafiles import committee_tables, data_text, era_filter, json_data, loading, publication
from .diagrams import mermaid, structure
from .domain import directives, packing, sphinx_domain
from .editions import summary
from .export import epub, json_export
from .furigana import switch as furigana_switch
from .page_text import report as page_text
from .print_edition import (
    index_readings,
    latex,
    numbering,
    preface,
    press,
    print_layout,
    print_matter,
    single_page,
)
from .prose import report as prose_report
from .search import index_entries as search_index_entries
from .search import japanese as search_japanese
from .search import readings as search_readings
from .translation import config_words as translation_config
from .translation import marks as translation_marks
from .translation import messages as translation_messages
from .views import backlinks, dependencies, tables
from .web import (
    html_assets,
    landing,
    lean_theme,
    matrix_html,
    nowrap_dates,
    object_headings,
    page_info,
    page_tree,
    published_files,
    raw_html,
    theme,
    theme_css,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = '0.1.0'

_SUBMODULES = (messages, events, config, encoding, index_readings, sphinx_domain, directives, packing, backlinks, tables,
               html_assets, latex, dependencies, json_export, epub, mermaid, structure, loading,
               committee_tables, data_text, search_japanese, search_index_entries, stage, theme, lean_theme, theme_css, raw_html,
               published_files, page_tree, nowrap_dates, matrix_html, object_headings,
               page_info, landing, era_filter, search_readings, catalogues, forked_workers, json_data,
               summary, publication, print_layout, print_matter, single_page, press, preface, numbering,
               page_text, translation_config, translation_messages, translation_marks, prose_report, furigana_switch)


def setup(app: Sphinx) -> dict[str, object]:
    for module in _SUBMODULES:
        module.setup(app)
    return {
        'version': __version__,
        # The state's shape and the catalogues' digest: either changed, every page is read again.
        'env_version': build_state.VERSION << 32 | catalogues.digest(),
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
