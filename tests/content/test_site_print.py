"""The print office's files of the real ``docs/``: 表紙, 本文 and 概要版, as ``make pdf-print`` makes them.

Each is opened with pikepdf: PDF/X-4 keys and OutputIntent, TrimBox on every
page, no annotations, no ``/Rotate``; the body starts on a right-hand page
with はじめに, has a multiple of 4 pages and opens every chapter on the right
(conf.py's default); the 概要版 is 4 pages titled 概要版. The preflight
passes them and the screen PDF, and reports every check for each.
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
sys.path.insert(0, str(ROOT / 'tools'))

from prepress import chapter_pages  # noqa: E402

PREPRESS_CHECKS = {'PDF/X', 'boxes and rotation', 'transparency', 'ink coverage', 'small text plates',
                   'thin lines', 'page sides', 'annotations', 'subset names'}


@pytest.fixture(scope='module')
def print_dir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp('site-print')
    # As `make pdf-print` runs them: the 概要版, the print edition, the print profile.
    for args in (['-D', 'vision_edition=summary'], ['-D', 'vision_edition=print']):
        out = base / args[1].split('=')[1]
        proc = subprocess.run([sys.executable, '-m', 'sphinx', '-M', 'latexpdf', 'docs', str(out), '-c', '.',
                               '-W', '--keep-going', '-q', *args], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, 'SOURCE_DATE_EPOCH': '1693872000', 'FORCE_SOURCE_DATE': '1'})
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    subprocess.run([sys.executable, str(ROOT / 'tools' / 'print_profile.py'), '--edition',
                    str(base / 'print' / 'latex'), '--summary',
                    str(base / 'summary' / 'latex' / 'setagaya-industrial-vision-summary.pdf'),
                    '--out', str(base / 'out')], check=True, capture_output=True, cwd=ROOT)
    return base / 'out'


@pytest.fixture(scope='module')
def manifest(print_dir) -> dict:
    return json.loads((print_dir / 'print-files.json').read_text(encoding='utf-8'))


def test_three_files_each_pdfx_4_without_annotations_or_rotation(print_dir, manifest):
    assert [f['file'] for f in manifest['files']] == [
        'setagaya-industrial-vision-cover.pdf', 'setagaya-industrial-vision-body.pdf',
        'setagaya-industrial-vision-summary.pdf']
    for entry in manifest['files']:
        with pikepdf.open(print_dir / entry['file']) as pdf:
            assert pdf.pdf_version == '1.6'
            assert str(pdf.open_metadata()['pdfxid:GTS_PDFXVersion']) == 'PDF/X-4'
            assert pdf.docinfo.Trapped == pikepdf.Name('/False') and '/ModDate' in pdf.docinfo
            [intent] = pdf.Root.OutputIntents
            assert intent.S == '/GTS_PDFX' and int(intent.DestOutputProfile.N) == 4
            for page in pdf.pages:
                assert '/TrimBox' in page.obj and '/BleedBox' in page.obj
                assert '/Annots' not in page.obj and int(page.obj.get('/Rotate', 0)) == 0


def test_the_body_starts_right_is_a_multiple_of_4_and_opens_chapters_on_the_right(print_dir, manifest):
    body = manifest['files'][1]
    with pikepdf.open(print_dir / body['file']) as pdf:
        count = len(pdf.pages)
        chapters = chapter_pages(pdf)
        label = pdf.pages[0].label
    assert count % 4 == 0 and label == 'i'
    assert chapters[0]['title'] == 'はじめに' and chapters[0]['page'] == 1
    titles = [c['title'] for c in chapters]
    assert '第4章 体系図' in titles and 'ビジョン項目索引' in titles
    assert [c for c in chapters if c['page'] % 2 == 0] == []
    assert body['blank_pages'] and body['annotations'] > 300 and body['rotate'] == 1


def test_the_cover_is_apart_and_the_summary_is_an_a3_sheet_folded(print_dir, manifest):
    cover, _, summary = manifest['files']
    with pikepdf.open(print_dir / cover['file']) as pdf:
        assert [page.label for page in pdf.pages] == ['表1', '表2', '表3', '表4']
    with pikepdf.open(print_dir / summary['file']) as pdf:
        assert len(pdf.pages) == 4
        assert '概要版' in str(pdf.docinfo.Title) and '概要版' in str(pdf.open_metadata()['dc:title'])


def test_the_diagrams_fonts_have_their_own_subset_names(print_dir, manifest):
    body = manifest['files'][1]
    assert any('AAAAAA+BIZUDGothic-Regular' in name for name in body['subset_names_renamed'])
    rows = subprocess.run(['pdffonts', str(print_dir / body['file'])], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    names = [row.split()[0] for row in rows]
    assert len(names) == len(set(names))


def test_the_preflight_passes_and_reports_every_check_of_every_print_file(print_dir, site_pdf, tmp_path):
    screen = site_pdf.outdir / 'setagaya-industrial-vision.pdf'
    proc = subprocess.run([sys.executable, str(ROOT / 'tools' / 'preflight.py'), '--out', str(tmp_path),
                           '--print-files', str(print_dir / 'print-files.json'), f'{screen}:screen'],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    results = json.loads((tmp_path / 'report.json').read_text(encoding='utf-8'))
    assert [r['profile'] for r in results] == ['screen', 'cover', 'body', 'summary']
    for result in results[1:]:
        checks = {c['name']: c for c in result['checks']}
        assert PREPRESS_CHECKS <= set(checks), result['file']
        assert checks['small text plates']['summary'].endswith('(K)')
    body = {c['name']: c for c in results[2]['checks']}
    assert 'all open on the right' in body['page sides']['summary']


def test_the_screen_pdf_keeps_its_cover_first_and_its_landscape_page(site_pdf):
    with pikepdf.open(site_pdf.outdir / 'setagaya-industrial-vision.pdf') as pdf:
        assert pdf.pages[0].label == '表紙'
        assert [int(p.obj.get('/Rotate', 0)) for p in pdf.pages].count(90) == 1


def test_the_contents_page_is_headed_mokuji(site_pdf):
    pages = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(site_pdf.outdir / 'setagaya-industrial-vision.pdf'),
                            '-'], capture_output=True, text=True, check=True).stdout.split('\f')
    contents = next(page for page in pages if page.splitlines()[2:3] == ['目次'])  # its heading
    assert contents.splitlines()[0] == '目次'  # the running head above it, not はじめに
