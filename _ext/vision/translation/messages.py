"""Messages that are no text node of the page, offered to Sphinx's gettext builder.

A directive option such as ``:title:`` is not in the doctree as text Sphinx
extracts: :class:`vision_messages` carries such strings, with the page's
source and line, as an :class:`sphinx.addnodes.translatable`. The gettext
builder extracts them into the page's catalogue; the directives translate
them themselves (:mod:`vision.translation.lookup`), so applying the
translation is left to them. Every other builder drops the node.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import events
from ..sphinx_compat import builder_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class vision_messages(nodes.Element, addnodes.translatable):
    """Strings of a directive to translate: attribute ``messages`` (a list)."""

    def preserve_original_messages(self) -> None:
        self.setdefault('original_messages', list(self.get('messages', ())))

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        """The directive has translated them already."""

    def extract_original_messages(self) -> Sequence[str]:
        return list(self.get('original_messages', self.get('messages', ())))


def messages_node(messages: Sequence[str], source: str | None, line: int | None) -> vision_messages:
    node = vision_messages(messages=[m for m in messages if m and m.strip()])
    node.source, node.line = source, line
    return node


class DropMessages(SphinxPostTransform):
    """Every builder but gettext: the node has done its work while reading."""

    default_priority = events.DROP_MESSAGES

    def run(self, **kwargs) -> None:
        if builder_of(self.env).name == 'gettext':
            return
        for node in list(self.document.findall(vision_messages)):
            node.parent.remove(node)


def setup(app: Sphinx) -> None:
    app.add_node(vision_messages)
    app.add_post_transform(DropMessages)
