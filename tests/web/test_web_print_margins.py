"""Printed pages (issue 29): A4 with margins of at least 15 mm from the page's
own @page rule, whatever the browser's default (Chromium's is 10 mm)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from web_harness import serve

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).with_name('print_page.mjs')
MM = 72 / 25.4


def text_boxes(pdf: Path) -> tuple[tuple[float, float], list[tuple[float, float, float, float]]]:
    """The first page's size and every word's box (poppler's pdftotext -bbox)."""
    html = subprocess.run(['pdftotext', '-bbox', '-f', '1', '-l', '1', str(pdf), '-'],
                          capture_output=True, text=True, check=True).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert size is not None
    words = [tuple(float(v) for v in m.groups()) for m in
             re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    return (float(size[1]), float(size[2])), words


@pytest.mark.parametrize('page', ['index.html', 'theme.html'])
def test_print_is_a4_with_15mm_margins(site_html, tmp_path, page):
    out = tmp_path / 'printed.pdf'
    with serve(site_html.outdir) as base:
        subprocess.run(['node', str(SCRIPT), base + page, str(out)], check=True, timeout=120,
                       cwd=SCRIPT.parent)
    (width, height), words = text_boxes(out)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert words, 'nothing printed'
    assert min(w[0] for w in words) >= 15 * MM - 0.5
    assert max(w[2] for w in words) <= width - 15 * MM + 0.5
    assert min(w[1] for w in words) >= 15 * MM - 0.5


def test_a_printed_diagram_keeps_its_caption_on_its_page(site_html, tmp_path):
    """The 体系図 with its list is longer than a page: its caption prints right
    under the drawing, not alone at the top of the next page."""
    out = tmp_path / 'structure.pdf'
    with serve(site_html.outdir) as base:
        subprocess.run(['node', str(SCRIPT), base + 'structure.html', str(out)], check=True,
                       timeout=120, cwd=SCRIPT.parent)
    pages = int(re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', str(out)], capture_output=True,
                                                           text=True, check=True).stdout)[1])
    for number in range(1, pages + 1):
        text = subprocess.run(['pdftotext', '-layout', '-f', str(number), '-l', str(number), str(out), '-'],
                              capture_output=True, text=True, check=True).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        caption = [i for i, line in enumerate(lines) if line.startswith('図') and '体系図' in line]
        if caption:
            assert caption[0] >= 5, lines[:8]  # the drawing's labels above it, on the same page
            return
    pytest.fail('no caption of the 体系図 in the print')
