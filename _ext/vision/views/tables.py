"""Generated views of many objects: the system table, filtered lists and
tables, and the opinions × goals matrix.

Each directive leaves a :class:`vision_view` placeholder and tells the domain
which objects its page shows (:meth:`VisionDomain.note_view`, a
:class:`~vision.domain.selection.ViewSpec`), so :mod:`vision.views.dependencies`
rewrites the page when one of those objects changes.
The post-transform :class:`FillViews` builds the content at write time from
the merged domain data, with links made finished by the domain's
:class:`~vision.domain.sphinx_domain.Linker`; links in tables print no page number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import events, labels
from ..config import document_name
from ..domain import naming, vision_domain
from ..domain.directives import id_list
from ..domain.model import VisionObject
from ..domain.nodes import vision_legend, vision_mark, vision_matrix, vision_view
from ..domain.selection import ViewSpec
from ..messages import Term, translated
from ..object_types import ObjectTypes, object_types
from .backlinks import linked_item
from .table import Cell, build_table, nothing_to_show

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..domain.sphinx_domain import Linker, VisionDomain

logger = logging.getLogger(__name__)
_ = get_translation('vision')

#: Columns of ``vision-list`` besides each type's links and fields.
OWN_COLUMNS = ('id', 'title', 'type')


def columns_of(types: ObjectTypes) -> tuple[str, ...]:
    """Every column ``vision-list`` can show: id, title, type, the links, the fields, tags."""
    fields = [name for name in types.field_names
              if any(kind.field_label(name) for kind in types if name in kind.fields)]
    return (*OWN_COLUMNS, *types.link_options, *fields, 'tags')


def column_label(types: ObjectTypes, column: str) -> str:
    """A column's heading: a link's is the name of the type it points at."""
    if column in labels.COLUMN_LABELS:
        return str(labels.COLUMN_LABELS[column])
    target = next((kind.link_target(column) for kind in types if kind.link_target(column)), None)
    if target is not None:
        return types[target].label
    return next(label for kind in types if (label := kind.field_label(column)))


# -- Directives -----------------------------------------------------------------

class ViewDirective(SphinxDirective):
    view: ClassVar[str]
    option_spec: ClassVar[dict] = {'caption': directives.unchanged}

    def run(self) -> list[nodes.Node]:
        # Captioned tables need an id; a serial number per page keeps it stable.
        table_id = f'vision-{self.view}-{self.env.new_serialno("vision-view")}'
        node = vision_view(view=self.view, docname=self.env.docname, table_id=table_id,
                           options=self._options(), classes=[f'vision-{self.view}'],
                           ids=[table_id], default_caption=self.default_caption())
        self.set_source_info(node)
        vision_domain(self.env).note_view(
            self.env.docname, view_spec(self.view, node['options'], object_types(self.config)))
        return [node]

    def _options(self) -> dict[str, Any]:
        return dict(self.options)

    def default_caption(self) -> str:
        """The caption when none is given: 新産業ビジョンの体系, 意見と目指す姿の対応."""
        if self.view == 'system':
            document = str(_(document_name(self.config)))
            return str(labels.SYSTEM_TABLE_CAPTION).format(document=document)
        if self.view == 'matrix':
            return str(labels.MATRIX_CAPTION)
        return ''


class SystemTableDirective(ViewDirective):
    """``vision-system``: theme → policies → goals → initiatives as one table."""

    view = 'system'


class MatrixDirective(ViewDirective):
    """``vision-matrix``: which opinion informed which goal."""

    view = 'matrix'


def matrix_types(types: ObjectTypes) -> tuple[str, ...]:
    """The matrix's types: the columns' parent (their groups), the columns, the rows."""
    rows, columns = types.matrix('rows'), types.matrix('columns')
    if rows is None or columns is None:
        return ()
    return (*((columns.parent,) if columns.parent else ()), columns.key, rows.key)


def view_spec(view: str, options: dict[str, Any], types: ObjectTypes) -> ViewSpec:
    """The objects a view with these options shows."""
    if view == 'system':
        return ViewSpec(types.hierarchy)
    if view == 'matrix':
        return ViewSpec(matrix_types(types))
    kind = types[options['type']]
    columns = options.get('columns') or kind.columns
    return ViewSpec((kind.key,),
                    within=tuple(options[f.key] for f in types.filters if options.get(f.key)),
                    tag=options.get('tag', ''),
                    link_columns=tuple(c for c in columns if c in types.link_options))


class ListDirective(ViewDirective):
    """``vision-list``: the objects of one type, filtered, as a table or list.

    Required ``:type:``; optional filters by the types that have children
    (``:policy:``, ``:goal:``) and ``:tag:``, ``:columns:`` (table columns),
    ``:format:`` (``table`` or ``list``), ``:caption:``. Its options come from
    the registry (:func:`list_directive`).
    """

    view = 'list'
    type_keys: ClassVar[tuple[str, ...]] = ()

    def run(self) -> list[nodes.Node]:
        if 'type' not in self.options:
            logger.warning('vision-list needs a :type: option (one of %s)',
                           ', '.join(self.type_keys), location=self.get_location(),
                           type='vision', subtype='missing-type')
            return []
        return super().run()


def list_directive(types: ObjectTypes) -> type[ListDirective]:
    """``vision-list`` for these types: its choices of type, filters and columns."""
    keys, columns = types.keys, columns_of(types)

    def column_list(argument: str) -> tuple[str, ...]:
        chosen = id_list(argument)
        unknown = [c for c in chosen if c not in columns]
        if unknown:
            raise ValueError(translated('unknown column(s) %s; choose from %s', ', '.join(unknown),
                                        ', '.join(columns)))
        return chosen

    option_spec: dict[str, Any] = {
        'type': lambda arg: directives.choice(arg, keys),
        **{kind.key: directives.unchanged_required for kind in types.filters},
        'tag': directives.unchanged_required,
        'columns': column_list,
        'format': lambda arg: directives.choice(arg, ('table', 'list')),
        'caption': directives.unchanged,
    }
    return type('ListDirective', (ListDirective,), {'option_spec': option_spec,
                                                    'type_keys': keys})


# -- Building the views -----------------------------------------------------------

def view_table(headers: Sequence[object], rows: Sequence[Sequence[Cell]], widths: Sequence[int],
               caption: str | None, classes: list[str],
               more_header_rows: Sequence[Sequence[nodes.entry]] = ()) -> nodes.table:
    """A view's table; long ones break across pages in print."""
    long = ['longtable'] if len(rows) > 20 else []
    return build_table(headers, rows, widths, caption=caption,
                       classes=['vision-table', 'colwidths-given', *classes, *long],
                       more_header_rows=more_header_rows)


def paragraph(*children: nodes.Node) -> nodes.paragraph:
    return nodes.paragraph('', '', *children)


def xref_list(objtype: str, ids: Sequence[str], domain: VisionDomain,
              link: Callable[..., nodes.Element]) -> list[nodes.Node]:
    """One paragraph per linked object, with its label only."""
    result: list[nodes.Node] = []
    for object_id in ids:
        target = domain.objects.get(object_id)
        text = naming.object_label(target) if target is not None else None
        result.append(paragraph(link(objtype, object_id, text)))
    return result


class ViewBuilder:
    """Builds one view's nodes from the domain; ``docname`` is the view's page."""

    def __init__(self, domain: VisionDomain, node: vision_view) -> None:
        self.domain = domain
        self.node = node
        self.docname = node['docname']
        self.options = node['options']
        self.link: Linker = domain.linker(self.docname)
        self.types = domain.types

    def table_link(self, objtype: str, target: str, text: str | None = None) -> nodes.Element:
        """A link in a table cell: no page number in print."""
        return self.link(objtype, target, text, pageref=False)

    def build(self) -> list[nodes.Node]:
        builders: dict[str, Callable[[], list[nodes.Node]]] = {
            'system': self.system, 'matrix': self.matrix, 'list': self.filtered,
        }
        return builders[self.node['view']]()

    def warn(self, message: str, *args: Any) -> None:
        logger.warning(message, *args, location=self.node, type='vision', subtype='view')

    # The system table. Without its deepest level (initiatives): one row per
    # goal, its policy's cell spanning its goals. With them: a row per policy
    # across the table, then one row per initiative, its goal's cell spanning
    # the goal's initiatives; a policy column would stay empty for pages in print.
    def system(self) -> list[nodes.Node]:
        levels = self.types.levels
        if not levels or not self.domain.objects_of(levels[0].key):
            return [nothing_to_show()]
        result: list[nodes.Node] = []
        banner = self.types.banner
        for theme in self.domain.objects_of(banner.key) if banner else ():
            result.append(paragraph(self.link(theme.objtype, theme.id)))
        if len(levels) > 2 and self.domain.objects_of(levels[2].key):
            kinds, rows = levels[1:3], self.system_rows_by_deepest(levels)
        else:
            kinds, rows = levels[:2], self.system_rows_by_second(levels)
        caption = self.options.get('caption') or self.node['default_caption']
        # Ruled, not striped: the rules show where a goal's initiatives end.
        result.append(view_table([kind.label for kind in kinds], rows, (35, 65), caption,
                                 ['vision-system-table', 'standard', 'nocolorrows']))
        return result

    def system_rows_by_second(self, levels: Sequence[Any]) -> list[list[Any]]:
        if len(levels) < 2:
            return [[self.object_cell(top.objtype, top)]
                    for top in self.domain.objects_of(levels[0].key)]
        return [row for top in self.domain.objects_of(levels[0].key)
                for row in self.spanning_rows(top, levels[1].key)]

    def system_rows_by_deepest(self, levels: Sequence[Any]) -> list[list[Any]]:
        rows = []
        for top in self.domain.objects_of(levels[0].key):
            heading = nodes.strong('', '', self.table_link(top.objtype, top.id))
            rows.append([nodes.entry('', paragraph(heading), morecols=1,
                                     classes=['vision-system-policy'])])
            for middle in self.domain.children(top.id, levels[1].key):
                rows.extend(self.spanning_rows(middle, levels[2].key))
        return rows

    def spanning_rows(self, parent: VisionObject, objtype: str) -> list[list[Any]]:
        """A row per ``objtype`` child of ``parent``, the parent's cell spanning them."""
        children: list[VisionObject | None] = [*self.domain.children(parent.id, objtype)] or [None]
        parent_cell = self.object_cell(parent.objtype, parent)
        parent_cell['morerows'] = len(children) - 1
        return [[parent_cell, self.object_cell(objtype, child)] if index == 0
                else [self.object_cell(objtype, child)]
                for index, child in enumerate(children)]

    def object_cell(self, objtype: str, obj: VisionObject | None) -> nodes.entry:
        if obj is None:
            return nodes.entry()
        return nodes.entry('', paragraph(self.table_link(objtype, obj.id)))

    # The opinions × goals matrix. Goals are grouped under their policy's
    # mark (①) and numbered within it, so the narrow columns stay readable
    # in print; each goal's number links to the goal.
    def matrix(self) -> list[nodes.Node]:
        row_kind, column_kind = self.types.matrix('rows'), self.types.matrix('columns')
        if row_kind is None or column_kind is None:
            return [nothing_to_show()]
        groups = self.goals_by_policy(self.domain.objects_of(column_kind.key))
        goals = [goal for _policy, group in groups for goal in group]
        if not goals or not self.domain.objects_of(row_kind.key):
            return [nothing_to_show()]
        rows = []
        for opinion in self.domain.objects_of(row_kind.key):
            informed = set(opinion.links.get(row_kind.parent_link, ()))
            label = self.table_link(opinion.objtype, opinion.id, naming.object_label(opinion))
            cells: list[Any] = [[paragraph(label), paragraph(nodes.Text(opinion.title))]]
            for goal in goals:
                if goal.id in informed:
                    mark = vision_mark('', str(labels.MATRIX_MARK), classes=['vision-mark'])
                    mark['title'] = str(labels.MATRIX_MARK_DESCRIPTION)
                    cells.append(paragraph(mark))
                else:
                    cells.append(nodes.entry())
            rows.append(cells)
        first = nodes.entry('', paragraph(nodes.Text(row_kind.label)), morerows=1)
        policy_row, goal_row = [first], []
        for policy_id, group in groups:
            policy = self.domain.objects.get(policy_id)
            text = naming.display_number(policy) if policy is not None else policy_id
            policy_row.append(nodes.entry('', paragraph(self.table_link(
                column_kind.parent, policy_id, text)),
                morecols=len(group) - 1))
            for goal in group:
                goal_row.append(nodes.entry('', paragraph(self.table_link(
                    goal.objtype, goal.id, goal.number.rpartition('-')[2]))))
        caption = self.options.get('caption') or self.node['default_caption']
        table = view_table(policy_row, rows, (24, *(2,) * len(goals)), caption,
                           ['vision-matrix-table', 'vision-matrix'], more_header_rows=[goal_row])
        legend = str(labels.MATRIX_LEGEND)
        return [vision_matrix('', table), vision_legend(legend, legend,
                                                        classes=['vision-matrix-legend'])]

    @staticmethod
    def goals_by_policy(goals: list[VisionObject]) -> list[tuple[str, list[VisionObject]]]:
        groups: dict[str, list[VisionObject]] = {}
        for goal in goals:
            policy = goal.links.get(goal.kind.parent_link, ('',))[0]
            groups.setdefault(policy, []).append(goal)
        return list(groups.items())

    # A filtered list or table of one type.
    def filtered(self) -> list[nodes.Node]:
        objtype = self.options['type']
        for kind in self.types.filters:
            target = self.options.get(kind.key)
            found = self.domain.objects.get(target) if target else None
            if target and (found is None or found.objtype != kind.key):
                self.warn('vision-list filters by an unknown %s %r', Term(kind.key), target)
        spec = view_spec('list', self.options, self.types)
        selected = [o for o in self.domain.objects_of(objtype)
                    if spec.shows(o, self.domain.objects, self.domain.lineage)]
        if not selected:
            return [nothing_to_show()]
        if self.options.get('format') == 'list':
            items = [linked_item(obj, self.link) for obj in selected]
            return [nodes.bullet_list('', *items, classes=['vision-list'])]
        columns = self.options.get('columns') or self.types[objtype].columns
        rows = [[self.cell(obj, column) for column in columns] for obj in selected]
        widths = [40 if c == 'title' else 15 for c in columns]
        headers = [column_label(self.types, c) for c in columns]
        return [view_table(headers, rows, widths, self.options.get('caption'), ['vision-list-table'])]

    def cell(self, obj: VisionObject, column: str) -> list[nodes.Node]:
        if column == 'id':
            return [paragraph(self.table_link(obj.objtype, obj.id, naming.object_label(obj)))]
        if column == 'title':
            return [paragraph(nodes.Text(obj.title))]
        if column == 'type':
            return [paragraph(nodes.Text(obj.kind.label))]
        target_type = obj.kind.link_target(column)
        if target_type is not None:
            return xref_list(target_type, obj.links.get(column, ()), self.domain,
                             self.table_link)
        if column in self.types.link_options:  # a link this type does not have
            return []
        if column == 'tags':
            return [paragraph(nodes.Text('、'.join(obj.tags)))]
        return [paragraph(nodes.Text(obj.fields.get(column, '')))]


class FillViews(SphinxPostTransform):
    """Replace each :class:`vision_view` placeholder with its content."""

    default_priority = events.FILL_VIEWS

    def run(self, **kwargs: Any) -> None:
        domain = vision_domain(self.env)
        for placeholder in list(self.document.findall(vision_view)):
            content = ViewBuilder(domain, placeholder).build()
            tables: list[nodes.Element] = []
            for node in content:
                table = node if isinstance(node, nodes.table) else node.next_node(nodes.table)
                if table is not None:
                    table['ids'] = [placeholder['table_id']]
                    tables.append(table)
            # Ids the placeholder received (a label above it) follow on its content.
            received = [i for i in placeholder['ids'] if i != placeholder['table_id']]
            elements: list[nodes.Element] = [*tables] or [
                node for node in content if isinstance(node, nodes.Element)]
            if elements and received:
                elements[0]['ids'] = [*elements[0]['ids'], *received]
            placeholder['ids'] = []  # now the content's
            placeholder.replace_self(content)


class UnspanTablesForMan(SphinxPostTransform):
    """Manual pages cannot span cells: give each row of every table all its cells instead."""

    default_priority = events.UNSPAN_FOR_MAN
    builders = ('man',)

    def run(self, **kwargs: Any) -> None:
        for group in self.document.findall(nodes.tgroup):
            unspan(group)


def unspan(group: nodes.tgroup) -> None:
    """Replace row and column spans by empty cells at the spanned places."""
    spanned: dict[int, int] = {}  # column -> rows still covered from above
    for row in group.findall(nodes.row):
        cells = cast('list[nodes.entry]', list(row.children))
        new_cells: list[nodes.entry] = []
        column = 0
        while cells or spanned.get(column, 0):
            if spanned.get(column, 0):
                spanned[column] -= 1
                new_cells.append(nodes.entry())
                column += 1
                continue
            cell = cells.pop(0)
            more_rows = cell.attributes.pop('morerows', 0)
            more_cols = cell.attributes.pop('morecols', 0)
            new_cells.append(cell)
            new_cells.extend(nodes.entry() for _ in range(more_cols))
            for covered in range(column, column + more_cols + 1):
                if more_rows:
                    spanned[covered] = more_rows
            column += more_cols + 1
        row.clear()
        row.extend(new_cells)


def view_caption(node: nodes.Node) -> str:
    """The caption of the table a view will be; empty when it will be no captioned table.

    The placeholder is an enumerable node, so that Sphinx numbers the table
    (表3-1) when it numbers the others, before the view is filled in.
    """
    assert isinstance(node, vision_view)
    options = node['options']
    if node['view'] in ('system', 'matrix'):
        return options.get('caption') or node['default_caption']
    return options.get('caption', '') if options.get('format') != 'list' else ''


def register_list_directive(app: Sphinx, config: Config) -> None:
    app.add_directive('vision-list', list_directive(object_types(config)), override=True)


def setup(app: Sphinx) -> None:
    app.add_enumerable_node(vision_view, 'table', view_caption, override=True)
    app.add_post_transform(UnspanTablesForMan)
    app.add_directive('vision-system', SystemTableDirective)
    app.add_directive('vision-matrix', MatrixDirective)
    app.connect('config-inited', register_list_directive)
    app.add_post_transform(FillViews)
