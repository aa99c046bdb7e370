"""Tables in Chromium's tagged PDF, as a screen reader should take them
(used by tools/pdf_accessible.py).

Chromium repeats a table's header rows (``<thead>``) at the top of every page
the table runs over, and tags each copy as more content of the same TH: the
matrix's 「意見」 read as 「意見意見意見意見意見意見意見」, its column heads as
「1111111」. It also writes ``/Scope /Column`` for the row headers (``<th>`` in
``<tbody>``) of every page after the first. Here:

- the copies of a header row after its first page become artifacts
  (``/Artifact /Pagination``, ISO 32000-1 14.8.2.2): their marked content is
  retagged, left out of the structure and the parent tree, and their link
  annotations are removed (the first page's header keeps its links);
- every TH of a header row has ``/Scope /Column``, every TH of a row that
  holds data cells ``/Scope /Row``, as the HTML's ``<th>`` are.

A header row is one of a table's leading rows made only of TH.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

_ROW_GROUPS = ('/THead', '/TBody', '/TFoot')


def _struct_kids(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    kids = element.get('/K')
    kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and '/S' in kid]


def tables(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    tree = pdf.Root.get('/StructTreeRoot')
    stack = [] if tree is None else [tree]
    while stack:
        element = stack.pop()
        if element.get('/S') == '/Table':
            yield element
        stack.extend(reversed(_struct_kids(element)))


def rows(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found = []
    for kid in _struct_kids(table):
        if kid.S == '/TR':
            found.append(kid)
        elif kid.S in _ROW_GROUPS:
            found.extend(rows(kid))
    return found


def cells(row: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    return [kid for kid in _struct_kids(row) if kid.S in ('/TH', '/TD')]


def header_rows(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found = []
    for row in rows(table):
        if not cells(row) or any(cell.S != '/TH' for cell in cells(row)):
            break
        found.append(row)
    return found


def set_scope(cell: pikepdf.Dictionary, scope: str) -> None:
    """Set the cell's Table attribute /Scope (``/A`` is one dictionary or an array of them)."""
    attributes = cell.get('/A')
    owned = list(attributes) if isinstance(attributes, pikepdf.Array) else (
        [] if attributes is None else [attributes])
    for attribute in owned:
        if isinstance(attribute, pikepdf.Dictionary) and attribute.get('/O') == '/Table':
            attribute.Scope = pikepdf.Name(scope)
            return
    owned.append(pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name(scope)))
    cell.A = pikepdf.Array(owned)


def _content_items(element: pikepdf.Dictionary, page: object) -> Iterator[tuple[object, object, object]]:
    """(element, kid, page) for each marked-content or object reference under ``element``."""
    page = element.get('/Pg', page)
    kids = element.get('/K')
    for kid in (list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])):
        if isinstance(kid, int):
            yield element, kid, page
        elif isinstance(kid, pikepdf.Dictionary) and kid.get('/Type') in ('/MCR', '/OBJR'):
            yield element, kid, kid.get('/Pg', page)
        elif isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
            yield from _content_items(kid, page)


def _page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], pikepdf.Dictionary]:
    return {page.obj.objgen: page.obj for page in pdf.pages}


def artifact_repeated_headers(pdf: pikepdf.Pdf) -> int:
    """Make the copies of each header row after its first page artifacts; returns how many
    marked-content sequences were retagged."""
    pages = _page_index(pdf)
    order = {objgen: number for number, objgen in enumerate(pages)}
    tree = pdf.Root.get('/StructTreeRoot')
    parent_tree = pikepdf.NumberTree(tree.ParentTree) if tree is not None and '/ParentTree' in tree else None
    retag: dict[tuple[int, int], set[int]] = {}

    def on_page(page: object) -> int | None:
        return order.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None

    def keep_first(element: pikepdf.Dictionary, page: object, first: int) -> None:
        page = element.get('/Pg', page)
        kids = element.get('/K')
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        kept = []
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                keep_first(kid, page, first)
                kept.append(kid)
                continue
            where = kid.get('/Pg', page) if isinstance(kid, pikepdf.Dictionary) else page
            if on_page(where) in (None, first):
                kept.append(kid)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get('/Type') == '/OBJR':
                _remove_annotation(where, kid.Obj, parent_tree)
            else:
                mcid = int(kid.MCID) if isinstance(kid, pikepdf.Dictionary) else int(kid)
                retag.setdefault(where.objgen, set()).add(mcid)
        element.K = pikepdf.Array(kept)

    for table in tables(pdf):
        for row in header_rows(table):
            found = [on_page(page) for _, _, page in _content_items(row, row.get('/Pg'))]
            found = [number for number in found if number is not None]
            if found:
                keep_first(row, row.get('/Pg'), min(found))
    retagged = 0
    for objgen, mcids in retag.items():
        page = pages[objgen]
        retagged += _retag(pdf, page, mcids)
        if parent_tree is not None and '/StructParents' in page:
            entry = parent_tree.get(int(page.StructParents))
            if isinstance(entry, pikepdf.Array):
                for mcid in mcids:
                    if mcid < len(entry):
                        entry[mcid] = None
    return retagged


def _remove_annotation(page: pikepdf.Dictionary, annotation: pikepdf.Dictionary,
                       parent_tree: pikepdf.NumberTree | None) -> None:
    annotations = page.get('/Annots')
    if isinstance(annotations, pikepdf.Array):
        page.Annots = pikepdf.Array([kept for kept in annotations if kept.objgen != annotation.objgen])
    if parent_tree is not None and '/StructParent' in annotation:
        key = int(annotation.StructParent)
        if key in parent_tree:
            del parent_tree[key]


def _retag(pdf: pikepdf.Pdf, page: pikepdf.Dictionary, mcids: set[int]) -> int:
    """Turn the marked content ``mcids`` of ``page`` into pagination artifacts."""
    instructions = list(pikepdf.parse_content_stream(page))
    out = []
    retagged = 0
    for operands, operator in instructions:
        if str(operator) == 'BDC' and len(operands) == 2:
            properties = operands[1]
            if isinstance(properties, pikepdf.Name) and '/Properties' in page.get('/Resources', {}):
                properties = page.Resources.Properties.get(str(properties))
            if isinstance(properties, pikepdf.Dictionary) and int(properties.get('/MCID', -1)) in mcids:
                out.append(([pikepdf.Name.Artifact,
                             pikepdf.Dictionary(Type=pikepdf.Name.Pagination)], operator))
                retagged += 1
                continue
        out.append((list(operands), operator))
    if retagged:
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
    return retagged


def fix_scopes(pdf: pikepdf.Pdf) -> int:
    """Column heads /Scope /Column, row heads /Scope /Row; returns how many row heads changed."""
    changed = 0
    for table in tables(pdf):
        heads = header_rows(table)
        for row in rows(table):
            for cell in cells(row):
                if cell.S != '/TH':
                    continue
                wanted = '/Column' if any(row.objgen == head.objgen for head in heads) else '/Row'
                before = _scope(cell)
                if before != wanted:
                    set_scope(cell, wanted)
                    changed += wanted == '/Row'
    return changed


def _scope(cell: pikepdf.Dictionary) -> str | None:
    attributes = cell.get('/A')
    for attribute in (list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]):
        if isinstance(attribute, pikepdf.Dictionary) and '/Scope' in attribute:
            return str(attribute.Scope)
    return None
