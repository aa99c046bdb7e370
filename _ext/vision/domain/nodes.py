"""The docutils nodes of the vision: how objects and views are rendered.

Objects are stored as :class:`~vision.domain.model.VisionObject` in the domain; these
nodes only carry what a writer needs. Object nodes subclass docutils'
``container`` and ``paragraph`` so that every builder without its own visitor
(text, man, texinfo, epub ...) renders them like those; LaTeX has its own
visitors (see :mod:`vision.print_edition.latex`).

Placeholder nodes mark where generated content goes; post-transforms
(:mod:`vision.views.backlinks`, :mod:`vision.views.tables`) replace them at write time,
when every document has been read.
"""

from __future__ import annotations

from docutils import nodes


class vision_object(nodes.container):
    """One object: attributes ``objtype`` and ``objid``; ``ids`` holds its anchor."""


class vision_anchor(nodes.target):
    """Where an object shown by other content (a meeting in its table's row) is anchored.

    Attributes ``objtype``, ``objid``, ``docname``, ``lineno``, like
    :class:`vision_object`, and ``anchor``. It holds the anchor while reading
    (a target needs an id for docutils' transforms); at write time
    :class:`~vision.domain.directives.AssignAnchors` leaves it only on the
    owner's node, as for every object. Written as a target.
    """


class vision_object_title(nodes.paragraph):
    """The heading line of an object: its label, number and title."""


class vision_fields(nodes.field_list):
    """An object's links and fields: a field list on screen, run-in lines in print."""


class vision_backlink_list(nodes.container):
    """One group of backlinks: a heading paragraph and a bullet list.

    Attribute ``runin``: in print the items follow the heading on one line,
    separated by commas, instead of one per line (items that carry their own
    text, like opinions, stay a list).
    """


class vision_pageref(nodes.Inline, nodes.Element):
    """The printed page of a cross-reference's target (LaTeX only).

    Attributes ``refdocname`` and ``refid`` name the target's label.
    """


class vision_backlinks(nodes.General, nodes.Element):
    """Placeholder for an object's backlinks; attributes ``objtype``, ``objid``."""


class vision_view(nodes.General, nodes.Element):
    """Placeholder for a generated view; attribute ``view`` and its options."""


def skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


class vision_matrix(nodes.container):
    """The opinions × goals matrix: its table and legend. Print sets its narrow
    columns with narrow cell padding (:mod:`vision.print_edition.latex`); on
    screen it is only its content (:mod:`vision.web.matrix_html`)."""


class vision_legend(nodes.paragraph):
    """The legend under a view (the matrix's 「●は、…」)."""


class vision_landscape(nodes.container):
    """Content set on a landscape page of its own in print (the whole 体系図)."""


class vision_small(nodes.container):
    """Content set small in print (the 資料編's data tables); on screen only its content."""


class vision_mark(nodes.inline):
    """The matrix's mark (●) where an opinion informed a goal: an inline in every writer."""
