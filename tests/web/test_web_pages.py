"""Every page of the residents' site in Chromium: offline, accessible, printable."""

from __future__ import annotations

from bs4 import BeautifulSoup
from web_harness import RESULTS_PAGE, run_browser, serve

#: A page with every fault the checks must catch.
FAULTY_PAGE = '''<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>不備のある図</title></head>
<body><main>
<h1>不備のある図</h1>
<img src="diagram.png">
<svg role="img" width="20" height="20"><rect width="20" height="20"/></svg>
<img src="https://example.org/logo.png" alt="ロゴ">
<script>console.error("壊れたスクリプト");</script>
</main></body></html>
'''


def test_every_page_was_checked(site_pages, browser_report):
    checked = set(site_pages) | {RESULTS_PAGE}
    for check in ('offline', 'console', 'axe', 'axeDark', 'print'):
        assert set(browser_report[check]) == checked, check


def test_no_request_leaves_the_machine_or_fails(browser_report):
    problems = {page: result for page, result in browser_report['offline'].items()
                if result['foreign'] or result['failed']}
    assert not problems


def test_no_page_logs_an_error(browser_report):
    errors = {page: logged for page, logged in browser_report['console'].items() if logged}
    assert not errors


def test_one_viewport_tag_and_no_ad_placeholder(site, site_pages):
    for page in site_pages:
        soup = BeautifulSoup((site / page).read_text(encoding='utf-8'), 'html.parser')
        assert len(soup.select('meta[name=viewport]')) == 1, page
        assert soup.select('#ethical-ad-placement, [data-ea-publisher]') == [], page


def test_no_wcag_aa_violation(browser_report):
    violations = {page: found for page, found in browser_report['axe'].items() if found}
    assert not violations


def test_no_wcag_aa_violation_in_dark_mode(browser_report):
    violations = {page: found for page, found in browser_report['axeDark'].items() if found}
    assert not violations


def test_print_shows_the_content_without_navigation(browser_report):
    for page, seen in browser_report['print'].items():
        assert seen['visibleNavigation'] == [], page
        assert seen['mainText'] > 0, page


def test_first_tab_stop_is_a_visible_skip_link(browser_report):
    focus = browser_report['focus']
    assert focus['href'] == '#main-content'
    assert focus['text'] == '本文へスキップ'
    assert focus['box']['top'] >= 0 and focus['box']['height'] > 0
    assert focus['outlineStyle'] != 'none' and focus['outlineWidth'] >= 2


def test_tables_have_header_cells(site, written_pages):
    # The editors' tables; genindex lays its entries out in a table of columns.
    tables = [(page, table) for page in written_pages
              for table in BeautifulSoup((site / page).read_text(encoding='utf-8'),
                                         'html.parser').find_all('table')]
    assert tables
    without_headers = [page for page, table in tables if not table.select('thead th, th[scope]')]
    assert not without_headers


def test_checks_catch_faults(tmp_path):
    (tmp_path / 'faulty.html').write_text(FAULTY_PAGE, encoding='utf-8')
    with serve(tmp_path) as base:
        report = run_browser(base, checks=['pages'], pages=['faulty.html'])
    rules = {violation['id'] for violation in report['axe']['faulty.html']}
    assert {'image-alt', 'svg-img-alt'} <= rules
    offline = report['offline']['faulty.html']
    assert offline['foreign'] == ['https://example.org/logo.png']
    assert any('diagram.png' in failure and '404' in failure for failure in offline['failed'])
    assert '壊れたスクリプト' in report['console']['faulty.html']


def test_theme_labels_are_japanese(site, site_pages):
    english = ('More', 'Collapse Sidebar', 'Expand Sidebar', 'Skip to main content', 'Search')
    for page in site_pages:
        soup = BeautifulSoup((site / page).read_text(encoding='utf-8'), 'html.parser')
        for script in soup(['script', 'style']):
            script.decompose()
        words = {word.strip() for word in soup.get_text('\n').split('\n')}
        labels = {soup.select_one(selector).get('aria-label', '') if soup.select_one(selector) else ''
                  for selector in ('aside.vision-stage-banner', '.search-button-field')}
        assert not (set(english) & (words | labels)), page
