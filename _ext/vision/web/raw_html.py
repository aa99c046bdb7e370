"""Raw HTML typed into a page never reaches the residents' site unchecked.

MyST passes HTML written in Markdown (``<script>…``, ``<b>``) through as
``raw`` nodes, and rST has ``.. raw:: html``. Each such node is checked when
its page is read: HTML made only of the tags in ``vision_raw_html_tags``
(``conf.py``; without attributes) and comments is kept; anything else is a
warning at its line and is shown as text, escaped, so a ``<script>`` never
runs and an ``onclick`` never fires.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from ..messages import translated

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

class _Tags(HTMLParser):
    """Collects the tags of an HTML fragment and whether any has attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(f'{tag} {name}' for name, _value in attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(tag)

    def handle_decl(self, decl: str) -> None:
        self.other.append(f'<!{decl}>')

    def handle_pi(self, data: str) -> None:
        self.other.append(f'<?{data}>')

    def unknown_decl(self, data: str) -> None:
        self.other.append(f'<![{data}]>')


def refusal(html: str, allowed: frozenset[str]) -> str | None:
    """Why ``html`` may not be published as it is, or None if it may."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    refused = sorted({tag for tag in parser.tags if tag not in allowed})
    if refused:
        return translated('tag(s) %s', ', '.join(f'<{tag}>' for tag in refused))
    if parser.attributes:
        return translated('attribute(s) %s', ', '.join(sorted(set(parser.attributes))))
    if parser.other:
        return ', '.join(parser.other)
    return None


def check_raw_html(app: Sphinx, doctree: nodes.document) -> None:
    allowed = frozenset(tag.lower() for tag in app.config.vision_raw_html_tags)
    for node in list(doctree.findall(nodes.raw)):
        if 'html' not in node.get('format', '').split():
            continue
        why = refusal(node.astext(), allowed)
        if why is None:
            continue
        logger.warning('raw HTML is not published: %s not allowed (vision_raw_html_tags in '
                       'conf.py allows %s); write it in Markdown instead', why,
                       ', '.join(f'<{tag}>' for tag in sorted(allowed)) or translated('none'),
                       location=node, type='vision', subtype='raw-html')
        text = node.astext()
        if isinstance(node.parent, nodes.TextElement):
            shown: nodes.Node = nodes.literal(text, text)
        else:
            shown = nodes.literal_block(text, text, language='text')
        shown.source, shown.line = node.source, node.line
        node.replace_self(shown)


def setup(app: Sphinx) -> None:
    app.connect('doctree-read', check_raw_html)
