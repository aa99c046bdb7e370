"""Every page of the site printed as the browser's print dialog does (Chromium,
print media, the page's own @page): its 「このページの情報」 block, from its
heading to its last line 「このページのアドレス」, on one sheet. Seen in the
print of policies/p1.html and p4.html: the heading and 作成日 at the foot of
one sheet, 問い合わせ先 and the address on the next."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from web_harness import html_pages, serve  # noqa: E402

PRINT_PAGE = Path(__file__).resolve().parents[1] / 'web' / 'print_page.mjs'

pytestmark = pytest.mark.browser


def printed_pages(base: str, page: str, out: Path) -> list[str]:
    proc = subprocess.run(['node', str(PRINT_PAGE), base + page, str(out)], capture_output=True,
                          text=True, cwd=PRINT_PAGE.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = subprocess.run(['pdftotext', '-layout', str(out), '-'], capture_output=True, text=True,
                          check=True).stdout
    return text.split('\f')[:-1]


def test_the_page_info_block_is_not_split_across_sheets(site_html, tmp_path):
    assert site_html.returncode == 0, site_html.stderr
    site = site_html.outdir
    pages = [page for page in html_pages(site) if BeautifulSoup(
        (site / page).read_text(encoding='utf-8'), 'html.parser').select_one('.vision-page-info')]
    assert len(pages) >= 15
    split = {}
    with serve(site) as base:
        for page in pages:
            sheets = printed_pages(base, page, tmp_path / 'page.pdf')
            on = {i for i, sheet in enumerate(sheets, start=1)
                  for line in ('このページの情報', 'このページのアドレス') if line in sheet}
            assert on, page
            if len(on) > 1:
                split[page] = sorted(on)
    assert not split
