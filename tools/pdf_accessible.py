"""Finish the tagged PDF that Chromium printed (tools/print_accessible.mjs).

Chromium writes the structure tree, /Lang, /MarkInfo, DisplayDocTitle and
/Tabs /S; what it leaves out is the XMP metadata that PDF/UA-1 asks for. This
sets, from the project's conf.py, the title (``project``) and the issuer (the
colophon's publisher, else ``author``) in the document information and in
XMP with ``pdfuaid:part 1``, maps the structure types that Chromium takes
from HTML but PDF 1.7 does not know (Aside, Strong) to standard ones, marks
what is painted outside marked content as /Artifact (see mark_artifacts),
gives each link annotation its link's text as /Contents, puts each list
item's body in an LBody, makes the header rows that Chromium repeats on
each page of a table artifacts after their first page and gives every TH its
/Scope (tools/pdf_tables.py), dates them with SOURCE_DATE_EPOCH and saves with
a deterministic /ID, so the same sources give the same bytes.

    python tools/pdf_accessible.py RAW.pdf OUT.pdf --conf DIR [--summary]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pikepdf

from pdf_marked_text import page_texts
from pdf_tables import artifact_repeated_headers, fix_scopes


def document_fields(confdir: Path) -> tuple[str, str, str]:
    """The title, the issuer and the language that the project's conf.py gives."""
    namespace: dict[str, object] = {'__file__': str(confdir / 'conf.py')}
    exec(compile((confdir / 'conf.py').read_text(encoding='utf-8'), str(confdir / 'conf.py'), 'exec'),
         namespace)
    colophon = namespace.get('vision_colophon') or {}
    issuer = colophon.get('publisher') if isinstance(colophon, dict) else None
    title = str(namespace.get('project') or '')
    return title, str(issuer or namespace.get('author') or ''), str(namespace.get('language') or 'ja')


#: The 概要版's name in its title (vision.labels.SUMMARY_NAME).
SUMMARY_NAME = '概要版'

#: Structure types that Chromium writes from HTML (PDF 2.0 names) and PDF/UA-1's
#: PDF 1.7 lacks, mapped to the nearest standard type.
ROLE_MAP = {'Aside': 'Sect', 'Strong': 'Span', 'Em': 'Span', 'Sub': 'Span', 'FENote': 'Note',
            'Title': 'P', 'DocumentFragment': 'Div'}


#: Operators that paint: what a page shows.
_PAINTING = frozenset({'Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'Do', 'sh', 'INLINE IMAGE'})


def mark_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page) -> int:
    """Wrap what ``page`` paints outside marked content in ``/Artifact BMC … EMC``.

    Chromium tags everything in the page's accessibility tree; what it leaves
    outside marked content is what the HTML hides from it (the diagrams'
    drawings, aria-hidden, whose text alternative is printed and tagged) and
    decoration (backgrounds, rules). Returns how many runs were wrapped.
    """
    instructions = list(pikepdf.parse_content_stream(page))
    out: list[tuple[list[object], pikepdf.Operator]] = []
    run: list[tuple[list[object], pikepdf.Operator]] = []
    wrapped = 0
    depth = 0

    def flush() -> None:
        nonlocal wrapped
        if any(str(op) in _PAINTING for _, op in run):
            out.append(([pikepdf.Name.Artifact], pikepdf.Operator('BMC')))
            out.extend(run)
            out.append(([], pikepdf.Operator('EMC')))
            wrapped += 1
        else:
            out.extend(run)
        run.clear()

    for instruction in instructions:
        operands, operator = instruction[0], instruction[1]
        name = str(operator)
        if depth == 0 and name not in {'BMC', 'BDC'}:
            run.append((list(operands), operator))
            continue
        if depth == 0:
            flush()
        if name in {'BMC', 'BDC'}:
            depth += 1
        elif name == 'EMC':
            depth = max(depth - 1, 0)
        out.append((list(operands), operator))
    flush()
    if wrapped:
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
    return wrapped


def marked_content(element: object, page: object) -> list[tuple[object, int]]:
    """(page, MCID) of ``element`` and its descendants, in order."""
    if isinstance(element, int):
        return [(page, element)]
    if not isinstance(element, pikepdf.Dictionary):
        return []
    page = element.get('/Pg', page)
    if element.get('/Type') == '/MCR':
        return [(element.get('/Pg', page), int(element.MCID))]
    if element.get('/Type') == '/OBJR':
        return []
    kids = element.get('/K')
    if kids is None:
        return []
    found: list[tuple[object, int]] = []
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        found.extend(marked_content(kid, page))
    return found


def structure_elements(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Dictionary, list[object]]]:
    """Each element of the structure tree, root first, with its kids (/K as a list).

    The kids are read before the element is yielded, so a caller may rewrite
    the element's /K and the walk still visits every original kid.
    """
    tree = pdf.Root.get('/StructTreeRoot')
    stack = [] if tree is None else [tree]
    while stack:
        element = stack.pop()
        kids = element.get('/K')
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        stack.extend(kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and '/S' in kid)
        yield element, kids


def element_text(element: pikepdf.Dictionary, texts: dict[tuple[int, int], dict[int, str]]) -> str:
    """The text of a structure element's marked content, in order; *texts*
    keeps each page's ``page_texts`` between calls."""
    words = []
    for page, mcid in marked_content(element, element.get('/Pg')):
        if isinstance(page, pikepdf.Dictionary):
            if page.objgen not in texts:
                texts[page.objgen] = page_texts(pikepdf.Page(page))
            words.append(texts[page.objgen].get(mcid, ''))
    return ''.join(words)


def describe_links(pdf: pikepdf.Pdf) -> int:
    """Give each Link annotation a /Contents: the text of its Link element (PDF/UA-1 7.18.5)."""
    texts: dict[tuple[int, int], dict[int, str]] = {}
    described = 0
    for element, kids in structure_elements(pdf):
        if element.get('/S') != '/Link':
            continue
        text = ' '.join(element_text(element, texts).split())
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get('/Type') == '/OBJR' and text:
                annotation = kid.Obj
                if '/Contents' not in annotation:
                    annotation.Contents = pikepdf.String(text)
                    described += 1
    return described


def wrap_list_bodies(pdf: pikepdf.Pdf) -> int:
    """Put what an LI holds besides its Lbl into an LBody (ISO 32000-1 14.8.4.3.3).

    Chromium writes LI → Lbl, P (and a nested L) with no LBody. Only structure
    elements move, so the parent tree (content → element) stays right.
    """
    wrapped = 0
    for element, kids in structure_elements(pdf):
        if element.get('/S') != '/LI' or any(
                isinstance(kid, pikepdf.Dictionary) and kid.get('/S') == '/LBody' for kid in kids):
            continue
        labels = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get('/S') == '/Lbl']
        body = [kid for kid in kids if not (isinstance(kid, pikepdf.Dictionary) and kid.get('/S') == '/Lbl')]
        if not body or not all(isinstance(kid, pikepdf.Dictionary) and '/S' in kid for kid in body):
            continue
        lbody = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody,
                                                     P=element, K=pikepdf.Array(body)))
        if '/Pg' in element:
            lbody.Pg = element.Pg
        for kid in body:
            kid.P = lbody
        element.K = pikepdf.Array([*labels, lbody])
        wrapped += 1
    return wrapped


def source_date() -> datetime:
    epoch = os.environ.get('SOURCE_DATE_EPOCH')
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC).replace(microsecond=0)


def finish(raw: Path, out: Path, *, title: str, issuer: str, lang: str) -> None:
    date = source_date()
    with pikepdf.open(raw) as pdf:
        root = pdf.Root
        root.Lang = pikepdf.String(lang)
        root.MarkInfo = pikepdf.Dictionary(Type=pikepdf.Name.MarkInfo, Marked=True)
        prefs = root.get('/ViewerPreferences', pikepdf.Dictionary())
        prefs.DisplayDocTitle = True
        root.ViewerPreferences = prefs
        tree = root.get('/StructTreeRoot')
        if tree is not None:
            role_map = tree.get('/RoleMap', pikepdf.Dictionary())
            for kind, standard in ROLE_MAP.items():
                role_map[f'/{kind}'] = pikepdf.Name(f'/{standard}')
            tree.RoleMap = role_map
        artifact_repeated_headers(pdf)
        fix_scopes(pdf)
        describe_links(pdf)
        wrap_list_bodies(pdf)
        for page in pdf.pages:
            page.obj.Tabs = pikepdf.Name.S
            mark_artifacts(pdf, page)
        pdf_date = date.strftime("D:%Y%m%d%H%M%S+00'00'")
        pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(
            Title=pikepdf.String(title), Author=pikepdf.String(issuer),
            Producer=pikepdf.String('Chromium (Skia/PDF), pikepdf'),
            CreationDate=pikepdf.String(pdf_date), ModDate=pikepdf.String(pdf_date)))
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta['dc:title'] = title
            meta['dc:creator'] = [issuer]
            meta['dc:language'] = {lang}
            meta['pdf:Producer'] = 'Chromium (Skia/PDF), pikepdf'
            meta['xmp:CreateDate'] = date.isoformat()
            meta['xmp:ModifyDate'] = date.isoformat()
            meta['xmp:MetadataDate'] = date.isoformat()
            meta['pdfuaid:part'] = '1'
        out.parent.mkdir(parents=True, exist_ok=True)
        pdf.save(out, deterministic_id=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('raw', type=Path)
    parser.add_argument('out', type=Path)
    parser.add_argument('--conf', type=Path, default=Path('.'))
    parser.add_argument('--summary', action='store_true',
                        help="the 概要版: its title is the project's with （概要版）, as vision.labels.SUMMARY_NAME")
    args = parser.parse_args(argv)
    title, issuer, lang = document_fields(args.conf)
    if args.summary:
        title = f'{title}（{SUMMARY_NAME}）'
    finish(args.raw, args.out, title=title, issuer=issuer, lang=lang)
    print(f'PDF: {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
