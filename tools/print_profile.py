"""The print office's files: 表紙, 本文 and 概要版 as PDF/X-4, from the print edition's TeX build.

Usage::

    python tools/print_profile.py --edition LATEXDIR --summary SUMMARY.pdf --out DIR

LATEXDIR is the print edition's LaTeX output (``-D vision_edition=print``,
see ``vision/print_edition/press.py``): its PDF begins with the four cover
pages (表1–表4) and its ``print-edition.json`` gives the inks (``cmyk`` or
``mono``) and whether chapters open on the right. Writes into DIR:

- ``setagaya-industrial-vision-cover.pdf``: 表1–表4;
- ``setagaya-industrial-vision-body.pdf``: the 本文, from はじめに to the 奥付;
- ``setagaya-industrial-vision-summary.pdf``: the 概要版, padded to 4 pages
  (an A3 sheet folded to A4);
- ``print-files.json``: the files in the order to send them, what each is,
  the blank pages added and the chapters' sides (read by the preflight).

Each file is PDF/X-4: colours through the output profile (``print_colour.py``),
an OutputIntent with that profile, XMP with ``pdfxid:GTS_PDFXVersion``,
``Trapped`` and the dates, TrimBox and BleedBox on every page (the pages
have no bleed: nothing is printed to the edge), no annotations, no
``/Rotate`` (the landscape 体系図 is already turned in the page content by
pdflscape; only its viewer hint goes), font subset names unique across the
file, PDF 1.6. pikepdf rewrites the content streams only; fonts, outline
and page labels are kept (a Ghostscript round trip dropped the outline and
the Latin fonts' ToUnicode maps).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pikepdf

from pdf_paint import BLACK, Colour, Paint, State, Walker
from prepress import chapter_pages
from print_colour import (
    HAIRLINE_PT,
    OUTPUT_PROFILE,
    OUTPUT_PROFILE_SOURCE,
    SMALL_SHAPE_PT,
    SMALL_TEXT_PT,
    Inks,
)

#: The print files are named after the edition's PDF (setagaya-industrial-vision.pdf).
COVER_SUFFIX, BODY_SUFFIX, SUMMARY_SUFFIX = '-cover.pdf', '-body.pdf', '-summary.pdf'
MANIFEST = 'print-files.json'
COVER_LABELS = ('表1', '表2', '表3', '表4')
SUMMARY_PAGES = 4
PDFX_VERSION = 'PDF/X-4'
OUTPUT_CONDITION = 'Coated offset (SWOP-based), Artifex CMYK SWOP Profile'


class UnsupportedColour(Exception):
    """The PDF sets colour in a way this script does not convert."""


# -- Colour ---------------------------------------------------------------------------

class ColourConverter(Walker):
    """Drop each device colour operator and set, before each paint, its print colour.

    The print colour depends on what is painted (text under 12 pt and
    hairlines go on one plate) and on its opacity, so it is chosen at the
    paint, not where the colour is set; it is written only when it differs
    from the one in force.
    """

    def __init__(self, pdf: pikepdf.Pdf, inks: Inks) -> None:
        super().__init__(pdf, rewrite=True)
        self.inks = inks
        self.converted = 0
        self._emitted: list[dict[str, Colour | None]] = [{'fill': BLACK, 'stroke': BLACK}]

    def colour(self, operands: list, operator: str, state: State) -> list:
        self.converted += 1
        return []

    def push(self) -> None:
        self._emitted.append(dict(self._emitted[-1]))

    def pop(self) -> None:
        if len(self._emitted) > 1:
            self._emitted.pop()

    def enter_form(self) -> None:
        self._emitted.append({'fill': None, 'stroke': None})

    def leave_form(self) -> None:
        self._emitted.pop()

    def paint(self, paint: Paint, state: State) -> list:
        if paint.kind in ('image', 'shading'):
            self.unsupported.append(f'{paint.where}: {paint.kind}')
            return []
        if paint.colour is None:
            return []
        target = paint.target
        limit = {'text': SMALL_TEXT_PT, 'fill': SMALL_SHAPE_PT}.get(paint.kind, HAIRLINE_PT)
        wanted = self.inks.convert(paint.colour, small=paint.size < limit, alpha=paint.alpha)
        if self._emitted[-1][target] == wanted:
            return []
        self._emitted[-1][target] = wanted
        return [colour_operation(wanted, target)]


def colour_operation(colour: Colour, target: str) -> tuple[list, pikepdf.Operator]:
    name = {'DeviceGray': 'g', 'DeviceCMYK': 'k'}[colour.space]
    return ([Decimal(str(round(v, 3))) for v in colour.values],
            pikepdf.Operator(name if target == 'fill' else name.upper()))


def convert_colours(pdf: pikepdf.Pdf, inks: Inks) -> int:
    """Every page and form in print colours; the number of colour operators replaced."""
    converter = ColourConverter(pdf, inks)
    for number, page in enumerate(pdf.pages, 1):
        converter.walk_page(page, f'page {number}')
    if converter.unsupported:
        raise UnsupportedColour('; '.join(sorted(set(converter.unsupported))[:5]))
    for owner in _resource_owners(pdf):
        resources = owner.get('/Resources')
        if resources is not None and '/ColorSpace' in resources:
            del resources.ColorSpace  # pgf's unused pattern space (/pgfprgb): no cs operator uses it
        group = owner.get('/Group')
        if group is not None and '/CS' in group:
            group.CS = pikepdf.Name.DeviceCMYK
    return converter.converted


def _resource_owners(pdf: pikepdf.Pdf):
    seen = set()

    def forms(resources):
        for xobject in resources.get('/XObject', {}).values():
            if xobject.get('/Subtype') == '/Form' and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                yield xobject
                yield from forms(xobject.get('/Resources', pikepdf.Dictionary()))

    for page in pdf.pages:
        yield page.obj
        yield from forms(page.obj.get('/Resources', pikepdf.Dictionary()))


# -- Fonts ----------------------------------------------------------------------------

_SUBSET = re.compile(r'^([A-Z]{6})\+(.*)$')


def unique_subset_names(pdf: pikepdf.Pdf) -> list[str]:
    """Give each font program its own subset tag where two share one; the names renamed."""
    programs: dict[str, set[bytes]] = {}
    fonts = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get('/Type') == '/FontDescriptor':
            name = str(obj.get('/FontName', '')).lstrip('/')
            program = next((obj[k] for k in ('/FontFile', '/FontFile2', '/FontFile3') if k in obj), None)
            if program is None or not _SUBSET.match(name):
                continue
            digest = hashlib.sha256(program.read_raw_bytes()).digest()
            programs.setdefault(name, set()).add(digest)
            fonts.append((obj, name, digest))
    renamed = []
    for descriptor, name, digest in fonts:
        if len(programs[name]) < 2:
            continue
        tag = ''.join(chr(ord('A') + b % 26) for b in digest[:6])
        new = f'{tag}+{_SUBSET.match(name)[2]}'  # type: ignore[index]
        descriptor.FontName = pikepdf.Name('/' + new)
        renamed.append(f'{name} → {new}')
        for font in _fonts_using(pdf, descriptor):
            base = str(font.BaseFont).lstrip('/')
            font.BaseFont = pikepdf.Name('/' + base.replace(name, new, 1))
    return renamed


def _fonts_using(pdf: pikepdf.Pdf, descriptor: pikepdf.Object):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get('/Type') == '/Font':
            if obj.get('/FontDescriptor') is not None and obj.FontDescriptor.objgen == descriptor.objgen:
                yield obj
                for parent in pdf.objects:
                    if isinstance(parent, pikepdf.Dictionary) and parent.get('/Subtype') == '/Type0' \
                            and any(d.objgen == obj.objgen for d in parent.get('/DescendantFonts', [])):
                        yield parent


# -- Pages, boxes, metadata -----------------------------------------------------------

def clean_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    """No annotations, no /Rotate, TrimBox and BleedBox on every page; what was removed."""
    removed = {'annotations': 0, 'rotate': 0}
    for page in pdf.pages:
        annotations = page.obj.get('/Annots')
        if annotations is not None:
            removed['annotations'] += len(annotations)
            del page.obj.Annots
        if page.obj.get('/Rotate') is not None or '/Rotate' in page.obj:
            removed['rotate'] += 1
        # An inherited /Rotate is written onto the page, then removed with it.
        page.obj.Rotate = 0
        del page.obj.Rotate
        media = pikepdf.Array([float(v) for v in page.mediabox])
        page.obj.MediaBox = media
        for box in ('/CropBox', '/BleedBox', '/TrimBox', '/ArtBox'):
            if box in page.obj:
                del page.obj[box]
        page.obj.BleedBox = media
        page.obj.TrimBox = media
    for key in ('/AcroForm', '/OpenAction'):
        if key in pdf.Root:
            del pdf.Root[key]
    return removed


def set_page_labels(pdf: pikepdf.Pdf, labels: list[str]) -> None:
    """One label per page, as a prefix (the labels of the pages that were kept)."""
    nums = pikepdf.Array()
    for index, label in enumerate(labels):
        nums.append(index)
        nums.append(pikepdf.Dictionary(P=pikepdf.String(label)))
    pdf.Root.PageLabels = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))


def add_output_intent(pdf: pikepdf.Pdf, profile: Path) -> None:
    stream = pdf.make_stream(profile.read_bytes())
    stream.N = 4
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String('Custom'),
        OutputCondition=pikepdf.String(OUTPUT_CONDITION),
        RegistryName=pikepdf.String('http://www.color.org'),
        Info=pikepdf.String(OUTPUT_PROFILE_SOURCE),
        DestOutputProfile=stream)
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def set_metadata(pdf: pikepdf.Pdf, title: str) -> None:
    """Info and XMP for PDF/X-4: version, Trapped, dates (the TeX build's own, deterministic)."""
    info = pdf.docinfo
    created = str(info.get('/CreationDate', '')) or _source_date()
    info.CreationDate = pikepdf.String(created)
    info.Title = pikepdf.String(title)
    info.ModDate = pikepdf.String(created)
    info.Trapped = pikepdf.Name('/False')
    info.GTS_PDFXVersion = pikepdf.String(PDFX_VERSION)
    document_id = 'uuid:' + _uuid(title + created)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta['dc:title'] = title
        meta['dc:creator'] = [str(info.get('/Author', ''))]
        meta['pdf:Producer'] = str(info.get('/Producer', ''))
        meta['pdf:Trapped'] = 'False'
        meta['pdfxid:GTS_PDFXVersion'] = PDFX_VERSION
        meta['xmp:CreatorTool'] = str(info.get('/Creator', ''))
        date = _xmp_date(created)
        meta['xmp:CreateDate'] = date
        meta['xmp:ModifyDate'] = date
        meta['xmp:MetadataDate'] = date
        meta['xmpMM:DocumentID'] = document_id
        meta['xmpMM:InstanceID'] = document_id
        meta['xmpMM:VersionID'] = '1'
        meta['xmpMM:RenditionClass'] = 'default'


def _source_date() -> str:
    """The build's date (SOURCE_DATE_EPOCH, as TeX uses it) for a PDF that has none."""
    stamp = datetime.fromtimestamp(int(os.environ.get('SOURCE_DATE_EPOCH', '0')), tz=UTC)
    return stamp.strftime("D:%Y%m%d%H%M%S+00'00'")


def _uuid(text: str) -> str:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f'{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}'


def _xmp_date(pdf_date: str) -> str:
    """``D:20230905000000+09'00'`` -> ``2023-09-05T00:00:00+09:00``."""
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-]\d{2})'?(\d{2})?", pdf_date)
    if not match:
        return '1970-01-01T00:00:00Z'
    y, mo, d, h, mi, s, zh, zm = match.groups()
    return f'{y}-{mo}-{d}T{h}:{mi}:{s}{zh}:{zm or "00"}'


def remove_dead_destinations(pdf: pikepdf.Pdf) -> None:
    """Named destinations on pages that are no longer in this file."""
    if '/Names' not in pdf.Root or '/Dests' not in pdf.Root.Names:
        return
    pages = {page.obj.objgen for page in pdf.pages}
    tree = pikepdf.NameTree(pdf.Root.Names.Dests)
    for key in list(tree.keys()):
        destination = tree[key]
        array = destination.get('/D') if isinstance(destination, pikepdf.Dictionary) else destination
        if array is None or array[0].objgen not in pages:
            del tree[key]


def blank_pages(pdf: pikepdf.Pdf) -> list[int]:
    """The pages the print edition's TeX marked as blank (1-based); the marks are removed."""
    found = []
    for number, page in enumerate(pdf.pages, 1):
        if '/VisionBlank' in page.obj:
            found.append(number)
            del page.obj.VisionBlank
    return found


# -- The files --------------------------------------------------------------------------

def finish(pdf: pikepdf.Pdf, target: Path, title: str, labels: list[str], inks: Inks) -> dict:
    """Colours, pages, fonts and metadata of one print file; saved as PDF 1.6."""
    converted = convert_colours(pdf, inks)
    removed = clean_pages(pdf)
    renamed = unique_subset_names(pdf)
    set_page_labels(pdf, labels)
    add_output_intent(pdf, OUTPUT_PROFILE)
    set_metadata(pdf, title)
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(target, deterministic_id=True, force_version='1.6',
             object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return {'colours_converted': converted, **removed, 'subset_names_renamed': renamed}


def make_files(edition: Path, summary: Path, out: Path) -> dict:
    settings = json.loads((edition / 'print-edition.json').read_text(encoding='utf-8'))
    inks = Inks(settings['colour'])
    stem = Path(settings['pdf']).stem
    cover_file, body_file, summary_file = (stem + s for s in (COVER_SUFFIX, BODY_SUFFIX, SUMMARY_SUFFIX))
    files = []
    with pikepdf.open(edition / settings['pdf']) as source:
        title = str(source.docinfo.get('/Title', ''))
        count = settings['cover_pages']
        labels = [page.label for page in source.pages]
        with pikepdf.new() as cover:
            cover.pages.extend(source.pages[:count])
            cover.docinfo = cover.copy_foreign(source.docinfo)
            if '/Lang' in source.Root:
                cover.Root.Lang = source.Root.Lang
            report = finish(cover, out / cover_file, f'{title}（表紙）', list(COVER_LABELS[:count]), inks)
        files.append({'order': 1, 'role': 'cover', 'file': cover_file, 'pages': count,
                      'what': '表紙（表1・表2・表3・表4）', **report})
        del source.pages[:count]
        blanks = blank_pages(source)
        remove_dead_destinations(source)
        chapters = chapter_pages(source)
        report = finish(source, out / body_file, title, labels[count:], inks)
        files.append({'order': 2, 'role': 'body', 'file': body_file, 'pages': len(labels) - count,
                      'what': '本文（はじめに〜奥付）', 'blank_pages': blanks, 'chapters': chapters,
                      'log': str(edition / f'{stem}.log'), **report})
    with pikepdf.open(summary) as pdf:
        added = []
        while len(pdf.pages) < SUMMARY_PAGES or len(pdf.pages) % SUMMARY_PAGES:
            pdf.add_blank_page(page_size=tuple(float(v) for v in pdf.pages[0].mediabox[2:]))
            added.append(len(pdf.pages))
        labels = [str(n) for n in range(1, len(pdf.pages) + 1)]
        summary_title = str(pdf.docinfo.get('/Title', ''))
        count = len(pdf.pages)
        report = finish(pdf, out / summary_file, summary_title, labels, inks)
    files.append({'order': 3, 'role': 'summary', 'file': summary_file, 'pages': count,
                  'what': '概要版（A3二つ折り、A4判4ページ）', 'blank_pages': added, **report})
    manifest = {'colour': settings['colour'], 'chapters_open_right': settings['chapters_open_right'],
                'output_intent': OUTPUT_PROFILE_SOURCE, 'pdfx': PDFX_VERSION, 'files': files}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--edition', type=Path, required=True, help="the print edition's LaTeX directory")
    parser.add_argument('--summary', type=Path, required=True, help="the 概要版's PDF")
    parser.add_argument('--out', type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        manifest = make_files(args.edition, args.summary, args.out)
    except UnsupportedColour as exc:
        print(f'print profile: cannot convert: {exc}', file=sys.stderr)
        return 1
    for entry in manifest['files']:
        blanks = entry.get('blank_pages') or []
        print(f'print profile: {args.out / entry["file"]}: {entry["what"]}, {entry["pages"]} pages'
              + (f', {len(blanks)} blank pages added (pages {", ".join(map(str, blanks))})' if blanks else '')
              + f', {entry["colours_converted"]} colours converted ({manifest["colour"]})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
