"""The site's weight budget (issue 29), measured in Chromium by bench/page_weight.py.

A chapter page's first load is at most 250 KB, uncompressed, with nothing from
another host and nothing missing; the next page fetches only itself. The
figures of the whole site are in bench/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'bench'))
import page_weight  # noqa: E402

pytestmark = pytest.mark.browser

#: Chapters of every kind: text, a diagram, objects, the longest page, the top.
CHAPTERS = ['theme.html', 'structure.html', 'policies/p1.html', 'opinions.html', 'summary.html',
            'index.html']


@pytest.fixture(scope='module')
def weight(site_html) -> dict[str, dict]:
    assert site_html.returncode == 0, site_html.stderr
    return page_weight.measure(site_html.outdir, CHAPTERS)


@pytest.mark.parametrize('page', CHAPTERS)
def test_a_chapter_is_within_the_budget(weight, page):
    first = weight[page]['first']
    assert first['bytes'] <= page_weight.BUDGET, sorted(first['files'].items(), key=lambda kv: -kv[1])
    assert first['foreign'] == [] and first['failed'] == []


def test_theme_html_is_a_fifth_of_what_it_was(weight):
    # 821.6 KB in 20 requests before issue 29 (bench/README.md).
    assert weight['theme.html']['first']['bytes'] < 821.6 * 1024 / 5


@pytest.mark.parametrize('page', CHAPTERS)
def test_the_next_page_fetches_only_itself(weight, page):
    following = weight[page]['next']
    # Besides the page, only a file the first page did not use may be fetched
    # (the 概要版's own stylesheet, on summary.html alone): shared files come from the cache.
    first = {name.split('?')[0] for name in weight[page]['first']['files']}
    again = [name for name in following['fetched_files']
             if name != weight[page]['next_page'] and name.split('?')[0] in first]
    assert again == [], following['fetched_files']
    assert following['failed'] == []
