"""After Sphinx's Locale transform: what stayed Japanese in a translated build is marked.

Each message of the page (as the gettext builder extracts it) that Locale
left untranslated is wrapped as Japanese (``lang="ja"``) after a visible
mark; a fuzzy or stale one also gives the located warning ``translation out
of date`` (:mod:`vision.translation.lookup`). Nothing happens in a Japanese
build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from .. import events
from . import lookup
from .messages import vision_messages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Messages marked as a whole block: their content is the message's text.
_MARKABLE = (nodes.paragraph, nodes.title, nodes.rubric, nodes.caption, nodes.term,
             nodes.field_name, nodes.line, nodes.inline, nodes.strong, nodes.emphasis)


class MarkUntranslated(SphinxTransform):
    default_priority = events.MARK_UNTRANSLATED

    def apply(self, **kwargs) -> None:
        if not lookup.translating(self.env):
            return
        docname = self.env.current_document.docname
        path, page = lookup.lookup(self.env, lookup.page_domain(self.env, docname))
        if path is not None:
            self.env.note_dependency(str(path))
        for node, message in list(extract_messages(self.document)):
            if isinstance(node, vision_messages) or node.get('translated'):
                continue
            state = page.state(message, node.source, node.line)
            if state == lookup.TRANSLATED:
                continue
            # Only a fuzzy entry is known to be out of date here: a "stale" guess (another
            # message translated at the same line) also matches text the extension
            # writes itself (the meetings table's caption with its date), so it is
            # marked as Japanese but not warned about.
            if state == lookup.FUZZY:
                lookup.warn_out_of_date(path, node)
            if isinstance(node, _MARKABLE) and not isinstance(node.parent, nodes.title):
                lookup.marked(node, state)


def setup(app: Sphinx) -> None:
    app.add_transform(MarkUntranslated)
