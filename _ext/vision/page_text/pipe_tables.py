"""Pipe tables pasted from Excel: rows that do not fit, lines that are no table.

MyST drops a row's cells beyond the header's count and fills a short row
with empty cells, without a word; and pipe lines without their delimiter row
(``| --- | --- |``), with full-width ``｜``, or cells pasted from Excel as
tab-separated text become one paragraph.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .findings import Finding, shorten

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .blocks import Page

_PIPE = re.compile(r'(?<!\\)\|')
#: What separates cells in lines that were meant as a table: ``|``, ``｜`` or Excel's tab.
_SEPARATOR = re.compile(r'(?<!\\)[|｜]|\t')


def cells(line: str) -> list[str]:
    """The cells of a table line, as markdown-it splits them (``\\|`` is no separator)."""
    text = line.strip()
    text = text[1:] if text.startswith('|') else text
    text = text[:-1] if _PIPE.search(text[-1:]) and not text.endswith('\\|') else text
    return [cell.strip() for cell in _PIPE.split(text)]


def find(page: Page) -> Iterator[Finding]:
    if _SEPARATOR.search(page.text):  # else neither a table nor lines meant as one
        yield from _table_findings(page)


def _table_findings(page: Page) -> Iterator[Finding]:
    header, in_body = 0, False
    for token in page.tokens:
        if token.type in ('tbody_open', 'tbody_close'):
            in_body = token.type == 'tbody_open'
        if token.map is None:
            continue
        if token.type == 'table_open':
            header = len(cells(page.line(token.map[0] + 1)))
        elif token.type == 'tr_open' and in_body:
            yield from _row(page, token.map[0] + 1, header)
        elif token.type == 'paragraph_open':
            yield from _not_a_table(page, token.map[0], token.map[1])


def _row(page: Page, number: int, header: int) -> Iterator[Finding]:
    found = cells(page.line(number))
    if len(found) > header:
        yield Finding(number, "this table row has %d cells but the header has %d: %r is dropped; "
                              "add a column to the header, or join the cells (a '|' inside a "
                              "cell is written '\\|')",
                      (len(found), header, shorten(' | '.join(found[header:]))), 'table')
    elif len(found) < header:
        yield Finding(number, 'this table row has %d cells but the header has %d: the last '
                              "are shown empty; add the missing cells (an empty cell is '| |')",
                      (len(found), header), 'table')


def _not_a_table(page: Page, start: int, end: int) -> Iterator[Finding]:
    lines = [page.line(number) for number in range(start + 1, end + 1)]
    piped = [line for line in lines if _SEPARATOR.search(line.strip())]
    if not piped or not (lines[0].lstrip().startswith(('|', '｜')) or len(piped) >= 2):
        return
    first = next(number for number in range(start + 1, end + 1)
                 if _SEPARATOR.search(page.line(number).strip()))
    columns = len(cells(_SEPARATOR.sub('|', page.line(first).strip())))
    yield Finding(first, "%d line(s) with cells (separated by '|', '｜' or tabs) did not become "
                         'a table and are shown as a paragraph: a table separates cells with '
                         "a half-width '|' and needs its header row, then a delimiter row such "
                         'as %r, with no blank line between rows',
                  (len(piped), '|' + ' --- |' * columns), 'table')
