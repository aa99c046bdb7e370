"""Directive and role syntax that is almost right, and is shown as text.

A Japanese IME types ``：：：｛goal｝`` for ``:::{goal}`` and ``｛goal｝`` for
``{goal}``; Word turns backticks into ‘smart quotes’; a space slips in before
the backtick (``{goal} `G1-1```); a fence gets two colons. MyST reads each as
ordinary text, so the object or link silently disappears. A byte-order mark
(U+FEFF) pasted inside a page does the same to the line it starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .findings import Finding, shorten

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .blocks import Page

BOM = '\ufeff'
#: Characters typed for the ASCII syntax characters: full-width forms, smart quotes.
_SYNTAX = str.maketrans({'：': ':', '｛': '{', '｝': '}', '｀': '`', '～': '~',
                         '‘': '`', '’': '`', '´': '`'})
_FENCE = re.compile(r'(:{3,}|`{3,}|~{3,})\{[^}\s]*\}|:{3,}\s*$')
_SHORT_FENCE = re.compile(r'(:{1,2})\{[A-Za-z][\w:.-]*\}')
_BACKTICKS = '`｀‘’´'
_ROLE_LIKE = re.compile(rf'[{{｛]([A-Za-z][\w:.-]*)[}}｝]([ \t\u3000]*)[{_BACKTICKS}]'
                        rf'([^{_BACKTICKS}\n]*)[{_BACKTICKS}]?')
_ROLE = re.compile(r'\{[A-Za-z][\w:.-]*\}`[^`]+`')


def find(page: Page) -> Iterator[Finding]:
    yield from _byte_order_marks(page)
    for token in page.tokens:
        if token.type != 'inline' or token.map is None:
            continue
        for index, text in enumerate(token.content.split('\n')):
            number = token.map[0] + index + 1
            yield from _fences(text, number)
            yield from _roles(text, number)


def _byte_order_marks(page: Page) -> Iterator[Finding]:
    for number, text in enumerate(page.lines, start=1):
        if BOM in text:
            yield Finding(
                number,
                'an invisible byte-order mark (U+FEFF) is at column %d of this line: MyST does '
                'not read the syntax after it (a directive, heading or list is shown as text); '
                'delete it (it comes with text pasted from another program)',
                (text.index(BOM) + 1,), 'paste')


def _fences(text: str, number: int) -> Iterator[Finding]:
    line = text.strip().lstrip(BOM)
    ascii_line = line.translate(_SYNTAX)
    if _FENCE.match(ascii_line) and ascii_line != line:
        yield Finding(number, '%r is written with full-width characters, so it is shown as '
                              'text, not read as a directive fence: write %r',
                      (shorten(line), shorten(ascii_line)), 'near-miss')
    elif short := _SHORT_FENCE.match(ascii_line):
        yield Finding(number, "%r is shown as text: a directive's fence has three colons, "
                              'write %r',
                      (shorten(line), shorten(':::' + ascii_line[len(short[1]):])),
                      'near-miss')


def _roles(text: str, number: int) -> Iterator[Finding]:
    for match in _ROLE_LIKE.finditer(text):
        if _ROLE.match(text, match.start()):
            continue
        yield Finding(number, '%r is not read as a role (full-width braces or backticks, smart '
                              'quotes or a space before the backtick) and is shown as text: '
                              'write %r',
                      (match[0], f'{{{match[1]}}}`{match[3].strip()}`'), 'near-miss')
