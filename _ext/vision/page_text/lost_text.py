"""Text MyST hides as a comment though the editor meant it to be read.

- A line starting with ``%`` is a MyST comment. In a hard-wrapped paragraph
  (「…割合は25」 / 「%であった。」) it is the rest of a sentence, and is dropped.
- An HTML comment ``<!--`` never closed by ``-->`` hides everything after it.

A prose-check waiver (``% prose-ok: RULE 理由``, :mod:`vision.prose.masking`)
is a comment on purpose, written on the line before the one it waives, so
also inside a list item's paragraph: it is never reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..prose.masking import is_waiver
from .findings import Finding, shorten

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .blocks import Page


def find(page: Page) -> Iterator[Finding]:
    if '%' in page.text:  # a MyST comment starts a line of a list, quote or body
        yield from _wrapped_comment_lines(page)
    if '<!--' in page.text:
        yield from _unclosed_comments(page)


def _wrapped_comment_lines(page: Page) -> Iterator[Finding]:
    # Where paragraphs end: the line after their last line.
    ends = {token.map[1] for token in page.tokens
            if token.type == 'paragraph_open' and token.map is not None}
    for token in page.tokens:
        if token.type == 'myst_line_comment' and token.map is not None \
                and token.map[0] in ends and not is_waiver(page.line(token.map[0] + 1)):
            number = token.map[0] + 1
            yield Finding(
                number,
                "this line starts with '%%', so MyST drops it as a comment, but it continues "
                "the paragraph above: %r is not shown; join it to the line above (for a note, "
                "leave a blank line before it)",
                (shorten(page.line(number)),), 'lost-text')


def _unclosed_comments(page: Page) -> Iterator[Finding]:
    for token in page.tokens:
        if token.type == 'html_block' and token.map is not None \
                and token.content.lstrip().startswith('<!--') and '-->' not in token.content:
            hidden = token.map[1] - token.map[0] - 1
            yield Finding(
                token.map[0] + 1,
                "'<!--' opens a comment that is never closed by '-->': the %d line(s) after "
                "it are not shown; end the comment with '-->'",
                (hidden,), 'lost-text')
