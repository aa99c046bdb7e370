"""The real site's opinions × goals matrix in Chromium at 1280 × 800 (issue 29):
its header rows stay just below the sticky page header at a quarter, half and
nine tenths of the table, and every goal column is named in the key without
hovering. tests/web/test_web_print_matrix.py checks the same on a test root,
with the same script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from web_harness import serve  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[1] / 'web' / 'print_matrix.js'
MATRIX_PAGE = 'opinions.html'


@pytest.fixture(scope='module')
def seen(site, pdf_dir) -> dict:
    with serve(site) as base:
        job = {'base': base, 'matrixPage': MATRIX_PAGE, 'pages': [], 'pdfDir': str(pdf_dir)}
        proc = subprocess.run(['node', str(SCRIPT)], input=json.dumps(job), capture_output=True,
                              text=True, cwd=SCRIPT.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope='module')
def pdf_dir(tmp_path_factory) -> Path:
    """The script's print output; this test prints no page."""
    return tmp_path_factory.mktemp('site-matrix')


def test_the_header_rows_stay_below_the_sticky_header_while_scrolling(seen):
    assert len(seen['matrix']) == 3
    for point in seen['matrix']:
        assert point['tableTop'] < 0, point          # scrolled into the table
        top, bottom = point['rows'][0][0], point['rows'][-1][1]
        assert point['headerBottom'] - 1 <= top <= point['headerBottom'] + 60, point
        assert bottom < 800 / 3, point               # the header leaves most of the window to the rows
        assert point['goalOnTop'], point             # nothing is drawn over the goal row


def test_every_goal_column_is_named_in_the_key(seen, site):
    soup = BeautifulSoup((site / MATRIX_PAGE).read_text(encoding='utf-8'), 'html.parser')
    named = [a['title'].removeprefix('目指す姿') for a in
             soup.select('table.vision-matrix-table thead tr + tr a[title]')]
    assert len(named) >= 10   # the four policies' goals
    assert seen['key'] == named
