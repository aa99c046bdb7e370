"""Every event the extension emits or connects to, and every ordering it relies on.

The extension's own events are declared here (:func:`setup` adds them) and
named by constants, so an emitter and its listeners cannot drift apart. The
Sphinx events the modules connect to are listed in :data:`SPHINX_EVENTS`;
``tests/architecture/test_events.py`` fails when a module connects to or
emits an event that is not named here, or gives a post-transform or a
listener a number instead of one of the priorities below.

Post-transforms run in order of priority (lower first, Sphinx's
``ReferencesResolver`` at 10); of equal priorities, the one added first runs
first, i.e. the order of ``vision._SUBMODULES``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# -- The extension's own events -------------------------------------------------
#: ``(app, builder) -> list of (source, config)``: diagrams that no page holds
#: as a node but that a builder needs drawn too (the 体系図 of every edition),
#: collected by :mod:`vision.diagrams.mermaid` before its one batch.
DIAGRAM_SOURCES = 'vision-diagram-sources'
#: ``(app) -> dict``: the data files' part of ``vision.json`` (members, meetings),
#: answered by :mod:`vision.datafiles.json_data`.
EXPORT_DATA = 'vision-export-data'
#: ``(app, config) -> Publication``: the title, stage, date and colophon of the
#: publication, answered by :mod:`vision.datafiles.publication` for the cover,
#: the colophon and the 概要版.
PUBLICATION = 'vision-publication'

VISION_EVENTS = (DIAGRAM_SOURCES, EXPORT_DATA, PUBLICATION)

#: Sphinx's events the extension connects to.
SPHINX_EVENTS = frozenset({
    'config-inited', 'builder-inited', 'env-get-outdated', 'env-before-read-docs',
    'source-read', 'include-read', 'doctree-read', 'env-updated', 'env-get-updated',
    'env-check-consistency', 'warn-missing-reference', 'write-started', 'doctree-resolved',
    'html-collect-pages', 'html-page-context', 'build-finished',
})

# -- Post-transform priorities (lower runs first) ---------------------------------
#: Objects take the anchors they own before anything links to them. Below
#: Sphinx's ReferencesResolver (10), like sphinxcontrib-bibtex's transforms
#: (5), so the links the views make are resolved by the domain's Linker
#: with the anchors in place.
ASSIGN_ANCHORS = 5
#: The gettext builder's extra messages (vision.translation.messages) leave
#: every other builder's doctree first, before anything walks it.
DROP_MESSAGES = 1
#: Backlinks, tables, lists and the 概要版's panels replace their placeholders:
#: after the anchors (same priority, added later), before the HTML-only
#: rewrites below, which work on the content they make.
FILL_VIEWS = 5
#: Manual pages cannot span cells: after the tables exist.
UNSPAN_FOR_MAN = 6
#: The matrix gets its reader-friendly HTML form once FillViews has put it in place.
MATRIX_FOR_EVERY_READER = 7
#: Object titles become headings last: the views may show objects too, and the
#: matrix's rewrite must not see the headings as table content.
OBJECT_HEADINGS = 8

#: The objects packed for storage (vision.domain.packing) are put back before
#: every other post-transform, the messages' drop included.
UNPACK_STORED = 0

# -- Read-time transform priorities -------------------------------------------------
#: The last transform of reading: objects are packed for storage
#: (vision.domain.packing) once every transform and ``doctree-read`` listener (880) has
#: seen them, after Sphinx's last ones at the same priority (docutils sorts
#: priorities as three digits: 999 is the last there is).
PACK_STORED = 999
#: What stayed Japanese in a translated build is marked right after Sphinx's
#: Locale transform (20) has translated the page, before its translation
#: classes (950) and before anything copies the page's text (titles: 880s).
MARK_UNTRANSLATED = 25

# -- Listener priorities (Sphinx's default is 500) --------------------------------
#: Sphinx's toctree collector numbers figures at the default priority on
#: ``env-get-updated``: the 表3-1 numbers are turned back into Sphinx's form
#: before it compares them, and joined again after.
BEFORE_SPHINX_NUMBERS = 400
AFTER_SPHINX_NUMBERS = 600
#: ``config-inited``: the configuration is checked before anything reads it.
CHECK_CONFIG = 100
#: ``config-inited``: in a translated build, conf.py's words readers see (the
#: project's name, the 問い合わせ先) are replaced by their translation once
#: checked, before anything copies them (vision.translation.config_words).
TRANSLATE_CONFIG = 120
#: ``config-inited``: the object types (vision.object_types) are read, and a
#: wrong record stops the build with one message, before the directives, roles
#: and views made from them are registered (at the default priority).
OBJECT_TYPES = 150
#: ``config-inited``: the 概要版 replaces ``latex_documents`` before the cover
#: and colophon (``PRINT_MATTER``) are added to the LaTeX set-up.
SUMMARY_LATEX = 550
#: ``config-inited``: the print office's edition sets its two-sided class, its
#: cover with 表2–表4 and its padded colophon before ``PRINT_MATTER``'s defaults.
PRINT_EDITION_LATEX = 590
PRINT_MATTER = 600
#: ``html-page-context``: after the theme has built its sidebar toctree.
AFTER_THEME_SIDEBAR = 600
#: ``build-finished``: the theme's stylesheet is cut (vision.web.theme_css)
#: after the theme has rewritten ``pygments.css`` with its light and dark styles.
AFTER_THEME_PYGMENTS = 600
#: ``html-page-context``: a stylesheet added to one page (the 概要版's) before
#: vision.web.lean_theme, at the default priority, copies the page's list of them.
PAGE_STYLESHEETS = 400
#: ``html-page-context``: the tagged PDF's single page drops the site's furniture
#: (vision.print_edition.single_page) after vision.stage and vision.web.page_info set it.
SINGLE_PAGE_FURNITURE = 900
#: ``doctree-resolved``: drawings are attached after every other listener has
#: made the diagrams' nodes (the 体系図 at the default priority).
ATTACH_DRAWINGS = 700


def setup(app: Sphinx) -> None:
    for name in VISION_EVENTS:
        app.add_event(name)
