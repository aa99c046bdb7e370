"""A MyST page as markdown-it block tokens whose ``map`` holds page lines.

The project's own MyST parser reads the text, so what the checks see is what
the build reads. A directive's body (``:::{goal}`` or a ```` ```{name} ````
fence, or a bare ``:::`` block) is parsed again, as the directive will parse
it, with its lines moved to where they are on the page; literal bodies (code,
mermaid, math ...) are not Markdown and are left alone.

The tokens are parsed when a check first asks for them. Most pages give a
check nothing to look at (no ``%``, ``<!--``, ``|`` or near-miss syntax in
their text), and for those a check answers from the lines alone: parsing
every page a second time was a tenth of a full build's time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from myst_parser.config.main import MdParserConfig
from myst_parser.mdit_to_docutils.base import DocutilsRenderer
from myst_parser.parsers.mdit import create_md_parser

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Directives whose body is not Markdown.
LITERAL_DIRECTIVES = frozenset({
    'code', 'code-block', 'sourcecode', 'code-cell', 'literalinclude', 'mermaid', 'math',
    'raw', 'csv-table', 'eval-rst', 'graphviz', 'index'})
_DIRECTIVE = re.compile(r'\{([^}\s]+)\}')


@dataclass(frozen=True)
class Page:
    """A page's text and lines (``lines[0]`` is line 1), and its block tokens
    (maps in page lines), parsed on first use."""

    text: str
    md: MarkdownIt

    @functools.cached_property
    def lines(self) -> tuple[str, ...]:
        return tuple(self.text.splitlines())

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(_walk(self.md, self.text, 0))

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ''


def parser(config: MdParserConfig | None) -> MarkdownIt:
    return create_md_parser(config or MdParserConfig(), DocutilsRenderer)


def read(text: str, md: MarkdownIt) -> Page:
    return Page(text, md)


def directive_name(token: Token) -> str | None:
    """``goal`` for ``:::{goal} G1-1``; None for a plain code fence."""
    match = _DIRECTIVE.match(token.info.strip())
    return match[1].removeprefix('vision:') if match else None


def _walk(md: MarkdownIt, text: str, offset: int) -> Iterator[Token]:
    for token in md.parse(text):
        if token.map is not None:
            token.map = [token.map[0] + offset, token.map[1] + offset]
        yield token
        if token.type in ('colon_fence', 'fence') and token.map is not None:
            name = directive_name(token)
            # A bare ':::' fence is a block of Markdown too; a bare ``` one is code.
            if name not in LITERAL_DIRECTIVES and (name or token.type == 'colon_fence'):
                yield from _walk(md, token.content, token.map[0] + 1)
