"""The front page's first screen (issue 29) on the made-up site: what the plan
is and its stage, the main theme, the policies linking to their pages, both
PDFs with format, size and pages, all above the fold on a phone and a desktop;
every other page keeps the PDF links at its top, and the 索引 in its footer."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from web_harness import serve

SCRIPT = Path(__file__).with_name('first_screen.mjs')


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding='utf-8'), 'html.parser')


def first_screen(site: Path, page: str) -> dict:
    with serve(site) as base:
        proc = subprocess.run(['node', str(SCRIPT), base, page], capture_output=True, text=True,
                              cwd=SCRIPT.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_block_is_made_from_the_objects_and_conf(site_html):
    page = soup(site_html.outdir / 'index.html')
    block = page.select_one('.vision-landing')
    assert block is not None
    assert block.select_one('.vision-landing-lead').get_text() == 'この文書は、架空区サンプル計画の素案です。'
    assert block.select_one('.vision-landing-theme').get_text().startswith('「')
    links = block.select('.vision-landing-policies a')
    assert links, 'no policy listed'
    for link in links:  # each lands on its policy's anchor, on its page
        target, _, fragment = link['href'].partition('#')
        assert soup(site_html.outdir / target).find(id=fragment) is not None, link['href']
    pdfs = [link.get_text() for link in block.select('.vision-landing-downloads a')]
    assert [text.split('（')[0] for text in pdfs] == ['本編', '概要版']
    for link in block.select('.vision-landing-downloads a'):
        assert (site_html.outdir / link['href']).is_file()
        assert 'PDF：' in link.get_text() and 'ページ）' in link.get_text()


def test_other_pages_keep_the_pdfs_at_the_top_and_the_index_in_the_footer(site_html):
    for path in sorted(site_html.outdir.rglob('*.html')):
        page = soup(path)
        if page.select_one('.bd-footer') is None or path.name in ('search.html', '404.html', 'genindex.html'):
            continue
        assert page.select_one('.vision-footer-links a[href$="genindex.html"]') is not None, path
        if path.name != 'index.html' or path.parent != site_html.outdir:
            assert len(page.select('.vision-downloads a[type="application/pdf"]')) == 2, path
    front = soup(site_html.outdir / 'index.html')
    assert front.select('.vision-downloads') == []  # its first screen lists them


@pytest.mark.browser
@pytest.mark.parametrize('size', ['phone', 'desktop'])
def test_everything_is_above_the_fold(site_html, size):
    screen = first_screen(site_html.outdir, 'index.html')[size]
    parts = [*screen['lead'], *screen['theme'], *screen['policies'], *screen['pdfs']]
    assert len(screen['pdfs']) == 2 and screen['policies'] and screen['theme']
    assert max(parts) <= screen['height'], screen


@pytest.mark.browser
def test_a_chapter_shows_its_pdf_links_without_scrolling(site_html):
    screen = first_screen(site_html.outdir, 'theme.html')
    for size in ('phone', 'desktop'):
        assert len(screen[size]['pdfs']) == 2
        assert max(screen[size]['pdfs']) <= screen[size]['height'], screen[size]
