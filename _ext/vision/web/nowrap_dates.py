"""Dates that never break across lines on the residents' site.

「令和5年9月7日」 wrapped as 「令和5年9/月7日」 is hard to read. Every era
date in a page's body is wrapped in ``<span class="vision-date">``, which
``vision-residents.css`` keeps on one line. This is done on the page's HTML,
not on the doctree: the search index reads the doctree's text nodes one by
one, and a date split off its node would no longer be found with the word it
belongs to (「平成30年度」). HTML only: the PDF's typesetting has its own rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..typesetting import ERA_NAMES

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: An era date, with the western year in brackets where given: 令和6年（2024年）3月.
ERA_DATE = re.compile(f'(?:{"|".join(ERA_NAMES)})' r'(?:\d+|元)年(?:[（(]\d{4}年[）)])?(?:\d+月(?:\d+日)?)?')
#: Text between two tags, and the elements whose text is shown as written.
_TEXT = re.compile(r'>([^<>]+)<')
_VERBATIM = re.compile(r'<(pre|script|style|textarea)\b.*?</\1>', re.DOTALL)


def nowrap_dates(html: str) -> str:
    """*html* with every era date in its text wrapped in a ``vision-date`` span."""
    parts, position = [], 0
    for verbatim in _VERBATIM.finditer(html):
        parts.append(_wrap(html[position:verbatim.start()]))
        parts.append(verbatim[0])
        position = verbatim.end()
    parts.append(_wrap(html[position:]))
    return ''.join(parts)


def _wrap(html: str) -> str:
    return _TEXT.sub(lambda text: '>' + ERA_DATE.sub(
        lambda date: f'<span class="vision-date">{date[0]}</span>', text[1]) + '<', html)


def wrap_body(app: Sphinx, pagename: str, templatename: str, context: dict,
              doctree: object) -> None:
    if context.get('body'):
        context['body'] = nowrap_dates(context['body'])


def setup(app: Sphinx) -> None:
    app.connect('html-page-context', wrap_body)
