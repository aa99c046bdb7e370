"""The PDF's front and back matter: the cover (表紙) and the colophon (奥付).

The cover carries the title, the subtitle where ``vision_subtitle`` sets one,
the stage while a draft, the publication date in era and western years and
the issuer; the colophon, on the last page after the indexes, repeats title,
stage and date and lists the ``vision_colophon`` fields that ``conf.py`` sets.
Their facts come from :mod:`vision.datafiles.publication`, through the
``vision-publication`` event.

``conf.py`` keeps the last word: a ``maketitle`` or ``printindex`` of its own
in ``latex_elements`` is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.util.texescape import escape as tex_escape

from .. import events, labels
from ..stage import is_draft, watermark_tex

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _title_lines(pub: Any) -> tuple[str, str]:
    subtitle = rf'{{\Large {tex_escape(pub.subtitle)}\par}}\vspace{{1zh}}' if pub.subtitle else ''
    stage = rf'{{\Large （{tex_escape(pub.stage)}）\par}}' if is_draft(pub.stage) else ''
    return subtitle, stage


def cover_tex(pub: Any, back_pages: str = '') -> str:
    """The cover, its own page label (表紙), then roman numbers for the front matter.

    *back_pages* follow the cover before the front matter: the print edition's
    表2–表4 (:mod:`.press`).
    """
    subtitle, stage = _title_lines(pub)
    return rf'''
\begin{{titlepage}}
\thispdfpagelabel{{{labels.COVER_PAGE_LABEL}}}
\centering
\vspace*{{0.28\textheight}}
{{\sffamily\Huge {tex_escape(pub.title)}\par}}
\vspace{{2zh}}
{subtitle}
{stage}
\vfill
{{\sffamily\Large {pub.date_text}\par}}
\vspace{{2zh}}
{{\sffamily\LARGE {tex_escape(pub.issuer)}\par}}
\vspace{{0.08\textheight}}
\end{{titlepage}}
{back_pages}\pagenumbering{{roman}}
{watermark_tex(pub.stage) if is_draft(pub.stage) else ''}
'''


def colophon_tex(pub: Any) -> str:
    """The colophon at the foot of a page of its own: title, date and the configured fields."""
    stage = f'（{tex_escape(pub.stage)}）' if is_draft(pub.stage) else ''
    rows = [(str(labels.COLOPHON_LABELS['date']), pub.date_text)] if pub.date_text else []
    rows += [(label, tex_escape(value)) for label, value in pub.colophon]
    table = '\n'.join(rf'{label} & {value}\\' for label, value in rows)
    return rf'''
\clearpage
\markboth{{}}{{}}
\vspace*{{\fill}}
\begin{{visioncolophon}}
{{\sffamily\large {tex_escape(pub.title)}{stage}\par}}
\begin{{visioncolophonfields}}
{table}
\end{{visioncolophonfields}}
\end{{visioncolophon}}
'''


def configure_latex(app: Sphinx, config: Config) -> None:
    # vision.datafiles.publication answers: the date comes from a data file.
    pub = app.emit_firstresult(events.PUBLICATION, config)
    if pub is None:
        return
    elements = dict(config.latex_elements)
    elements.setdefault('maketitle', cover_tex(pub))
    elements.setdefault('printindex', r'\printindex' + colophon_tex(pub))
    config.latex_elements = elements
    if is_draft(pub.stage):
        app.add_latex_package('eso-pic')


def setup(app: Sphinx) -> None:
    app.connect('config-inited', configure_latex, priority=events.PRINT_MATTER)
