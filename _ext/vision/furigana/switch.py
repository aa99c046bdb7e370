"""The 「ふりがな」 switch on every page of the Japanese site.

Measured before choosing (``tools/furigana_accuracy.py``, EDITING.md
「ふりがな」): ruby written into the pages at build time would add 15 to 89 %
to each chapter's HTML for every reader, with the switch off too
(opinions.html: 78 KB + 69 KB, its first load from 215 KB to 284 KB, past
the 250 KB budget). So the pages carry only the switch
(``templates/vision-furigana-switch.html``, in the theme's article header),
its small script and stylesheet (first load +3.9 KB, two requests). The
readings and the code that shows them are one file for the whole site,
``_static/vision-furigana-readings.js`` (the table, then ``ruby.js``), which
the switch's script loads once a reader turns ふりがな on (a ``<script>``
element, so from ``file://`` too). It puts ``<ruby>`` over the kanji words
of the article, each ``<rt>`` hidden from assistive technology (the kanji are
read once) and left out of a copied selection; turned off, the ruby goes
again. The state is kept in ``localStorage``, for the next page.

Only the Japanese web site has the switch (the ``html`` builder, Japanese):
not the English edition, the EPUB, the single page the accessible PDF is
printed from, nor the PDF. The search index is made from the pages' doctrees,
which no reading enters.

The readings file is written on every HTML build, from the words each page
had when it was read (the search's analysis, kept with the environment) and
``data/readings.yaml``, so an incremental build writes what a clean one does,
and a build that reads no page loads no dictionary.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..print_edition.index_readings import load_readings
from ..search.readings import WORDS
from .ruby import ruby_table

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_HERE = Path(__file__).resolve().parent
STATIC = _HERE / 'static'
TEMPLATES = _HERE / 'templates'
SCRIPT = 'vision-furigana.js'
#: The code that shows the readings, written after the table into READINGS.
RUBY_SCRIPT = _HERE / 'ruby.js'
STYLESHEET = 'vision-furigana.css'
READINGS = 'vision-furigana-readings.js'
SWITCH_TEMPLATE = 'vision-furigana-switch.html'


def shows_furigana(app: Sphinx) -> bool:
    """The Japanese web site: the ``html`` builder, in Japanese."""
    return app.builder.name == 'html' and (app.config.language or 'ja') == 'ja'


def add_paths(app: Sphinx, config: Config) -> None:
    # New lists, never changed in place: a default value is shared by every
    # application in the process.
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    if config.html_theme == 'pydata_sphinx_theme' and 'article_header_end' not in config.html_theme_options:
        # Beside the breadcrumbs, at the top of every page.
        config.html_theme_options = {**config.html_theme_options, 'article_header_end': [SWITCH_TEMPLATE]}


def add_assets(app: Sphinx) -> None:
    """Link the switch's script and stylesheet, and copy them: only into the
    Japanese web site (not on ``html_static_path``, which every builder copies)."""
    if not shows_furigana(app):
        return
    app.add_js_file(SCRIPT, loading_method='defer')
    app.add_css_file(STYLESHEET)
    static = Path(app.outdir, '_static')
    static.mkdir(parents=True, exist_ok=True)
    for name in (SCRIPT, STYLESHEET):
        shutil.copyfile(STATIC / name, static / name)


def write_readings(app: Sphinx) -> list:
    """The site's readings, once every page is known (``html-collect-pages``)."""
    if not shows_furigana(app):
        return []
    pages = WORDS.of(app.env)
    corrections = load_readings(app)
    table = ruby_table((pages[docname] for docname in sorted(app.env.found_docs) if docname in pages),
                       corrections)
    static = Path(app.outdir, '_static')
    static.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
    script = RUBY_SCRIPT.read_text(encoding='utf-8')
    (static / READINGS).write_text(f'var VISION_FURIGANA_TABLE = {payload};\n{script}', encoding='utf-8')
    return []


def switch_on_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                   doctree: object) -> None:
    if shows_furigana(app):
        context['vision_furigana'] = True


def setup(app: Sphinx) -> None:
    app.connect('config-inited', add_paths)
    app.connect('builder-inited', add_assets)
    app.connect('html-collect-pages', write_readings)
    app.connect('html-page-context', switch_on_page)
