"""The site's Japanese search, run in Chromium as a resident runs it."""

from __future__ import annotations

import io
import shutil
from urllib.parse import urldefrag

import pytest
from sphinx.testing.util import SphinxTestApp
from web_harness import article_text, html_pages, normalise, run_browser, serve
from web_terms import EXAMPLES, READING_TERMS, RECALL_TERMS, SCATTERED, TITLE_QUERIES, TWO_WORDS


@pytest.fixture(scope='module')
def pages_with(site, written_pages):
    """The editors' pages that contain a phrase, as the search should find them."""
    def pages(phrase: str) -> set[str]:
        wanted = ''.join(normalise(word) for word in phrase.split())
        return {page for page in written_pages if wanted in article_text(site / page)}
    return pages


def found_pages(hits: list[dict]) -> set[str]:
    return {urldefrag(hit['href']).url for hit in hits}


# That every term is in the site is content: tests/content/test_search_terms.py.


def test_search_finds_every_page_with_every_term(pages_with, browser_report):
    results = browser_report['search']
    assert all(pages_with(term) for term in RECALL_TERMS)
    missed = {term: sorted(pages_with(term) - found_pages(results[term]))
              for term in RECALL_TERMS}
    missed = {term: pages for term, pages in missed.items() if pages}
    recall = 1 - len(missed) / len(RECALL_TERMS)
    assert not missed, f'recall {recall:.0%} over {len(RECALL_TERMS)} terms; missed {missed}'


def test_search_by_reading_finds_every_page_with_the_term(pages_with, browser_report):
    results = browser_report['search']
    missed = {reading: sorted(pages_with(term) - found_pages(results[reading]))
              for reading, term in READING_TERMS.items()}
    missed = {reading: pages for reading, pages in missed.items() if pages}
    recall = 1 - len(missed) / len(READING_TERMS)
    assert all(pages_with(term) for term in READING_TERMS.values())
    assert not missed, f'recall by reading {recall:.0%} over {len(READING_TERMS)} terms; missed {missed}'


def test_the_issue_examples_are_found(browser_report):
    for term in EXAMPLES:
        assert browser_report['search'][term], term


def test_a_phrase_must_occur_as_written(site, pages_with, browser_report):
    assert pages_with(SCATTERED) == set()
    bigrams = [SCATTERED[i:i + 2] for i in range(len(SCATTERED) - 1)]
    assert any(all(b in article_text(site / page) for b in bigrams) for page in html_pages(site))
    assert browser_report['search'][SCATTERED] == []


def test_words_separated_by_a_space_must_all_occur(pages_with, browser_report):
    expected = set.intersection(*(pages_with(word) for word in TWO_WORDS.split()))
    assert expected
    assert found_pages(browser_report['search'][TWO_WORDS]) == expected


def test_title_hits_rank_first(browser_report):
    for query in TITLE_QUERIES:
        kinds = [hit['kind'] for hit in browser_report['search'][query]]
        assert 'title' in kinds, query
        first_text = kinds.index('text') if 'text' in kinds else len(kinds)
        assert all(kind in ('title', 'object') for kind in kinds[:first_text])
        assert 'title' not in kinds[first_text:] and 'object' not in kinds[first_text:]


@pytest.fixture
def objects_site(make_app, rootdir, tmp_path):
    srcdir = tmp_path / 'web-search'
    shutil.copytree(rootdir / 'test-web-search', srcdir)
    app: SphinxTestApp = make_app('html', srcdir=srcdir)
    app.build()
    return app.outdir


def test_objects_are_found_by_id_and_title(objects_site):
    with serve(objects_site) as base:
        results = run_browser(base, checks=['search'],
                              queries=['G1-1', 'Ｇ１－１', 'G1', '引き継がれていく', '事業承継',
                                       '商店街'])['search']
    assert results['G1-1'][0]['kind'] == 'object'
    assert results['G1-1'][0]['href'] == 'index.html#vision-goal-G1-1'
    assert results['Ｇ１－１'][0]['href'] == 'index.html#vision-goal-G1-1'
    assert {hit['href'] for hit in results['G1'] if hit['kind'] == 'object'} == {
        'index.html#vision-goal-G1-1', 'index.html#vision-goal-G1-2'}
    assert results['引き継がれていく'][0] == {
        'kind': 'object', 'href': 'index.html#vision-goal-G1-2',
        'title': '目指す姿1-2 区民生活を支える産業が引き継がれていく世田谷区'}
    # A text hit inside an object links to the object (the opinion, and the goal
    # that quotes it among its opinions); elsewhere, to the page.
    assert {hit['href'] for hit in results['事業承継']} == {
        'opinions.html#vision-opinion-O1', 'index.html#vision-goal-G1-2'}
    assert [hit['href'] for hit in results['商店街']] == ['opinions.html']


def build_html(srcdir) -> bytes:
    app = SphinxTestApp('html', srcdir=srcdir, status=io.StringIO(), warning=io.StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return (app.outdir / 'searchindex.js').read_bytes()


def test_incremental_index_equals_a_clean_one(rootdir, tmp_path):
    incremental = tmp_path / 'incremental'
    shutil.copytree(rootdir / 'test-web-search', incremental)
    before = build_html(incremental)
    page = incremental / 'opinions.md'
    page.write_text(page.read_text(encoding='utf-8').replace('事業承継', '事業継続'), encoding='utf-8')
    after = build_html(incremental)
    assert '承継'.encode('unicode_escape') in before
    assert '承継'.encode('unicode_escape') not in after

    clean = tmp_path / 'clean'
    shutil.copytree(incremental, clean, ignore=shutil.ignore_patterns('_build'))
    assert build_html(clean) == after
