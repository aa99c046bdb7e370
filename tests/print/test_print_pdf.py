"""The print profile and the preflight report, on the real site's PDF and on a broken one."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parents[2]


def make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(['make', '--no-print-directory', '-C', str(ROOT), *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope='module')
def print_pdf(site_pdf, tmp_path_factory) -> Path:
    assert site_pdf.returncode == 0, site_pdf.stderr
    target = tmp_path_factory.mktemp('print') / site_pdf.pdf_name
    subprocess.run([sys.executable, str(ROOT / 'tools' / 'print_profile.py'),
                    str(site_pdf.pdf), str(target)], check=True, capture_output=True)
    return target


def colour_operators(path: Path) -> set[str]:
    found = set()
    with pikepdf.open(path) as pdf:
        def walk(owner, resources):
            found.update(str(op) for _, op in pikepdf.parse_content_stream(owner)
                         if str(op) in ('rg', 'RG', 'k', 'K', 'g', 'G', 'cs', 'CS'))
            for xobject in resources.get('/XObject', {}).values():
                walk(xobject, xobject.get('/Resources', pikepdf.Dictionary()))
        for page in pdf.pages:
            walk(page, page.Resources)
    return found


def test_print_profile_has_no_rgb_and_keeps_fonts(site_pdf, print_pdf):
    assert {'rg', 'RG'} <= colour_operators(site_pdf.pdf)  # there was RGB
    assert colour_operators(print_pdf) <= {'k', 'K', 'g', 'G'}
    fonts = subprocess.run(['pdffonts', str(print_pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(row.split()[-5:-2] == ['yes', 'yes', 'yes'] for row in fonts)
    with pikepdf.open(print_pdf) as pdf, pikepdf.open(site_pdf.pdf) as screen:
        assert len(pdf.pages) == len(screen.pages)
        assert [p.label for p in pdf.pages] == [p.label for p in screen.pages]
        with pdf.open_outline() as outline:
            assert outline.root


def test_preflight_passes_the_site_and_reports_every_check(site_pdf, print_pdf, tmp_path):
    proc = make('preflight-check', f'PREFLIGHT_DIR={tmp_path}',
                f'PREFLIGHT_LOG={site_pdf.pdf.with_suffix(".log")}',
                f'PREFLIGHT_INPUTS={site_pdf.pdf}:screen {print_pdf}:print')
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads((tmp_path / 'report.json').read_text(encoding='utf-8'))
    names = {check['name'] for check in results[0]['checks']}
    assert names == {'pages', 'fonts', 'colour', 'images', 'page fill', 'links', 'outline',
                     'metadata', 'overfull boxes', 'underfull boxes', 'references'}
    report = (tmp_path / 'report.md').read_text(encoding='utf-8')
    assert '(print profile): ' in report and 'RGB on' not in report.split('print profile')[1]


@pytest.fixture
def broken_pdf(print_pdf, tmp_path) -> Path:
    """The print PDF with an RGB colour, an unembedded font and a link to nowhere."""
    broken = tmp_path / 'broken.pdf'
    shutil.copyfile(print_pdf, broken)
    with pikepdf.open(broken, allow_overwriting_input=True) as pdf:
        page = pdf.pages[3]
        page.Resources.Font.FBroken = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
        page.contents_add(pdf.make_stream(b'q 1 0 0 rg BT /FBroken 12 Tf 72 72 Td (x) Tj ET Q'))
        page.obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 72, 144, 90],
            Dest=pikepdf.String('no-such-destination')))]))
        pdf.save(broken)
    return broken


def test_make_preflight_fails_on_a_broken_pdf(site_pdf, broken_pdf, tmp_path):
    proc = make('preflight-check', f'PREFLIGHT_DIR={tmp_path}',
                f'PREFLIGHT_LOG={site_pdf.pdf.with_suffix(".log")}',
                f'PREFLIGHT_INPUTS={broken_pdf}:print')
    assert proc.returncode != 0
    [result] = json.loads((tmp_path / 'report.json').read_text(encoding='utf-8'))
    blocking = {check['name']: check['summary'] for check in result['checks']
                if check['status'] == 'blocking'}
    assert set(blocking) == {'fonts', 'colour', 'links'}, blocking
    assert 'Helvetica: not embedded' in blocking['fonts']
    assert re.search(r'RGB on pages 4\b', blocking['colour'])
    assert 'no-such-destination' in blocking['links']


def diagram_font_sizes(pdf: Path, caption: str) -> list[int]:
    """Font sizes (pt, as poppler rounds them) of the drawing on the page captioned *caption*.

    Chromium embeds the diagrams' font with the subset tag AAAAAA, TeX never does.
    """
    pages = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True,
                           text=True, check=True).stdout.split('\f')
    number = next(n for n, text in enumerate(pages, 1) if caption in re.sub(r'\s+', '', text))
    xml = subprocess.run(['pdftohtml', '-xml', '-i', '-stdout', '-zoom', '1', '-f', str(number),
                          '-l', str(number), str(pdf)], capture_output=True, text=True, check=True).stdout
    return [int(size) for size, family in re.findall(r'<fontspec id="\d+" size="(\d+)" family="([^"]+)"', xml)
            if family.startswith('AAAAAA+')]


@pytest.mark.parametrize('caption', ['新産業ビジョンの体系図', '今後のスケジュール（予定）の流れ'])
def test_diagram_text_is_at_least_9_pt(site_pdf, caption):
    """Every diagram's labels at print size: the schedule in the text, the whole
    体系図 on a landscape page of its own (docs/structure.md's ``:landscape:``)."""
    sizes = diagram_font_sizes(site_pdf.pdf, caption)
    assert sizes and min(sizes) >= 9, sizes
