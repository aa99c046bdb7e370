"""The opinions × goals matrix for screen readers and phones (HTML only).

The matrix (:mod:`vision.views.tables`) is a table of narrow mark columns:
fine on a desktop and in print, but on a phone its opinion column is five
characters wide and ● means nothing to a screen reader. On HTML pages:

- each opinion's cell is a row header (``<th>``);
- each ● carries visually hidden text (「対応あり」);
- a legend follows the caption's table;
- after the table comes the same content as a list per opinion
  (「意見1　反映した目指す姿：1-1 …、4-5 …」), which ``vision.css`` shows
  instead of the table on narrow screens (WCAG 1.4.10, reflow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import events, labels
from ..domain import naming, vision_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain.sphinx_domain import Linker, VisionDomain

MATRIX_CLASS = 'vision-matrix-table'
HIDDEN_CLASS = 'vision-visually-hidden'


class MatrixForEveryReader(SphinxPostTransform):
    default_priority = events.MATRIX_FOR_EVERY_READER
    formats = ('html',)

    def run(self, **kwargs: Any) -> None:
        domain = vision_domain(self.env)
        for table in list(self.document.findall(nodes.table)):
            if MATRIX_CLASS not in table['classes']:
                continue
            _row_headers(table)
            for mark in table.findall(nodes.inline):
                if 'vision-mark' in mark['classes']:
                    mark['classes'].append('vision-mark-visible')
                    mark.parent.append(nodes.inline('', str(labels.MATRIX_MARK_DESCRIPTION),
                                                    classes=[HIDDEN_CLASS]))
            link = domain.linker(self.env.docname)
            table.parent.insert(table.parent.index(table) + 1,
                                [_legend(), _per_opinion(domain, link)])


def _row_headers(table: nodes.table) -> None:
    """The first column heads its row: the opinion."""
    for group in table.findall(nodes.tgroup):
        colspecs = [child for child in group.children if isinstance(child, nodes.colspec)]
        if colspecs:
            colspecs[0]['stub'] = 1


def _legend() -> nodes.paragraph:
    return nodes.paragraph('', str(labels.MATRIX_LEGEND), classes=['vision-matrix-legend'])


def _per_opinion(domain: VisionDomain, link: Linker) -> nodes.container:
    items = nodes.bullet_list(classes=['vision-matrix-list'])
    for opinion in domain.objects_of('opinion'):
        goals = [domain.objects[g] for g in opinion.links.get('goals', ()) if g in domain.objects]
        line = nodes.paragraph('', '', link('opinion', opinion.id, naming.object_label(opinion),
                                            pageref=False))
        line += nodes.Text(str(labels.MATRIX_LIST_LEAD))
        for index, goal in enumerate(goals):
            if index:
                line += nodes.Text(str(labels.RUN_IN_SEPARATOR))
            line += link('goal', goal.id, f'{goal.number} {goal.title}', pageref=False)
        if not goals:
            line += nodes.Text(str(labels.NO_OBJECTS))
        items += nodes.list_item('', line)
    return nodes.container('', items, classes=['vision-matrix-phone'])


def setup(app: Sphinx) -> None:
    app.add_post_transform(MatrixForEveryReader)
