"""The residents' site in Chromium: one browser run over every page per session."""

from __future__ import annotations

import pytest
from web_harness import RESULTS_PAGE, html_pages, run_browser, serve
from web_terms import READING_TERMS, RECALL_TERMS, SCATTERED, TITLE_QUERIES, TWO_WORDS


@pytest.fixture(scope='session')
def site(site_html):
    assert site_html.returncode == 0, site_html.stderr
    return site_html.outdir


@pytest.fixture(scope='session')
def site_pages(site) -> list[str]:
    return html_pages(site)


@pytest.fixture(scope='session')
def written_pages(site_html, site_pages) -> list[str]:
    """The pages editors wrote, without those Sphinx generates (indices, search)."""
    return [page for page in site_pages if (site_html.srcdir / page).with_suffix('.md').is_file()]


@pytest.fixture(scope='session')
def browser_report(site, site_pages, tmp_path_factory) -> dict:
    with serve(site) as base:
        return run_browser(base, checks=['pages', 'dark', 'phone', 'printed', 'focus', 'search', 'layout'],
                           pages=[*site_pages, RESULTS_PAGE],
                           queries=[*RECALL_TERMS, SCATTERED, *TITLE_QUERIES, TWO_WORDS,
                                    *READING_TERMS],
                           pdf_dir=tmp_path_factory.mktemp('printed'))
