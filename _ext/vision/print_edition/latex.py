"""Print rendering: objects as breakable LaTeX environments, page references.

An object is ``\\begin{visionobject}...\\end{visionobject}`` (defined in
``sphinxvision.sty`` on top of ``framed``, which Sphinx loads), not a table:
a long object flows across pages (a goal's or an opinion's box is kept on
one page unless taller than most of it, in ``sphinxvision.sty``). Its heading is ``\\visionobjecttitle`` and
its label is the anchor the HTML uses, so cross-references and their page
numbers point at it.

Paper is dearer than screen: an object's fields are run-in lines
(「目指す姿：目指す姿1-1 …（7ページ）、…」) rather than a description list,
and its backlinks follow their heading on one line, separated by 「、」;
backlinks that carry their own text (opinions) are a list without extra space.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes

from .. import labels
from ..domain.nodes import (
    skip,
    vision_backlink_list,
    vision_fields,
    vision_landscape,
    vision_legend,
    vision_matrix,
    vision_object,
    vision_object_title,
    vision_pageref,
    vision_small,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

STYLE_FILE = Path(__file__).with_name('sphinxvision.sty')


def visit_object(self: LaTeXTranslator, node: vision_object) -> None:
    self.body.append(f'\n\\begin{{visionobject}}{{{node["objtype"]}}}')
    self.body.append(''.join(self.hypertarget(anchor) for anchor in node['ids']) + '\n')


def depart_object(self: LaTeXTranslator, node: vision_object) -> None:
    self.body.append('\n\\end{visionobject}\n')


def visit_title(self: LaTeXTranslator, node: vision_object_title) -> None:
    self.body.append('\\visionobjecttitle{')


def depart_title(self: LaTeXTranslator, node: vision_object_title) -> None:
    self.body.append('}\n')


def visit_pageref(self: LaTeXTranslator, node: vision_pageref) -> None:
    # Starred: no link of its own; the reference just before it is one, and
    # every link costs TeX time (a sixth of it with a link per page number).
    # \visionpageref (sphinxvisionprint.sty) keeps it on one line and drops
    # it when the target is on the page the reference stands on.
    label = self.idescape(f'{node["refdocname"]}:{node["refid"]}')
    text = self.escape(str(labels.PAGE_REFERENCE)).replace('\\{page\\}', f'\\pageref*{{{label}}}')
    self.body.append(f'\\visionpageref{{{label}}}{{{text}}}')
    raise nodes.SkipNode


def visit_fields(self: LaTeXTranslator, node: vision_fields) -> None:
    self.body.append('\n\\begin{visionlinks}')
    for field in node.children:
        name, body = cast('list[nodes.Element]', field.children)
        self.body.append(run_in_label(self, name.astext()))
        for paragraph in cast('list[nodes.Element]', body.children):
            walk_children(self, paragraph)
        self.body.append('\\par\n')
    self.body.append('\\end{visionlinks}\n')
    raise nodes.SkipNode


def visit_backlink_list(self: LaTeXTranslator, node: vision_backlink_list) -> None:
    heading, items = cast('list[nodes.Element]', node.children)
    self.body.append('\n\\begin{visionlinks}')
    self.body.append(run_in_label(self, heading.astext()))
    if node['runin']:
        for index, item in enumerate(cast('list[nodes.Element]', items.children)):
            if index:
                self.body.append(self.encode(str(labels.RUN_IN_SEPARATOR)))
            walk_children(self, item[0])
        self.body.append('\\par\n')
    else:
        self.body.append('\\par\n\\begin{visionitems}\n')
        for item in cast('list[nodes.Element]', items.children):
            # "{}" keeps a "[" at the start of the text from being read as a label.
            self.body.append('\\item{} ')
            walk_children(self, item[0])
            self.body.append('\n')
        self.body.append('\\end{visionitems}\n')
    self.body.append('\\end{visionlinks}\n')
    raise nodes.SkipNode


def run_in_label(self: LaTeXTranslator, text: str) -> str:
    label = self.encode(str(labels.RUN_IN_LABEL).format(label=text))
    return f'\n\\visionrunin{{{label}}}'


def walk_children(self: LaTeXTranslator, node: nodes.Node) -> None:
    """Render the inline content of ``node`` without its paragraph break."""
    for child in cast('nodes.Element', node).children:
        child.walkabout(self)


def visit_matrix(self: LaTeXTranslator, node: vision_matrix) -> None:
    # Narrow cell padding: a mark column is 2/52 of the line, too narrow for
    # a full-width ● between the default 6 pt paddings.
    self.body.append('\\begingroup\\setlength{\\tabcolsep}{2pt}\n')


def depart_matrix(self: LaTeXTranslator, node: vision_matrix) -> None:
    self.body.append('\\endgroup\n')


def visit_landscape(self: LaTeXTranslator, node: vision_landscape) -> None:
    # A page of its own, turned in viewers (pdflscape); its figure stays on it.
    self.body.append('\n\\begin{landscape}\n')


def depart_landscape(self: LaTeXTranslator, node: vision_landscape) -> None:
    self.body.append('\n\\end{landscape}\n')


def visit_small(self: LaTeXTranslator, node: vision_small) -> None:
    self.body.append('\n\\begingroup\\small\n')


def depart_small(self: LaTeXTranslator, node: vision_small) -> None:
    self.body.append('\\endgroup\n')


def only_content(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """A wrapper that writes nothing of its own on screen."""


def copy_style_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == 'latex':
        shutil.copyfile(STYLE_FILE, Path(app.outdir, STYLE_FILE.name))


def setup(app: Sphinx) -> None:
    app.add_node(vision_object, override=True, latex=(visit_object, depart_object))
    app.add_node(vision_object_title, override=True, latex=(visit_title, depart_title))
    app.add_node(vision_fields, override=True, latex=(visit_fields, None))
    app.add_node(vision_backlink_list, override=True, latex=(visit_backlink_list, None))
    app.add_node(vision_pageref, override=True, latex=(visit_pageref, None),
                 html=(skip, None), text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_node(vision_matrix, override=True, latex=(visit_matrix, depart_matrix))
    app.add_node(vision_landscape, override=True, latex=(visit_landscape, depart_landscape))
    app.add_node(vision_legend, override=True)  # a paragraph in every format
    app.add_node(vision_small, override=True, latex=(visit_small, depart_small),
                 html=(only_content, only_content))
    app.add_latex_package('sphinxvision')
    app.add_latex_package('pdflscape')
    app.connect('build-finished', copy_style_file)
