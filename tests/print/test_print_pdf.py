"""The preflight on the made-up site's PDF broken on purpose, and the diagrams' text size in it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parents[2]


def make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(['make', '--no-print-directory', '-C', str(ROOT), *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def broken_pdf(site_pdf, tmp_path) -> Path:
    """The screen PDF with an unembedded font and a link to nowhere."""
    assert site_pdf.returncode == 0, site_pdf.stderr
    broken = tmp_path / 'broken.pdf'
    shutil.copyfile(site_pdf.pdf, broken)
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
    """The screen PDF's blocking checks (the print files' own: tests/print/test_prepress.py)."""
    proc = make('preflight-check', f'PREFLIGHT_DIR={tmp_path}',
                f'PREFLIGHT_LOG={site_pdf.pdf.with_suffix(".log")}',
                f'PREFLIGHT_INPUTS={broken_pdf}:screen', 'PRINT_FILES=')
    assert proc.returncode != 0
    [result] = json.loads((tmp_path / 'report.json').read_text(encoding='utf-8'))
    blocking = {check['name']: check['summary'] for check in result['checks']
                if check['status'] == 'blocking'}
    assert set(blocking) == {'fonts', 'links'}, blocking
    assert 'Helvetica: not embedded' in blocking['fonts']
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


# The test site names no vision_document_name: the 体系図 is captioned with its project's name.
@pytest.mark.parametrize('caption', ['架空区サンプル計画の体系図', '今後のスケジュール（予定）の流れ'])
def test_diagram_text_is_at_least_9_pt(site_pdf, caption):
    """Every diagram's labels at print size: the schedule in the text, the whole
    体系図 on a landscape page of its own (docs/structure.md's ``:landscape:``)."""
    sizes = diagram_font_sizes(site_pdf.pdf, caption)
    assert sizes and min(sizes) >= 9, sizes
