"""HTML rendering: the stylesheet of objects and views, and the extension's
static folder.

Objects and views are docutils containers, tables and lists, which every
HTML theme renders; this module adds ``vision.css`` to each HTML page (and
``vision-search-hit.js``, which scrolls a search hit's marked words into view
below a sticky header, to each web page) and
puts ``static/`` (also the diagrams' and the residents' stylesheets) on
``html_static_path``, once for the whole extension.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).with_name('static')
STYLESHEET = STATIC_DIR / 'vision.css'
#: Scrolls a search hit's marked words into view on the page it opens.
SEARCH_HIT_SCRIPT = 'vision-search-hit.js'


def add_static_dir(app: Sphinx, config: Config) -> None:
    # A new list, never changed in place: a default value is shared by every
    # application in the process.
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def add_stylesheet(app: Sphinx) -> None:
    """Link and copy the stylesheet; copied now, so that the EPUB builder,
    which packs ``_static`` before the build finishes, includes it."""
    if app.builder.format != 'html':
        return
    app.add_css_file(STYLESHEET.name)
    if app.builder.name != 'epub':
        app.add_js_file(SEARCH_HIT_SCRIPT)
    static = Path(app.outdir, '_static')
    static.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, static / STYLESHEET.name)


def setup(app: Sphinx) -> None:
    app.connect('config-inited', add_static_dir)
    app.connect('builder-inited', add_stylesheet)
