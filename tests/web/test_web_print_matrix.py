"""The matrix's header while scrolling, and boxes kept whole in print (issue 29), in Chromium.

The print margins are test_web_print_margins.py's.
"""

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


def test_the_goals_of_the_matrix_columns_are_named_without_hovering(seen, site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / MATRIX_PAGE).read_text(encoding='utf-8'), 'html.parser')
    # The column heads' tooltips: 「目指す姿1-1 見本の事業者が…」; each is shown as 「1-1 見本の事業者が…」.
    named = [a['title'].removeprefix('目指す姿') for a in
             soup.select('table.vision-matrix-table thead tr + tr a[title]')]
    assert len(named) == 5
    assert seen['key'] == named


def _luminance(css: str) -> float:
    channels = [int(part) / 255 for part in re.findall(r'[\d.]+', css)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize('scheme', ['light', 'dark'])
def test_the_plus_of_ctrl_k_has_a_contrast_of_at_least_4_5(seen, scheme):
    # The text between the keys (the "+") takes the span's colour.
    shown = seen['shortcut'][scheme]
    assert len(shown) >= 2, shown
    for colour, background in shown:
        lighter, darker = sorted((_luminance(colour), _luminance(background)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (scheme, colour, background)


def test_print_keeps_boxes_and_figures_whole(seen):
    objects = [value for printed in seen['printed'].values() for value in printed['objects']]
    assert len(objects) > 3
    assert set(objects) == {'avoid'}
    figures = [value for printed in seen['printed'].values() for value in printed['figures']]
    assert set(figures) <= {'avoid'}
