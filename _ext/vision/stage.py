"""The draft stage (素案, 案, 策定) shown to readers.

In HTML, every page carries a banner naming the stage; in the PDF, the cover
(:mod:`vision.print_matter`) names it and every page after the cover carries
a light watermark. Once the vision is adopted (策定) neither appears. The stage comes from
``vision_stage`` (``conf.py`` or ``-D vision_stage=案``), validated in
:mod:`vision.config`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .config import STAGES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation('vision')

#: The stage at which the document stops being a draft.
ADOPTED = STAGES[-1]


def is_draft(stage: str) -> bool:
    return stage != ADOPTED


def has_watermark(config: Config, builder_format: str) -> bool:
    """Whether pages carry the stage's watermark: a draft's PDF, but not the 概要版's.

    Diagrams fill their boxes translucently only then, so that the watermark
    shows through; otherwise their fills are opaque (a print shop's RIP need
    not flatten transparency that does nothing).
    """
    return builder_format == 'latex' and is_draft(config.vision_stage) \
        and config.vision_edition != 'summary'


def stage_name(stage: str) -> str:
    """The stage in the build's language (素案; English: preliminary draft)."""
    return str(_(stage))


def title_stage(stage: str) -> str:
    """What follows the title of a draft: 「（素案）」; nothing once adopted."""
    return _('（%s）') % stage_name(stage) if is_draft(stage) else ''


def banner_text(stage: str) -> str:
    return _('この文書は%sです。内容は今後変更されることがあります。') % stage_name(stage)


def watermark_tex(stage: str) -> str:
    """A light diagonal stage name behind every page after the cover.

    Marked as a ``/Span`` whose ActualText is empty, so text extraction
    (pdftotext, copy and paste, screen readers) skips it: the watermark must
    not split the body's sentences in the extracted text. A longer name
    (a translation's "Preliminary draft") is set smaller to fit the page.
    """
    size = 120 if len(stage) <= 4 else 60
    return rf'''
\AddToShipoutPictureBG{{%
  \AtPageCenter{{\makebox(0,0){{%
    \special{{pdf:literal direct /Span <</ActualText ()>> BDC}}%
    \rotatebox{{45}}{{\fontsize{{{size}}}{{{size}}}\selectfont\sffamily\bfseries\color[gray]{{0.88}}{stage}}}%
    \special{{pdf:literal direct EMC}}}}}}}}
'''


def add_stage_to_context(app: Sphinx, pagename: str, templatename: str,
                         context: dict, doctree: object) -> None:
    stage = app.config.vision_stage
    context['vision_stage'] = stage
    context['vision_stage_banner'] = banner_text(stage) if is_draft(stage) else ''


def setup(app: Sphinx) -> None:
    app.connect('html-page-context', add_stage_to_context)
