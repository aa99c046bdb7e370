"""Backlinks: a policy lists its goals; a goal lists its initiatives, its
indicators and the opinions that informed it.

Filled by a post-transform at write time, from the domain's merged data, so
they are complete whichever document defines the linking objects; the links
are made finished (with page numbers in print) by the domain's
:class:`~vision.domain.sphinx_domain.Linker`. :mod:`vision.views.dependencies` rewrites a page when
an object linking to one of its objects changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import events
from ..domain import naming, vision_domain
from ..domain.nodes import vision_backlink_list, vision_backlinks

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain.sphinx_domain import Linker

_ = get_translation('vision')

def linked_item(obj, link: Linker) -> nodes.list_item:
    """A list item linking to ``obj``: in backlinks and in ``vision-list``'s list format."""
    paragraph = nodes.paragraph()
    paragraph += link(obj.objtype, obj.id)
    # An opinion's reference is only its number; its text says what it is.
    after = naming.text_after_reference(obj)
    if after:
        paragraph += nodes.Text(after)
    return nodes.list_item('', paragraph)


class FillBacklinks(SphinxPostTransform):
    """Replace each :class:`vision_backlinks` placeholder with its lists."""

    default_priority = events.FILL_VIEWS

    def run(self, **kwargs: Any) -> None:
        domain = vision_domain(self.env)
        for placeholder in list(self.document.findall(vision_backlinks)):
            # The document the placeholder was written in, not the one being
            # written: LaTeX and singlehtml assemble many documents into one.
            link = domain.linker(placeholder['docname'])
            replacement = []
            kind = domain.types.get(placeholder['objtype'])
            # Which linking types the type lists, in order, each under its heading.
            for linking_type, heading in kind.backlinks if kind is not None else ():
                linked = domain.children(placeholder['objid'], linking_type)
                if not linked or linking_type not in domain.types:
                    continue
                # Items with their text stay a list in print; the others run in.
                section = vision_backlink_list(
                    classes=['vision-backlinks', f'vision-backlinks-{linking_type}'],
                    runin=not domain.types[linking_type].text_is_title)
                section += nodes.paragraph('', str(_(heading)),
                                           classes=['vision-backlinks-heading'])
                section += nodes.bullet_list('', *(linked_item(o, link) for o in linked))
                replacement.append(section)
            placeholder.replace_self(replacement)


def setup(app: Sphinx) -> None:
    app.add_post_transform(FillBacklinks)
