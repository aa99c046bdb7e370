"""HTML rendering: the stylesheet of objects and views.

Objects and views are docutils containers, tables and lists, which every
HTML theme renders; this module only adds ``vision.css`` to each HTML page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = Path(__file__).with_name('static') / 'vision.css'


def add_stylesheet(app: Sphinx) -> None:
    """Link and copy the stylesheet; copied now, so that the EPUB builder,
    which packs ``_static`` before the build finishes, includes it."""
    if app.builder.format != 'html':
        return
    app.add_css_file(STYLESHEET.name)
    static = Path(app.outdir, '_static')
    static.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, static / STYLESHEET.name)


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', add_stylesheet)
