"""Make mermaid's SVG valid HTML where it is inlined into a page.

mermaid writes SVG for a standalone file, and two of its habits are errors
for the W3C Nu HTML Checker once the SVG sits inside an HTML page (WCAG 2.0
4.1.1, which JIS X 8341-3 audits still check):

- a label is ``<span class="nodeLabel"><p>…</p></span>`` in a
  ``foreignObject``: ``<p>`` is flow content, not allowed inside ``<span>``;
- an edge label's background is ``<rect/>`` with neither ``width`` nor
  ``height``, which HTML's SVG content model requires.

:func:`valid_inline_svg` rewrites both without changing the drawing: the
paragraph becomes a ``<span>`` displayed as a block (mermaid's stylesheet
already sets ``p { margin: 0 }``), and a rect without a size gets ``0``,
which is what SVG 2 computes for a missing size (``auto``) anyway.
"""

from __future__ import annotations

import re

_LABEL_PARAGRAPH = re.compile(r'<p(?=[\s>])([^>]*)>(.*?)</p>', re.DOTALL)
_RECT = re.compile(r'<rect\b([^>]*?)(/?)>')
#: The box mermaid's stylesheet gives a label paragraph: a block without margins.
_BLOCK = 'display: block;'


def valid_inline_svg(svg: str) -> str:
    """*svg* with label paragraphs as spans and every rect sized."""
    return _RECT.sub(_sized_rect, _LABEL_PARAGRAPH.sub(_paragraph_as_span, svg))


def _paragraph_as_span(match: re.Match[str]) -> str:
    attributes, content = match[1], match[2]
    if 'style="' in attributes:
        attributes = attributes.replace('style="', f'style="{_BLOCK} ', 1)
    else:
        attributes = f'{attributes} style="{_BLOCK}"'
    return f'<span{attributes}>{content}</span>'


def _sized_rect(match: re.Match[str]) -> str:
    attributes, closing = match[1], match[2]
    for size in ('width', 'height'):
        if not re.search(rf'\s{size}="', attributes):
            attributes += f' {size}="0"'
    return f'<rect{attributes}{closing}>'
