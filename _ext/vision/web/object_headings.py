"""Objects as headings in the page's outline (HTML only).

An object's title line (「目指す姿1-1 地域の事業者が…」) is a paragraph in
the doctree, which every builder renders. On the residents' site it becomes
a heading, so that heading navigation in a screen reader (and the outline)
reaches every policy, goal and opinion. Sphinx writes a rubric with
``heading-level`` as ``<hN>``.

Its level follows the page's outline, with no level skipped:

- one below the section that holds it (the page's title is level 1);
- one below its parent object's heading when it falls under that heading in
  the outline (the parent's heading is the last one at its level so far in
  the same section): a goal under its policy, an initiative or indicator
  under its goal. The directives are siblings in the source, but a reader
  sees the goals as the policy's parts. An object whose parent is elsewhere,
  or under another object's heading, takes its section's level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import events
from ..domain import vision_domain
from ..domain.nodes import vision_object, vision_object_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: HTML has six heading levels.
DEEPEST = 6


class ObjectTitlesAsHeadings(SphinxPostTransform):
    default_priority = events.OBJECT_HEADINGS
    formats = ('html',)

    def run(self, **kwargs: Any) -> None:
        objects = vision_domain(self.env).objects
        # Per section, the object headings still open in the outline: (level, id), outermost first.
        open_headings: dict[int, list[tuple[int, str]]] = {}
        for title in list(self.document.findall(vision_object_title)):
            level = _depth(title) + 1
            holder = title.parent
            obj = objects.get(holder['objid']) if isinstance(holder, vision_object) else None
            above = open_headings.setdefault(id(_section(title)), [])
            if obj is not None:
                # The parents its type names (a goal's policy), where its type is shown as a level.
                parents = obj.links.get(obj.kind.parent_link, ()) if _nests(obj) else ()
                levels = [open_level for open_level, open_id in above if open_id in parents]
                if levels:
                    level = max(levels) + 1
            level = min(level, DEEPEST)
            while above and above[-1][0] >= level:
                above.pop()
            if obj is not None:
                above.append((level, obj.id))
            heading = nodes.rubric(title.rawsource, '', *title.children, classes=title['classes'])
            heading['ids'] = title['ids']
            heading['heading-level'] = level
            title.replace_self(heading)


def _nests(obj: Any) -> bool:
    """A goal nests under its policy, an initiative or indicator under its goal:
    not an object shown with its text (an opinion), which is quoted, not a part."""
    return not obj.kind.text_is_title and bool(obj.kind.parent)


def _section(node: nodes.Node) -> nodes.Node | None:
    """The innermost section that holds *node*."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


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
