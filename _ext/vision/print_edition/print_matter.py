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
from ..stage import is_draft, stage_name, title_stage, watermark_tex

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _title_lines(pub: Any) -> tuple[str, str]:
    subtitle = rf'{{\Large {tex_escape(pub.subtitle)}\par}}\vspace{{1zh}}' if pub.subtitle else ''
    stage = rf'{{\Large {tex_escape(title_stage(pub.stage).strip())}\par}}' if is_draft(pub.stage) else ''
    return subtitle, stage


def _watermark_name(stage: str) -> str:
    # A word across the page starts with a capital: "Preliminary draft".
    name = stage_name(stage)
    return name[:1].upper() + name[1:]


def is_translation(config: Config) -> bool:
    """A reference translation: not the language of the first site (the original)."""
    original = next(iter(config.vision_language_sites), 'ja')
    return (config.language or 'ja') != original


def translation_note_tex() -> str:
    """The reference translation's note on the cover, below the issuer."""
    return rf'{{\sffamily\normalsize {tex_escape(str(labels.TRANSLATION_NOTE))}\par}}'


def cover_tex(pub: Any, back_pages: str = '', note: str = '') -> str:
    """The cover, its own page label (表紙), then roman numbers for the front matter.

    *back_pages* follow the cover before the front matter: the print edition's
    表2–表4 (:mod:`.press`). *note* is a translation's note (:func:`translation_note_tex`).
    """
    subtitle, stage = _title_lines(pub)
    note = rf'\vspace{{2zh}}{note}' if note else ''
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
{note}
\vspace{{0.08\textheight}}
\end{{titlepage}}
{back_pages}\pagenumbering{{roman}}
{watermark_tex(_watermark_name(pub.stage)) if is_draft(pub.stage) else ''}
'''


def colophon_tex(pub: Any) -> str:
    """The colophon at the foot of a page of its own: title, date and the configured fields."""
    stage = tex_escape(title_stage(pub.stage))
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
    note = translation_note_tex() if is_translation(config) else ''
    elements.setdefault('maketitle', cover_tex(pub, note=note))
    elements.setdefault('printindex', r'\printindex' + colophon_tex(pub))
    config.latex_elements = elements
    if is_draft(pub.stage):
        app.add_latex_package('eso-pic')


def setup(app: Sphinx) -> None:
    app.connect('config-inited', configure_latex, priority=events.PRINT_MATTER)
