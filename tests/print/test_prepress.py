"""The print profile's colours and the preflight's prepress checks, on small PDFs made here.

No TeX: a one-page RGB PDF written with pikepdf goes through the print
profile (``tools/print_profile.py``'s ``finish``), passes every prepress
check, and then each check fails on a copy broken in the way it looks for.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'tools'))

import preflight  # noqa: E402
import print_profile  # noqa: E402
from pdf_paint import Colour, paints  # noqa: E402
from print_colour import Inks  # noqa: E402

A4 = (595.28, 841.89)
#: Headings and links as Sphinx colours them, 10 pt text, a 0.4 pt rule and a light panel.
CONTENT = b'''
q 0.126 0.263 0.361 rg BT /F1 10 Tf 72 700 Td (Link text) Tj ET Q
q 0 0 0 rg BT /F1 10 Tf 72 680 Td (Body text) Tj ET Q
q 0.12 0.31 0.47 rg 72 600 200 40 re f Q
q 1 1 1 rg BT /F1 11.5 Tf 80 615 Td (Reversed) Tj ET Q
q 0.2 0.3 0.6 RG 0.4 w 72 590 m 272 590 l S Q
q 0.1 0.5 0.2 rg BT /F1 14 Tf 72 550 Td (Large heading) Tj ET Q
'''


#: An embedded font (TeX Gyre Heros, which the build installs), as TeX would subset it.
FONT_FILE = Path(subprocess.run(['kpsewhich', 'qhvr.pfb'], capture_output=True, text=True,
                                check=True).stdout.strip())


def make_pdf(path: Path, pages: int = 1, content: bytes = CONTENT) -> Path:
    pdf = pikepdf.new()
    program = pdf.make_stream(FONT_FILE.read_bytes())
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name('/QWERTY+TeXGyreHeros-Regular'),
        FontFile=program, Flags=32, ItalicAngle=0, Ascent=700, Descent=-200, CapHeight=700, StemV=80,
        FontBBox=[0, -200, 1000, 900]))
    to_unicode = pdf.make_stream(
        b'/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def '
        b'1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange '
        b'endcmap CMapName currentdict /CMap defineresource pop end end')
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name('/QWERTY+TeXGyreHeros-Regular'), FontDescriptor=descriptor,
        ToUnicode=to_unicode))
    for _ in range(pages):
        page = pdf.add_blank_page(page_size=A4)
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(content)
    pdf.docinfo.Title = 'テスト'
    pdf.docinfo.Author = '世田谷区'
    pdf.docinfo.CreationDate = "D:20230905000000+09'00'"
    pdf.Root.Lang = pikepdf.String('ja')
    pdf.save(path)
    return path


def print_file(path: Path, mode: str = 'cmyk', pages: int = 1) -> Path:
    source = make_pdf(path.with_suffix('.source.pdf'), pages)
    with pikepdf.open(source) as pdf:
        print_profile.finish(pdf, path, 'テスト', [str(n) for n in range(1, pages + 1)], Inks(mode))
    return path


def run_preflight(path: Path, role: str, tmp_path: Path, entry: dict | None = None) -> dict:
    """Run the preflight's command line on one print file; its result for that file."""
    manifest = tmp_path / 'print-files.json'
    manifest.write_text(json.dumps({'chapters_open_right': True, 'files': [
        {'file': path.name, 'role': role, **(entry or {})}]}), encoding='utf-8')
    out = tmp_path / 'report'
    code = preflight.main(['--out', str(out), '--print-files', str(manifest)])
    [result] = json.loads((out / 'report.json').read_text(encoding='utf-8'))
    result['code'] = code
    result['blocking'] = {c['name']: c['summary'] for c in result['checks'] if c['status'] == 'blocking'}
    return result


# -- Colour -------------------------------------------------------------------------

def test_rgb_goes_through_the_profile_not_a_formula():
    inks = Inks('cmyk')
    blue = inks.convert(Colour('DeviceRGB', (0.12, 0.31, 0.47)), small=False)
    naive = (0.745, 0.34, 0.0, 0.53)  # K = 1 - max(R, G, B), the old formula
    assert blue.space == 'DeviceCMYK' and blue.values != naive
    # The profile's black generation: a rich dark blue, under the 300 % limit.
    assert blue.values[3] > 0 and sum(blue.values) <= 3.0
    assert sum(inks.convert(Colour('DeviceRGB', (0.0, 0.0, 0.01)), small=False).values) <= 3.0


def test_small_text_and_hairlines_go_on_the_black_plate():
    inks = Inks('cmyk')
    assert inks.convert(Colour('DeviceRGB', (0.126, 0.263, 0.361)), small=True) == Colour('DeviceGray', (0.0,))
    light = inks.convert(Colour('DeviceRGB', (0.6, 0.7, 0.9)), small=True)
    assert light.space == 'DeviceGray' and 0 < light.values[0] < 1


def test_mono_prints_everything_on_one_plate():
    inks = Inks('mono')
    for rgb in [(0.12, 0.31, 0.47), (0.9, 0.1, 0.1), (1, 0.95, 0.8)]:
        assert inks.convert(Colour('DeviceRGB', rgb), small=False).space == 'DeviceGray'


def test_a_translucent_light_fill_keeps_a_few_percent_of_ink():
    inks = Inks('cmyk')
    fill = inks.convert(Colour('DeviceRGB', (0.973, 0.976, 0.98)), small=False, alpha=0.6)
    assert max(fill.values) * 0.6 >= 0.05 - 1e-9


def test_the_print_file_paints_small_text_in_k_and_keeps_its_fills_in_cmyk(tmp_path):
    path = print_file(tmp_path / 'good.pdf')
    with pikepdf.open(path) as pdf:
        found = paints(pdf)
    texts = {round(p.size, 1): p.colour for _, p in found if p.kind == 'text'}
    assert texts[10.0].space == 'DeviceGray' and texts[10.0].values == (0.0,)
    assert texts[14.0].space == 'DeviceCMYK'  # 14 pt: process colour allowed
    [panel] = [p.colour for _, p in found if p.kind == 'fill']
    assert panel.space == 'DeviceCMYK' and len(panel.inks()) > 1
    [rule] = [p.colour for _, p in found if p.kind == 'stroke']
    assert rule == Colour('DeviceGray', (0.0,))


def test_mono_print_file_has_no_process_colour(tmp_path):
    path = print_file(tmp_path / 'mono.pdf', mode='mono')
    with pikepdf.open(path) as pdf:
        assert {p.colour.space for _, p in paints(pdf) if p.colour} == {'DeviceGray'}


# -- The preflight passes a good file and fails each broken one ---------------------

def test_a_good_print_file_passes_every_prepress_check(tmp_path):
    result = run_preflight(print_file(tmp_path / 'good.pdf', pages=4), 'summary', tmp_path)
    assert result['code'] == 0, result['blocking']
    names = {c['name'] for c in result['checks']}
    assert {'PDF/X', 'boxes and rotation', 'transparency', 'ink coverage', 'small text plates',
            'thin lines', 'page sides', 'annotations', 'subset names'} <= names


def _broken(tmp_path: Path, edit, pages: int = 4) -> Path:
    path = print_file(tmp_path / 'broken.pdf', pages=pages)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        edit(pdf)
        pdf.save(path, force_version='1.6')
    return path


def _add_content(pdf: pikepdf.Pdf, data: bytes, resources: dict | None = None) -> None:
    page = pdf.pages[0]
    page.contents_add(pdf.make_stream(data))
    for key, value in (resources or {}).items():
        page.Resources[key] = value


def _drop_pdfx_version(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        del meta['pdfxid:GTS_PDFXVersion']
    del pdf.Root.OutputIntents


def _rotate(pdf):
    pdf.pages[1].obj.Rotate = 90
    del pdf.pages[2].obj.TrimBox


def _faint_fill(pdf):
    gstate = pikepdf.Dictionary(ca=0.6)
    _add_content(pdf, b'q /GS1 gs 0.008 0.004 0 0.02 k 100 100 50 50 re f Q',
                 {'/ExtGState': pikepdf.Dictionary(GS1=gstate)})


def _heavy_ink(pdf):
    _add_content(pdf, b'q 1 1 1 1 k 100 100 50 50 re f Q')


def _small_text_on_three_plates(pdf):
    _add_content(pdf, b'q 0.2 0.1 0 0.84 k BT /F1 9 Tf 72 72 Td (x) Tj ET Q')


def _hairline(pdf):
    _add_content(pdf, b'q 0 g 0.1 w 72 72 m 200 72 l S Q')


def _rgb(pdf):
    _add_content(pdf, b'q 0.5 0.2 0.1 rg 100 100 50 50 re f Q')


def _annotation(pdf):
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 72, 144, 90],
        Border=[0, 0, 0]))]))


def _shared_subset_name(pdf):
    for index, data in enumerate([b'one font program', b'another font program']):
        descriptor = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name('/AAAAAA+BIZUDGothic-Regular'),
            FontFile2=pdf.make_stream(data)))
        font = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType,
            BaseFont=pikepdf.Name('/AAAAAA+BIZUDGothic-Regular'), FontDescriptor=descriptor))
        pdf.pages[index].Resources.Font[f'/G{index}'] = font


@pytest.mark.parametrize(('edit', 'check', 'message'), [
    (_drop_pdfx_version, 'PDF/X', 'GTS_PDFXVersion'),
    (_rgb, 'colour', 'RGB on pages 1'),
    (_rotate, 'boxes and rotation', '/Rotate on pages 2'),
    (_faint_fill, 'transparency', 'print under 3%'),
    (_heavy_ink, 'ink coverage', 'over 300%'),
    (_small_text_on_three_plates, 'small text plates', 'on more than one plate'),
    (_hairline, 'thin lines', 'under 0.25 pt'),
    (_annotation, 'annotations', '1 annotations on pages 1'),
    (_shared_subset_name, 'subset names', 'AAAAAA+BIZUDGothic-Regular (2 programs)'),
])
def test_the_preflight_fails_a_file_broken_for_each_check(tmp_path, edit, check, message):
    result = run_preflight(_broken(tmp_path, edit), 'summary', tmp_path)
    assert result['code'] == 1
    assert set(result['blocking']) == {check}, result['blocking']
    assert message in result['blocking'][check]


def test_the_preflight_fails_a_body_of_the_wrong_length_and_a_chapter_on_the_left(tmp_path):
    def chapters(pdf):
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem('第1章', 0))
            outline.root.append(pikepdf.OutlineItem('第2章', 3))
    result = run_preflight(_broken(tmp_path, chapters, pages=5), 'body', tmp_path,
                           {'blank_pages': [2]})
    assert result['code'] == 1 and set(result['blocking']) == {'page sides'}
    summary = result['blocking']['page sides']
    assert '5 pages, not a multiple of 4' in summary and '第2章 (page 4)' in summary
    assert '1 blank pages added: 2' in summary


def test_the_preflight_fails_a_cover_without_four_pages(tmp_path):
    result = run_preflight(print_file(tmp_path / 'cover.pdf', pages=2), 'cover', tmp_path)
    assert result['code'] == 1 and '2 pages, not 4' in result['blocking']['page sides']
