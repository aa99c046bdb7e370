"""Directive and role syntax that is almost right, and is shown as text.

A Japanese IME types ``：：：｛goal｝`` for ``:::{goal}`` and ``｛goal｝`` for
``{goal}``; Word turns backticks into ‘smart quotes’ (or an apostrophe is
typed for one); a space slips in before the backtick (``{goal} `G1-1```); a
fence gets two colons, or is indented into a code block; a full-width space
(U+3000) indents a fence, heading or list. MyST reads each as ordinary text
or code, so the object, heading or link silently disappears. An invisible
character pasted from another program (a byte-order mark U+FEFF, a zero-width
space U+200B ...) does the same to the syntax after it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .findings import Finding, shorten

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .blocks import Page

BOM = '\ufeff'
#: Spaces that look like indentation but are not Markdown whitespace.
_WIDE_SPACES = '\u3000\u00a0'
#: What a line that a wide space indents was meant to be: a fence, heading, list or table.
_SYNTAX_START = re.compile(r'(:{3,}|`{3,}|~{3,}|#{1,6}\s|[-*+]\s|[0-9]+[.)]\s|\|)')
#: Characters typed for the ASCII syntax characters: full-width forms, smart quotes.
_SYNTAX = str.maketrans({'：': ':', '｛': '{', '｝': '}', '｀': '`', '～': '~',
                         '‘': '`', '’': '`', '´': '`'})
_FENCE = re.compile(r'(:{3,}|`{3,}|~{3,})\{[^}\s]*\}|:{3,}\s*$')
_SHORT_FENCE = re.compile(r'(:{1,2})\{[A-Za-z][\w:.-]*\}')
#: For :func:`_suspect`: a short fence anywhere in a line; a fence after an
#: indentation that makes a code block (four spaces or a tab, in any container).
_SHORT_FENCE_ANYWHERE = re.compile(r'(?<!:):{1,2}\{[A-Za-z]')
_INDENTED_FENCE = re.compile(rf'(?: {{4}}|\t)\s*(?:{_FENCE.pattern})')
_BACKTICKS = '`｀‘’´\'"“”'
_ROLE_LIKE = re.compile(rf'[{{｛]([A-Za-z][\w:.-]*)[}}｝]([ \t\u3000]*)[{_BACKTICKS}]'
                        rf'([^{_BACKTICKS}\n]*)[{_BACKTICKS}]?')
_ROLE = re.compile(r'\{[A-Za-z][\w:.-]*\}`[^`]+`')


def find(page: Page) -> Iterator[Finding]:
    yield from _invisible_characters(page)
    if any(map(_suspect, page.lines)):
        yield from _token_findings(page)
    yield from _wide_indents(page)


def _suspect(line: str) -> bool:
    """Whether a check of inline text or code blocks could find something in
    this line, wherever the line is on the page.

    A cheap superset of what the token checks find: they look at parts of
    lines (an inline token's line, a code block's first line), and what they
    match there is found here anywhere in the whole line.
    """
    ascii_line = line.translate(_SYNTAX)
    return bool((ascii_line != line and _FENCE.search(ascii_line))
                or _INDENTED_FENCE.search(ascii_line)
                or _SHORT_FENCE_ANYWHERE.search(ascii_line)
                or any(not _ROLE.match(line, match.start()) for match in _ROLE_LIKE.finditer(line)))


def _token_findings(page: Page) -> Iterator[Finding]:
    for token in page.tokens:
        if token.map is None:
            continue
        if token.type == 'code_block':
            yield from _indented_fence(token.content, token.map[0] + 1)
        if token.type != 'inline':
            continue
        for index, text in enumerate(token.content.split('\n')):
            number = token.map[0] + index + 1
            yield from _fences(text, number)
            yield from _roles(text, number)


def _invisible_characters(page: Page) -> Iterator[Finding]:
    for number, text in enumerate(page.lines, start=1):
        found = next((column for column, char in enumerate(text, start=1)
                      if unicodedata.category(char) == 'Cf'), None)
        if found is not None:
            char = text[found - 1]
            yield Finding(
                number,
                'an invisible character %s (%s) is at column %d of this line: MyST does not '
                'read the syntax after it (a directive, heading or list is shown as text); '
                'delete it (it comes with text pasted from another program)',
                (f'U+{ord(char):04X}', unicodedata.name(char, 'format character').lower(),
                 found), 'paste')


def _wide_indents(page: Page) -> Iterator[Finding]:
    for number, text in enumerate(page.lines, start=1):
        rest = text.lstrip(' ' + _WIDE_SPACES)
        if rest != text.lstrip(' ') and _SYNTAX_START.match(rest.translate(_SYNTAX)):
            yield Finding(number, '%r is indented with a full-width or non-breaking space, so '
                                  'it is shown as text: delete the space before %r',
                          (shorten(text), shorten(rest, 10)), 'near-miss')


def _indented_fence(content: str, number: int) -> Iterator[Finding]:
    first = content.split('\n', 1)[0].strip()
    if _FENCE.match(first.translate(_SYNTAX)):
        yield Finding(number, '%r is indented by four spaces or more, so it is shown as code, '
                              'not read as a directive: start the line at the left edge',
                      (shorten(first),), 'near-miss')


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
