"""Editors' mermaid fences in HTML: drawn at build time, readable offline, located errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from helpers import show_offline
from sphinx.util.console import strip_colors


@pytest.fixture
def built(app):
    app.build()
    return app


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_offline_page_shows_the_diagram_labels(built):
    seen = show_offline(built.outdir / 'index.html')
    assert seen['blocked'] == []
    [drawing] = seen['diagrams']
    # The figure is named by its caption; the drawing is hidden from assistive
    # technology, which reads the text alternative instead (not both).
    assert drawing['hidden'] == 'true' and drawing['role'] is None
    assert drawing['label'] == '条例からメインテーマへ'
    assert drawing['width'] > 200 and drawing['height'] > 40
    assert drawing['text'] == ['地域経済の持続可能な発展条例', 'わくわく感が生む 世田谷の新たな価値と豊かさ']


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_figure_has_caption_and_text_alternative(built):
    soup = BeautifulSoup((built.outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    figure = soup.select_one('figure.vision-diagram')
    assert figure.select_one('figcaption').get_text(strip=True).startswith('条例からメインテーマへ')
    assert figure.select_one('.vision-diagram-text').get_text(strip=True) == '条例がメインテーマにつながる。'
    svg = figure.select_one('svg')
    assert svg['aria-hidden'] == 'true' and not svg.has_attr('aria-label')
    assert not svg.has_attr('aria-roledescription') and not svg.has_attr('role')  # mermaid's English flowchart-v2
    assert not figure.select('[tabindex]')
    assert figure.select_one('.vision-diagram-enlarge a').get_text() == '図を拡大'


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_enlarge_opens_the_drawing_at_its_own_size_without_links(built):
    soup = BeautifulSoup((built.outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    href = soup.select_one('figure.vision-diagram .vision-diagram-enlarge a')['href']
    assert re.fullmatch(r'_images/vision-diagram-[0-9a-f]{32}\.svg', href)
    full = BeautifulSoup((built.outdir / href).read_text(encoding='utf-8'), 'xml').svg
    _x, _y, width, height = full['viewBox'].split()
    assert (full['width'], full['height']) == (width, height)
    assert full.title.get_text() == '条例からメインテーマへ' and full['role'] == 'img'
    assert not full.find_all('a') and not full.has_attr('aria-roledescription')


@pytest.mark.sphinx('html', testroot='diagrams-untitled')
def test_a_diagram_without_caption_is_named_by_its_alt_text(built):
    soup = BeautifulSoup((built.outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    named, unnamed = soup.select('figure.vision-diagram')
    assert named['aria-label'] == '条例の図' and not named.select('figcaption')
    assert unnamed['aria-label'] == '図'


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_no_page_loads_mermaid_from_a_network(built):
    for page in built.outdir.glob('*.html'):
        html = page.read_text(encoding='utf-8')
        assert not re.search(r'<script[^>]*(https?:)?//', html), page.name
        assert 'mermaid.esm' not in html, page.name


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_text_alternative_is_in_the_search_index(built):
    script = (built.outdir / 'searchindex.js').read_text(encoding='utf-8')
    terms = json.loads(script.removeprefix('Search.setIndex(').removesuffix(')'))['terms']
    index_page = 1  # docnames are sorted: broken, index
    for phrase in ('メインテーマ', 'につながる'):  # words of the caption and of the text alternative
        # As the site's search splits them (vision.search: character bigrams).
        for word in built.builder.indexer.lang.split(phrase):
            pages = terms[word] if isinstance(terms[word], list) else [terms[word]]
            assert index_page in pages


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_syntax_error_is_located_and_shows_the_source(built, warning):
    warnings = strip_colors(warning.getvalue())
    assert re.search(r'broken\.md:5: WARNING: mermaid の図が描けません：Parse error on line \d+:'
                     r'.*\[vision\.diagram\]', warnings, re.S)
    soup = BeautifulSoup((built.outdir / 'broken.html').read_text(encoding='utf-8'), 'html.parser')
    figure = soup.select_one('figure.vision-diagram')
    assert figure.select_one('svg') is None
    assert 'A[条例 -->' in figure.select_one('pre').get_text()


def test_warnings_as_errors_fail_the_build(rootdir, tmp_path):
    proc = subprocess.run(
        [sys.executable, '-m', 'sphinx', '-b', 'html', '-W', '-q',
         str(rootdir / 'test-diagrams-mermaid'), str(tmp_path / 'html')],
        capture_output=True, text=True, env={'PYTHONPATH': str(rootdir.parent.parent / '_ext'),
                                             'PATH': '/usr/bin:/bin'},
    )
    assert proc.returncode != 0
    assert 'broken.md:5' in strip_colors(proc.stderr)
