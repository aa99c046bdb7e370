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

from sphinx.util.texescape import escape as tex_escape

from .. import labels

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


#: Japanese engines: a translation keeps Sphinx's Japanese class with them.
JAPANESE_ENGINES = ('platex', 'uplatex')
#: The English edition's chapter heads and index, not ujbook's 「第1章」, 「索 引」.
ENGLISH_WORDS = r'''
\renewcommand{\prechaptername}{Chapter~}
\renewcommand{\postchaptername}{}
\renewcommand{\appendixname}{Appendix~}
\renewcommand{\indexname}{Index}
% Quotation marks, dashes and the ellipsis as Latin letters of the text face
% (upLaTeX sets them in Mincho, full-width, as in Japanese).
\kcatcode"2013=15 \kcatcode"2014=15 \kcatcode"2018=15 \kcatcode"2019=15
\kcatcode"201C=15 \kcatcode"201D=15 \kcatcode"2026=15
\makeatletter
% The contents' chapter numbers are wider in English (ujbook's \l@chapter, 6zw not 4zw).
\renewcommand*{\l@chapter}[2]{%
  \ifnum \c@tocdepth >\m@ne
    \addpenalty{-\@highpenalty}%
    \addvspace{1.0em \@plus\p@}%
    \begingroup
      \parindent\z@ \rightskip\@pnumwidth \parfillskip-\rightskip
      \leavevmode\bfseries
      \setlength\@lnumwidth{6zw}%
      \advance\leftskip\@lnumwidth \hskip-\leftskip
      #1\nobreak\hfil\nobreak\hb@xt@\@pnumwidth{\hss#2}\par
      \penalty\@highpenalty
    \endgroup
  \fi}
\makeatother
'''


def configure_latex(app: Sphinx, config: Config) -> None:
    """The typefaces unless ``conf.py`` chooses its own ``fontpkg``.

    A translated edition (``-D language=en``) with a Japanese engine keeps
    upLaTeX's Japanese class (ujbook, as for Japanese): the names of people
    stay in Japanese script, and the style files build on that class. Sphinx
    would take its Latin class (report) for any language but Japanese.
    """
    if 'fontpkg' not in config.latex_elements:
        config.latex_elements = {**config.latex_elements, 'fontpkg': FONTPKG}
    if config.language != 'ja' and config.latex_engine in JAPANESE_ENGINES:
        if not config.latex_docclass:
            config.latex_docclass = {'manual': 'ujbook', 'howto': 'ujreport'}
        config.latex_elements = {
            **config.latex_elements,
            'preamble': config.latex_elements.get('preamble', '')
            + (ENGLISH_WORDS if config.language.startswith('en') else '')
            + contents_heading() + translated_metadata(config)}


def contents_heading() -> str:
    """The contents' heading in the translation, unless the root's toctree caption names it
    (Sphinx sets ``\\contentsname`` from that caption; ujbook's own is 「目 次」)."""
    return ('\\makeatletter\\long\\def\\vision@ujcontents{目 次}\\ifx\\contentsname\\vision@ujcontents'
            f'\\renewcommand{{\\contentsname}}{{{tex_escape(str(labels.PDF_CONTENTS_HEADING))}}}'
            '\\fi\\makeatother\n')


def translated_metadata(config: Config) -> str:
    """The PDF's title, author and language in the translation (after conf.py's own)."""
    title, author = (_hyperref_text(value) for value in (config.project, config.author))
    return (f'\\hypersetup{{pdftitle={{{title}}}, pdfauthor={{{author}}}, '
            f'pdfsubject={{{title}}}, pdflang={{{config.language}}}}}\n')


def _hyperref_text(text: str) -> str:
    # A title in a key=value list: braces and TeX's specials would end it.
    return ''.join(c for c in text if c not in '{}\\%#&$^_~')


def copy_style_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == 'latex':
        shutil.copyfile(STYLE_FILE, Path(app.outdir, STYLE_FILE.name))


def setup(app: Sphinx) -> None:
    app.connect('config-inited', configure_latex)
    app.add_latex_package('refcount')
    app.add_latex_package('sphinxvisionprint')
    app.connect('build-finished', copy_style_file)
