"""The matrix's header while scrolling, and the printed page box (issue 29), in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from web_harness import serve

SCRIPT = Path(__file__).with_name('print_matrix.js')
MATRIX_PAGE = 'opinions.html'
PRINTED = ('opinions.html', 'policies/p1.html', 'structure.html')
A4 = (595.3, 841.9)
MM = 72 / 25.4


@pytest.fixture(scope='module')
def seen(site, tmp_path_factory) -> dict:
    pdf_dir = tmp_path_factory.mktemp('print-box')
    pages = [page for page in PRINTED if (site / page).is_file()]
    assert MATRIX_PAGE in pages
    with serve(site) as base:
        job = {'base': base, 'matrixPage': MATRIX_PAGE, 'pages': pages, 'pdfDir': str(pdf_dir)}
        proc = subprocess.run(['node', str(SCRIPT)], input=json.dumps(job), capture_output=True,
                              text=True, cwd=SCRIPT.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_matrix_header_stays_below_the_sticky_header_while_scrolling(seen):
    for point in seen['matrix']:
        assert point['tableTop'] < 0, point
        top, bottom = point['rows'][0][0], point['rows'][-1][1]
        assert point['headerBottom'] - 1 <= top <= point['headerBottom'] + 60, point
        assert bottom < 800 / 3, point
        assert point['goalOnTop'], point


def _word_boxes(pdf: str) -> list[tuple[float, float, float, float, float, float]]:
    html = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True,
                          check=True).stdout
    boxes = []
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page[0]), float(page[1])
        for x0, y0, x1, y1 in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page[2]):
            boxes.append((width, height, float(x0), float(y0), float(x1), float(y1)))
    return boxes


def test_print_uses_a4_with_margins_of_at_least_15_mm(seen):
    for page, printed in seen['printed'].items():
        boxes = _word_boxes(printed['pdf'])
        assert boxes, page
        for width, height, x0, y0, x1, y1 in boxes:
            assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, page
            assert min(x0, y0, width - x1, height - y1) >= 15 * MM - 0.5, (page, x0, y0, x1, y1)


def test_print_keeps_boxes_and_figures_whole(seen):
    objects = [value for printed in seen['printed'].values() for value in printed['objects']]
    assert len(objects) > 3
    assert set(objects) == {'avoid'}
    figures = [value for printed in seen['printed'].values() for value in printed['figures']]
    assert set(figures) <= {'avoid'}
