"""Objects are stored packed in the doctree: one pickle per page.

Every build loads every page's stored doctree again, even when no page
changed: Sphinx numbers figures and tables by walking all of them
(``assign_figure_numbers`` on ``env-get-updated``), and at a plan family's
2,000 pages that walk was most of a no-change build (issue 21). Its time
goes with the number of nodes unpickled and visited, and objects are most of
a page's nodes.

So, as the last step of reading a page, when every transform, collector and
domain has seen the page whole, each object (with the messages of its
options, for the gettext builder) is pickled away and a
:class:`vision_packed` node takes its place. An object with an id inside
(a label above it, a numbered table in it) stays, for Sphinx's walk numbers
what has an id and ``document.ids`` holds it; only its title line and fields
are packed. The first post-transform puts the same nodes back, before
anything else looks at the page, so every builder writes exactly what the
directives made.
"""

from __future__ import annotations

import pickle
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import events
from ..translation.messages import vision_messages
from .nodes import vision_fields, vision_object, vision_object_title

#: The parts of an object packed when the whole cannot be.
PACKED_PARTS = (vision_object_title, vision_fields)


def packable_whole(obj: nodes.Element) -> bool:
    """Nothing in *obj* has an id or a toctree while reading: Sphinx's walk of the
    stored doctrees numbers only nodes with an id and follows toctrees, and
    ``document.ids`` must not hold a packed node."""
    return not any(isinstance(node, addnodes.toctree) or node['ids']
                   for node in obj.findall(nodes.Element))


def parts_to_pack(node: nodes.Element) -> list[nodes.Element]:
    """In document order: each object whole, or its title line and fields, and the
    messages of objects' options for the gettext builder. An object packed
    whole takes the objects within it along."""
    parts: list[nodes.Element] = []
    for child in node.children:
        if isinstance(child, vision_messages) or (isinstance(child, vision_object)
                                                  and packable_whole(child)):
            parts.append(child)
        elif isinstance(node, vision_object) and isinstance(child, PACKED_PARTS):
            parts.append(child)
        elif isinstance(child, nodes.Element):
            parts.extend(parts_to_pack(child))
    return parts


class vision_packed(nodes.General, nodes.Element):
    """Where a packed node goes back: attributes ``page`` and ``part`` (its index).

    The first of a page's placeholders also holds ``packed``: the page's packed
    nodes, pickled together so that their classes are named once. The others
    find it by ``page``, also in a tree of many pages (the PDF's).
    """


def pack(parts: list[nodes.Element], page: str) -> None:
    """Put *parts* in the stored doctree as placeholders and one pickle.

    A node keeps its page (``_document``) only through its parents once
    unpacked; the pickle must not carry the page a second time.
    """
    if not parts:
        return
    placeholders = [vision_packed(page=page, part=index) for index in range(len(parts))]
    for node, placeholder in zip(parts, placeholders):
        # Not replace_self(), which would give the placeholder the node's ids and classes.
        node.parent.replace(node, placeholder)
        node.parent = None
        for inner in node.findall():
            inner.__dict__.pop('_document', None)
    placeholders[0]['packed'] = pickle.dumps(parts, pickle.HIGHEST_PROTOCOL)


def unpack(document: nodes.document) -> None:
    """Each placeholder by the nodes of its page's pickle that comes before it
    (a page the PDF holds twice has two)."""
    packed: dict[str, list[nodes.Element]] = {}
    for placeholder in list(document.findall(vision_packed)):
        if 'packed' in placeholder:
            packed[placeholder['page']] = pickle.loads(placeholder['packed'])
        placeholder.parent.replace(placeholder, packed[placeholder['page']][placeholder['part']])


class PackObjectParts(SphinxTransform):
    """After every other transform and ``doctree-read`` listener of the page."""

    default_priority = events.PACK_STORED

    def apply(self, **kwargs: Any) -> None:
        pack(parts_to_pack(self.document), self.env.docname)


class UnpackObjectParts(SphinxPostTransform):
    """Before every other post-transform, for every builder."""

    default_priority = events.UNPACK_STORED

    def run(self, **kwargs: Any) -> None:
        unpack(self.document)


def setup(app: Any) -> None:
    app.add_transform(PackObjectParts)
    app.add_post_transform(UnpackObjectParts)
