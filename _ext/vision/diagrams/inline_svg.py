"""Make mermaid's SVG fit to be inlined into a page: valid HTML, no links inside.

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

:func:`without_links` turns mermaid's clickable boxes (``<a xlink:href>``)
into plain groups. The drawing is ``role="img"``, whose content assistive
technology does not see, yet each link was a Tab stop, in mermaid's drawing
order (④ → ① …). The same links, in the vision's order, are in the figure's
text alternative, which is what keyboard and screen reader users follow.
"""

from __future__ import annotations

import re

_LABEL_PARAGRAPH = re.compile(r'<p(?=[\s>])([^>]*)>(.*?)</p>', re.DOTALL)
_LINK_START = re.compile(r'<a\b[^>]*>')
_TRANSFORM = re.compile(r'\stransform="[^"]*"')
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


def without_links(svg: str) -> str:
    """*svg* with every ``<a>`` replaced by a ``<g>`` that keeps its transform."""
    def group(match: re.Match[str]) -> str:
        transform = _TRANSFORM.search(match[0])
        return f'<g{transform[0] if transform else ""}>'

    return _LINK_START.sub(group, svg).replace('</a>', '</g>')
