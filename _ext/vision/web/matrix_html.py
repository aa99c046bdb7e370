"""The opinions × goals matrix for screen readers and phones (HTML only).

The matrix (:mod:`vision.views.tables`) is a table of narrow mark columns:
fine on a desktop and in print, but on a phone its opinion column is five
characters wide and ● means nothing to a screen reader. On HTML pages:

- each opinion's cell is a row header (``<th>``);
- each ● carries visually hidden text (「対応あり」);
- before the table, the goals its column heads number, with their names
  (「1-1 地域の事業者が…」), so that no one needs to hover over a digit;
- after the table and its legend comes the same content as a list per opinion
  (「意見1　反映した目指す姿：1-1 …、4-5 …」), which ``vision.css`` shows
  instead of the table on narrow screens (WCAG 1.4.10, reflow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import events, labels
from ..domain import naming, vision_domain
from ..domain.nodes import vision_legend, vision_mark, vision_matrix

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from ..domain.sphinx_domain import Linker, VisionDomain
    from ..object_types import ObjectType

HIDDEN_CLASS = 'vision-visually-hidden'


class MatrixForEveryReader(SphinxPostTransform):
    default_priority = events.MATRIX_FOR_EVERY_READER
    formats = ('html',)

    def run(self, **kwargs: Any) -> None:
        domain = vision_domain(self.env)
        rows, columns = domain.types.matrix('rows'), domain.types.matrix('columns')
        for matrix in list(self.document.findall(vision_matrix)):
            table = matrix.next_node(nodes.table)
            if table is None or rows is None or columns is None:
                continue
            _row_headers(table)
            for mark in table.findall(vision_mark):
                mark['classes'].append('vision-mark-visible')
                mark.parent.append(nodes.inline('', str(labels.MATRIX_MARK_DESCRIPTION),
                                                classes=[HIDDEN_CLASS]))
            link = domain.linker(self.env.docname)
            matrix.parent.insert(matrix.parent.index(matrix), _column_key(domain, link, columns))
            # After the view's legend (vision.views.tables), or after the table.
            after = matrix.next_node(vision_legend, siblings=True, descend=False) or matrix
            after.parent.insert(after.parent.index(after) + 1,
                                _per_opinion(domain, link, rows, columns))


def _row_headers(table: nodes.table) -> None:
    """The first column heads its row: the opinion."""
    for group in table.findall(nodes.tgroup):
        colspecs = [child for child in group.children if isinstance(child, nodes.colspec)]
        if colspecs:
            colspecs[0]['stub'] = 1


def _column_key(domain: VisionDomain, link: Linker, columns: ObjectType) -> nodes.container:
    """The goals the column heads number (「1-1 地域の事業者が…」), shown, not only as tooltips."""
    items = nodes.bullet_list(classes=['vision-matrix-key-list'])
    for goal in domain.objects_of(columns.key):
        items += nodes.list_item('', nodes.paragraph('', '', link(
            columns.key, goal.id, f'{goal.number} {goal.title}', pageref=False)))
    title = nodes.paragraph('', str(labels.MATRIX_KEY_TITLE), classes=['vision-matrix-key-title'])
    return nodes.container('', title, items, classes=['vision-matrix-key'])


def _per_opinion(domain: VisionDomain, link: Linker, rows: ObjectType,
                 columns: ObjectType) -> nodes.container:
    items = nodes.bullet_list(classes=['vision-matrix-list'])
    for opinion in domain.objects_of(rows.key):
        goals = [domain.objects[g] for g in opinion.links.get(rows.parent_link, ())
                 if g in domain.objects]
        line = nodes.paragraph('', '', link(rows.key, opinion.id, naming.object_label(opinion),
                                            pageref=False))
        line += nodes.Text(str(labels.MATRIX_LIST_LEAD))
        for index, goal in enumerate(goals):
            if index:
                line += nodes.Text(str(labels.RUN_IN_SEPARATOR))
            line += link(columns.key, goal.id, f'{goal.number} {goal.title}', pageref=False)
        if not goals:
            line += nodes.Text(str(labels.NO_OBJECTS))
        items += nodes.list_item('', line)
    return nodes.container('', items, classes=['vision-matrix-phone'])


def visit_matrix(self: HTML5Translator, node: vision_matrix) -> None:
    """On screen the matrix is its table: no frame of its own."""


def depart_matrix(self: HTML5Translator, node: vision_matrix) -> None:
    pass


def setup(app: Sphinx) -> None:
    app.add_node(vision_matrix, override=True, html=(visit_matrix, depart_matrix))
    app.add_post_transform(MatrixForEveryReader)
