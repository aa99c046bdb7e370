"""The print office's files from a small test root: TeX's print edition, then the print profile.

Three short chapters (one with a landscape page, two linking to each other)
after はじめに and the 目次: chapters open on right-hand pages behind blank
pages, the body's count is a multiple of 4, the cover is a file of its own
and every file is PDF/X-4 without annotations or ``/Rotate``. The 概要版 here
is a three-page PDF made with pikepdf (the test root has no vision objects
to summarise); the site's own 概要版 is checked in ``tests/content``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

pytestmark = pytest.mark.tex

ROOT = Path(__file__).resolve().parents[2]
TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-print-edition'
sys.path.insert(0, str(ROOT / 'tools'))

from prepress import chapter_pages  # noqa: E402


def build_edition(out: Path, *overrides: str) -> Path:
    proc = subprocess.run(
        [sys.executable, '-m', 'sphinx', '-M', 'latexpdf', str(TEST_ROOT), str(out), '-W', '--keep-going',
         '-q', '-D', 'vision_edition=print', *overrides],
        capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, 'SOURCE_DATE_EPOCH': '1693872000', 'FORCE_SOURCE_DATE': '1',
             'PYTHONPATH': str(ROOT / '_ext')})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    return out / 'latex'


def three_page_summary(path: Path) -> Path:
    pdf = pikepdf.new()
    for _ in range(3):
        page = pdf.add_blank_page(page_size=(595.28, 841.89))
        page.obj.Contents = pdf.make_stream(b'q 0.12 0.31 0.47 rg 72 600 200 40 re f Q')
        page.obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 72, 144, 90]))]))
    pdf.docinfo.Title = '印刷版のテスト（概要版）'
    pdf.save(path)
    return path


def print_files(edition: Path, out: Path) -> dict:
    subprocess.run([sys.executable, str(ROOT / 'tools' / 'print_profile.py'), '--edition', str(edition),
                    '--summary', str(three_page_summary(out.parent / 'summary-source.pdf')),
                    '--out', str(out)], check=True, capture_output=True, text=True)
    return json.loads((out / 'print-files.json').read_text(encoding='utf-8'))


@pytest.fixture(scope='module')
def files(tmp_path_factory) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp('print-edition')
    out = base / 'print'
    return out, print_files(build_edition(base / 'build'), out)


def assert_pdfx(pdf: pikepdf.Pdf) -> None:
    assert pdf.pdf_version == '1.6'
    assert str(pdf.open_metadata()['pdfxid:GTS_PDFXVersion']) == 'PDF/X-4'
    assert str(pdf.docinfo.GTS_PDFXVersion) == 'PDF/X-4'
    assert pdf.docinfo.Trapped == pikepdf.Name('/False') and '/ModDate' in pdf.docinfo
    [intent] = pdf.Root.OutputIntents
    assert intent.S == '/GTS_PDFX' and int(intent.DestOutputProfile.N) == 4
    assert 'libgs-common' in str(intent.Info)
    for page in pdf.pages:
        assert '/TrimBox' in page.obj and [float(v) for v in page.obj.TrimBox] == \
            [float(v) for v in page.mediabox]
        assert '/Annots' not in page.obj and '/Rotate' not in page.obj
        assert '/VisionBlank' not in page.obj


def test_the_files_in_the_order_to_send_them(files):
    out, manifest = files
    assert [(f['order'], f['role']) for f in manifest['files']] == [(1, 'cover'), (2, 'body'), (3, 'summary')]
    assert [f['file'] for f in manifest['files']] == ['print-cover.pdf', 'print-body.pdf', 'print-summary.pdf']
    for entry in manifest['files']:
        with pikepdf.open(out / entry['file']) as pdf:
            assert_pdfx(pdf)
            assert len(pdf.pages) == entry['pages']


def test_the_cover_is_its_own_four_pages(files):
    out, _ = files
    with pikepdf.open(out / 'print-cover.pdf') as pdf:
        assert [page.label for page in pdf.pages] == ['表1', '表2', '表3', '表4']
        text = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(out / 'print-cover.pdf'), '-'],
                              capture_output=True, text=True, check=True).stdout.split('\f')
        assert '印刷版のテスト' in text[0] and '世田谷区' in text[3]
        assert not text[1].strip() and not text[2].strip()


def test_the_body_starts_on_the_right_and_its_chapters_too(files):
    out, manifest = files
    body = manifest['files'][1]
    with pikepdf.open(out / 'print-body.pdf') as pdf:
        count = len(pdf.pages)
        labels = [page.label for page in pdf.pages]
        chapters = chapter_pages(pdf)
        landscape = [page for page in pdf.pages if any(
            str(op) == 'cm' and abs(float(args[0])) < 1e-6 and abs(abs(float(args[1])) - 1) < 1e-6
            for args, op in pikepdf.parse_content_stream(page))]
        sizes = {(float(p.mediabox[2]), float(p.mediabox[3])) for p in pdf.pages}
    assert count % 4 == 0
    assert labels[0] == 'i' and '表紙' not in labels  # はじめに first, the cover apart
    assert [c['title'] for c in chapters][:4] == ['はじめに', '第一の章', '第二の章', '第三の章']
    assert all(c['page'] % 2 == 1 for c in chapters), chapters
    # Blank pages behind the one-page chapters and before the 奥付, reported.
    assert body['blank_pages'] and all(1 < n <= count for n in body['blank_pages'])
    assert labels[-1] == str(count - 4)  # the 奥付 on the last page (4 front matter pages)
    # The landscape page is turned in its content; every page stays portrait.
    assert landscape and sizes == {(595.28, 841.89)}


def test_the_summary_gets_its_fourth_page(files):
    _, manifest = files
    summary = manifest['files'][2]
    assert summary['pages'] == 4 and summary['blank_pages'] == [4] and summary['annotations'] == 3


def test_the_preflight_passes_every_print_file(files, tmp_path):
    out, _ = files
    proc = subprocess.run([sys.executable, str(ROOT / 'tools' / 'preflight.py'), '--out', str(tmp_path),
                           '--print-files', str(out / 'print-files.json')], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    results = json.loads((tmp_path / 'report.json').read_text(encoding='utf-8'))
    assert [r['profile'] for r in results] == ['cover', 'body', 'summary']


def test_chapters_may_open_on_either_side_when_conf_says_so(tmp_path):
    edition = build_edition(tmp_path / 'build', '-D', 'vision_print_chapters_open_right=0')
    manifest = print_files(edition, tmp_path / 'print')
    assert manifest['chapters_open_right'] is False
    with pikepdf.open(tmp_path / 'print' / 'print-body.pdf') as pdf:
        assert len(pdf.pages) % 4 == 0
        chapters = chapter_pages(pdf)
    assert chapters[0]['page'] == 1 and any(c['page'] % 2 == 0 for c in chapters)


def test_mono_print_files_use_the_black_plate_only(files, tmp_path):
    out, _ = files
    edition = out.parent / 'build' / 'latex'
    settings = json.loads((edition / 'print-edition.json').read_text(encoding='utf-8'))
    mono = tmp_path / 'edition'
    mono.mkdir()
    for name in (settings['pdf'], 'print.log'):
        (mono / name).write_bytes((edition / name).read_bytes())
    (mono / 'print-edition.json').write_text(json.dumps({**settings, 'colour': 'mono'}), encoding='utf-8')
    manifest = print_files(mono, tmp_path / 'print')
    assert manifest['colour'] == 'mono'
    for entry in manifest['files']:
        with pikepdf.open(tmp_path / 'print' / entry['file']) as pdf:
            for page in pdf.pages:
                operators = {str(op) for _, op in pikepdf.parse_content_stream(page)}
                assert not operators & {'k', 'K', 'rg', 'RG'}, entry['file']
