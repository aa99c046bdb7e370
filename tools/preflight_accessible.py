"""Check a tagged PDF for what PDF/UA-1 (and the Matterhorn Protocol) asks of
its structure and document, with pikepdf, as far as this first version goes:

- a structure tree (/StructTreeRoot) and /MarkInfo /Marked true;
- no text drawn outside marked content (tagged or /Artifact) on a page;
- only PDF 1.7's standard structure types, or types the /RoleMap maps to one;
- /Lang, DisplayDocTitle, and XMP with dc:title and pdfuaid:part 1;
- headings that start at H1 and skip no level;
- every Figure with /Alt, every Table with a TH;
- every LI holding only Lbl and LBody;
- every font embedded, with a ToUnicode map.

``problems(path)`` lists what fails (Japanese, for the editors); the command
prints them and exits 1 if there is any:

    python tools/preflight_accessible.py FILE.pdf [--lang ja]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

_PDFUA = '{http://www.aiim.org/pdfua/ns/id/}part'
_FONT_FILES = ('/FontFile', '/FontFile2', '/FontFile3')
#: The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which PDF/UA-1 builds on.
STANDARD_TYPES = frozenset('''
    Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
    P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
    Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
    Figure Formula Form'''.split())
_TEXT_SHOWING = frozenset({'Tj', 'TJ', "'", '"'})


@dataclass
class Structure:
    """The structure tree's elements in reading order, as (type, element)."""

    elements: list[tuple[str, pikepdf.Dictionary]] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [kind for kind, _ in self.elements if kind in {f'H{n}' for n in range(1, 7)}]

    def children_types(self, element: pikepdf.Dictionary) -> Iterator[str]:
        for kid in _kids(element):
            if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                yield str(kid.S)[1:]
                yield from self.children_types(kid)


def _kids(element: pikepdf.Dictionary) -> list[object]:
    kids = element.get('/K')
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def structure(pdf: pikepdf.Pdf) -> Structure:
    found = Structure()
    root = pdf.Root.get('/StructTreeRoot')
    if root is None:
        return found
    role_map = root.get('/RoleMap', pikepdf.Dictionary())
    seen: set[tuple[int, int]] = set()

    def walk(element: object) -> None:
        if not isinstance(element, pikepdf.Dictionary) or '/S' not in element:
            return
        if element.is_indirect:
            if element.objgen in seen:
                return
            seen.add(element.objgen)
        kind = str(role_map.get(element.S, element.S))[1:]
        found.elements.append((kind, element))
        for kid in _kids(element):
            walk(kid)

    for kid in _kids(root):
        walk(kid)
    return found


def untagged_text(page: pikepdf.Page) -> int:
    """How many text-showing operators of ``page`` lie outside any marked-content sequence."""
    depth = 0
    outside = 0
    for _operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in {'BMC', 'BDC'}:
            depth += 1
        elif name == 'EMC':
            depth = max(depth - 1, 0)
        elif name in _TEXT_SHOWING and depth == 0:
            outside += 1
    return outside


def _fonts(pdf: pikepdf.Pdf) -> Iterator[tuple[str, pikepdf.Dictionary]]:
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        fonts = page.obj.get('/Resources', pikepdf.Dictionary()).get('/Font', pikepdf.Dictionary())
        for font in fonts.values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            yield str(font.get('/BaseFont', '?'))[1:], font


def _embedded(font: pikepdf.Dictionary) -> bool:
    if font.get('/Subtype') == '/Type3':
        return True
    described = font.DescendantFonts[0] if '/DescendantFonts' in font else font
    descriptor = described.get('/FontDescriptor')
    return descriptor is not None and any(key in descriptor for key in _FONT_FILES)


def problems(path: Path, lang: str = 'ja') -> list[str]:
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if '/StructTreeRoot' not in root:
            found.append('タグ付けされていません（構造ツリー /StructTreeRoot がありません）')
        mark_info = root.get('/MarkInfo')
        if mark_info is None or mark_info.get('/Marked') is not True:
            found.append('/MarkInfo /Marked が true ではありません')
        doc_lang = str(root.get('/Lang', ''))
        if not doc_lang.lower().startswith(lang.lower()):
            found.append(f'文書の言語 /Lang が {lang} ではありません（{doc_lang or "なし"}）')
        prefs = root.get('/ViewerPreferences')
        if prefs is None or prefs.get('/DisplayDocTitle') is not True:
            found.append('/ViewerPreferences /DisplayDocTitle が true ではありません')
        meta = pdf.open_metadata()
        if not str(meta.get('dc:title', '')).strip():
            found.append('XMP に表題（dc:title）がありません')
        if str(meta.get(_PDFUA, '')) != '1':
            found.append('XMP に pdfuaid:part 1 がありません')
        for number, page in enumerate(pdf.pages, start=1):
            count = untagged_text(page)
            if count:
                found.append(f'{number}ページ：タグも /Artifact もない文字の描画が {count} 箇所あります')
        tree = structure(pdf)
        role_map = pdf.Root.get('/StructTreeRoot', pikepdf.Dictionary()).get('/RoleMap', pikepdf.Dictionary())
        raw_types = {str(element.S)[1:] for _, element in tree.elements}
        for kind in sorted(raw_types - STANDARD_TYPES):
            if str(role_map.get(f'/{kind}', ''))[1:] not in STANDARD_TYPES:
                found.append(f'標準でない構造型 /{kind} が /RoleMap で標準の型に対応づけられていません')
        previous = 0
        for heading in tree.headings:
            level = int(heading[1])
            if level > previous + 1:
                found.append(f'見出しの階層が飛んでいます（H{previous} の次に {heading}）')
            previous = level
        for kind, element in tree.elements:
            if kind == 'Figure' and not str(element.get('/Alt', '')).strip():
                found.append('代替テキスト（/Alt）のない Figure があります')
            if kind == 'LI' and any(str(kid.get('/S'))[1:] not in {'Lbl', 'LBody'}
                                    for kid in _kids(element) if isinstance(kid, pikepdf.Dictionary)):
                found.append('Lbl と LBody 以外を直接含む LI があります')
            if kind == 'Table' and 'TH' not in set(tree.children_types(element)):
                found.append('見出しセル（TH）のない Table があります')
        for name, font in _fonts(pdf):
            if not _embedded(font):
                found.append(f'フォント {name} が埋め込まれていません')
            if font.get('/Subtype') != '/Type3' and '/ToUnicode' not in font:
                found.append(f'フォント {name} に ToUnicode がありません')
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('pdf', type=Path)
    parser.add_argument('--lang', default='ja')
    args = parser.parse_args(argv)
    found = problems(args.pdf, args.lang)
    for problem in found:
        print(f'{args.pdf}: {problem}', file=sys.stderr)
    if not found:
        print(f'{args.pdf}: PDF/UA の構造チェックに合格しました')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
