"""The print edition's typefaces and page design, set up for every LaTeX build.

Typefaces: Morisawa's BIZ UD Mincho for the text and BIZ UD Gothic for
headings and diagrams (``vision_diagram_font``), one universal-design family
made for public documents; Latin in TeX Gyre Termes beside Mincho and Heros
beside Gothic. pxchfon embeds the TrueType files from inside the document
(no change to the machine's TeX configuration), and its ``unicode`` option
maps them by Unicode, so dvipdfmx writes a ToUnicode map for every Japanese
font: copying and searching work in every reader, not only in poppler.
HaranoAji (Adobe-Japan1 OpenType) was the font before; compared on the
same pages, BIZ UD Mincho has the sturdier strokes and larger, clearer
kana at 10 pt, and Chromium embeds the same family's Gothic in the diagrams.

Page design (``sphinxvisionprint.sty``): per-chapter figure and table
numbers, one page style, page labels and the colophon's layout.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STYLE_FILE = Path(__file__).with_name('sphinxvisionprint.sty')

MINCHO_FILE = 'BIZUDMincho-Regular.ttf'
GOTHIC_FILE = 'BIZUDGothic-Regular.ttf'

FONTPKG = rf'''
\usepackage{{tgtermes}}
\usepackage{{tgheros}}
\renewcommand{{\ttdefault}}{{txtt}}
\usepackage[noalphabet,unicode]{{pxchfon}}
\setminchofont{{{MINCHO_FILE}}}
\setgothicfont{{{GOTHIC_FILE}}}
'''


def configure_latex(app: Sphinx, config: Config) -> None:
    """The typefaces unless ``conf.py`` chooses its own ``fontpkg``."""
    if 'fontpkg' not in config.latex_elements:
        config.latex_elements = {**config.latex_elements, 'fontpkg': FONTPKG}


def copy_style_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == 'latex':
        shutil.copyfile(STYLE_FILE, Path(app.outdir, STYLE_FILE.name))


def setup(app: Sphinx) -> None:
    app.connect('config-inited', configure_latex)
    app.add_latex_package('refcount')
    app.add_latex_package('sphinxvisionprint')
    app.connect('build-finished', copy_style_file)
