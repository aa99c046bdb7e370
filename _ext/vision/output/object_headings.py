"""Objects as headings in the page's outline (HTML only).

An object's title line (「目指す姿1-1 地域の事業者が…」) is a paragraph in
the doctree, which every builder renders. On the residents' site it becomes
a heading one level below the section that holds it, so that heading
navigation in a screen reader (and the outline) reaches every policy, goal
and opinion. Sphinx writes a rubric with ``heading-level`` as ``<hN>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TITLE_CLASS = 'vision-object-title'


class ObjectTitlesAsHeadings(SphinxPostTransform):
    # After the views (vision.views.tables.FillViews, 5), which may show objects.
    default_priority = 8
    formats = ('html',)

    def run(self, **kwargs: Any) -> None:
        for title in list(self.document.findall(nodes.paragraph)):
            if TITLE_CLASS not in title['classes']:
                continue
            heading = nodes.rubric(title.rawsource, '', *title.children, classes=title['classes'])
            heading['ids'] = title['ids']
            heading['heading-level'] = min(_depth(title) + 1, 6)
            title.replace_self(heading)


def _depth(node: nodes.Node) -> int:
    """How many sections hold *node*: the page's title is level 1."""
    depth, parent = 0, node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            depth += 1
        parent = parent.parent
    return max(depth, 1)


def setup(app: Sphinx) -> None:
    app.add_post_transform(ObjectTitlesAsHeadings)
