"""The real site in Chromium and the Nu checker: the words residents search for
are found on every page that holds them (also typed as they sound), and every
page of the site passes axe (WCAG 2.0-2.2 A/AA, light and dark, desktop and
phone) and the W3C Nu HTML Checker.

tests/web checks the same behaviour on the made-up site; this checks the
site's own pages and words (site_terms.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urldefrag

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from nu_checker import nu_errors  # noqa: E402
from site_terms import READING_TERMS, RECALL_TERMS  # noqa: E402
from web_harness import article_text, html_pages, normalise, run_browser, serve  # noqa: E402


@pytest.fixture(scope='module')
def written_pages(site, site_html) -> list[str]:
    return [page for page in html_pages(site) if (site_html.srcdir / page).with_suffix('.md').is_file()]


@pytest.fixture(scope='module')
def report(site) -> dict:
    with serve(site) as base:
        return run_browser(base, checks=['pages', 'dark', 'phone', 'search'], pages=html_pages(site),
                           queries=[*RECALL_TERMS, *READING_TERMS])


def pages_with(site: Path, pages: list[str], phrase: str) -> set[str]:
    wanted = ''.join(normalise(word) for word in phrase.split())
    return {page for page in pages if wanted in article_text(site / page)}


def found(hits: list[dict]) -> set[str]:
    return {urldefrag(hit['href']).url for hit in hits}


def test_search_finds_every_page_with_every_term(site, written_pages, report):
    missed = {term: sorted(pages_with(site, written_pages, term) - found(report['search'][term]))
              for term in RECALL_TERMS}
    assert not {term: pages for term, pages in missed.items() if pages}


def test_search_by_reading_finds_every_page_with_the_term(site, written_pages, report):
    assert all(pages_with(site, written_pages, term) for term in READING_TERMS.values())
    missed = {reading: sorted(pages_with(site, written_pages, term) - found(report['search'][reading]))
              for reading, term in READING_TERMS.items()}
    assert not {reading: pages for reading, pages in missed.items() if pages}


def test_every_page_passes_axe(site, report):
    assert set(report['axe']) == set(html_pages(site))
    for check in ('axe', 'axeDark'):
        violations = {page: found for page, found in report[check].items() if found}
        assert not violations, check
    on_phone = {(page, scheme): seen[scheme] for page, seen in report['phone'].items()
                for scheme in ('light', 'dark') if seen[scheme]}
    assert not on_phone
    wide = {page: seen['scrollWidth'] for page, seen in report['phone'].items() if seen['scrollWidth'] > 320}
    assert not wide


def test_every_published_page_is_valid_html(site):
    errors = [error.located(site) for error in nu_errors(sorted(site.rglob('*.html')))]
    assert errors == [], '\n'.join(errors)
