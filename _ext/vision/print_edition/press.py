"""The print office's edition of the 本編: ``-D vision_edition=print`` (``make pdf-print``).

The same text as the screen PDF, laid out for a bound, left-bound book:

- two-sided; the 表紙 (表1, then 表2–表4) are the first four pages of what
  TeX writes, and ``tools/print_profile.py`` takes them out into a file of
  their own, so the body (本文) begins with はじめに on a right-hand page;
- chapters open on right-hand pages (``vision_print_chapters_open_right``,
  the default: a ward plan's printed chapters start on the right, behind a
  blank page where needed); the arabic pages start on a right-hand page
  either way;
- blank pages before the 奥付, so that the body's page count is a multiple
  of 4 and the 奥付 is its last page.

Every blank page TeX adds carries ``/VisionBlank true`` in its page
dictionary, so the print profile can report them (it removes the key).
``print-edition.json`` beside the PDF tells the print profile the colour
(``vision_print_colour``: ``cmyk``, or ``mono`` for 墨1色) and whether
chapters must open on the right.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.texescape import escape as tex_escape

from ..events import PRINT_EDITION_LATEX, PUBLICATION
from ..stage import is_draft
from .print_matter import colophon_tex, cover_tex

if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx
    from sphinx.config import Config

EDITION = 'print'
STYLE_FILE = Path(__file__).with_name('sphinxvisionpress.sty')
SETTINGS_FILE = 'print-edition.json'
COVER_PAGES = 4


def back_pages_tex(pub: Any) -> str:
    """表2 and 表3 blank (the plan gives nothing for them), 表4 the title and the issuer."""
    stage = f'（{tex_escape(pub.stage)}）' if is_draft(pub.stage) else ''
    return rf'''
\visioncoverpage{{表2}}{{}}
\visioncoverpage{{表3}}{{}}
\visioncoverpage{{表4}}{{\vfill\centering
{{\sffamily\large {tex_escape(pub.title)}{stage}\par}}\vspace{{1zh}}
{{\sffamily\Large {tex_escape(pub.issuer)}\par}}\vspace{{0.08\textheight}}}}
'''


def configure_latex(app: Sphinx, config: Config) -> None:
    """The print edition's cover, page sides and padding (before :mod:`.print_matter`)."""
    if config.vision_edition != EDITION:
        return
    pub = app.emit_firstresult(PUBLICATION, config)
    side = 'openright' if config.vision_print_chapters_open_right else 'openany'
    elements = {**config.latex_elements, 'extraclassoptions': f'{side},twoside'}
    if pub is not None:
        elements.setdefault('maketitle', cover_tex(pub, back_pages_tex(pub)))
        elements.setdefault('printindex',
                            r'\printindex' + '\n\\visionpadbeforecolophon\n' + colophon_tex(pub))
    config.latex_elements = elements
    app.add_latex_package('sphinxvisionpress')


def write_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != 'latex' or app.config.vision_edition != EDITION:
        return
    shutil.copyfile(STYLE_FILE, Path(app.outdir, STYLE_FILE.name))
    pdf = Path(app.config.latex_documents[0][1]).with_suffix('.pdf').name
    settings = {'pdf': pdf, 'colour': app.config.vision_print_colour,
                'chapters_open_right': bool(app.config.vision_print_chapters_open_right),
                'cover_pages': COVER_PAGES}
    Path(app.outdir, SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + '\n',
                                               encoding='utf-8')


def setup(app: Sphinx) -> None:
    app.connect('config-inited', configure_latex, priority=PRINT_EDITION_LATEX)
    app.connect('build-finished', write_files)
