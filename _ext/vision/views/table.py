"""The one table builder of the extension, and what a view shows when empty.

Generated views (the system table, ``vision-list``, the matrix) and the data
files' tables (roster, meetings, schedule) are all docutils tables that every
builder knows; they are made here.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from .. import labels

#: What a cell may be given as: text (a paragraph, none if empty), a node, or nodes.
Cell = str | nodes.Node | Sequence[nodes.Node]


def build_table(headers: Sequence[object], rows: Sequence[Sequence[Cell]],
                widths: Sequence[int], *, classes: Sequence[str], caption: str | None = None,
                more_header_rows: Sequence[Sequence[nodes.entry]] = (),
                row_classes: Sequence[list[str]] | None = None,
                stub_columns: int = 0) -> nodes.table:
    """A table with ``classes``, an optional caption and one header row.

    ``headers`` are labels or ready entries (for spans); ``more_header_rows``
    follow the first header row. ``row_classes`` gives each body row its
    classes. The first ``stub_columns`` columns hold row headers (``<th>``).
    """
    table = nodes.table(classes=list(classes))
    if caption:
        table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(widths))
    table += group
    for index, width in enumerate(widths):
        colspec = nodes.colspec(colwidth=width)
        if stub_columns:
            colspec['stub'] = index < stub_columns
        group += colspec
    head = nodes.thead()
    head += nodes.row('', *(header if isinstance(header, nodes.entry) else _entry(str(header))
                            for header in headers))
    for header_row in more_header_rows:
        head += nodes.row('', *header_row)
    body = nodes.tbody()
    for index, cells in enumerate(rows):
        row = nodes.row(classes=row_classes[index] if row_classes else [])
        row.extend(_entry(cell) for cell in cells)
        body += row
    group += [head, body]
    return table


def _entry(cell: Cell) -> nodes.entry:
    if isinstance(cell, nodes.entry):
        return cell
    if isinstance(cell, str):
        return nodes.entry('', nodes.paragraph(cell, cell)) if cell else nodes.entry()
    if isinstance(cell, nodes.Node):
        return nodes.entry('', cell)
    return nodes.entry('', *cell)


def nothing_to_show() -> nodes.paragraph:
    """What a view or table whose filter matches nothing shows instead."""
    return nodes.paragraph('', str(labels.NO_OBJECTS), classes=['vision-empty'])
