"""Phones, reflow and print, in Chromium (issue 13): every page at 390 and 320 CSS px, and printed."""

from __future__ import annotations

import subprocess

from bs4 import BeautifulSoup
from web_harness import RESULTS_PAGE, normalise

#: Text that a page shows and its print must keep: objects' labels and
#: titles, the matrix's rows, and the diagrams' text alternatives.
SHOWN_TEXT = ('.vision-object-label', '.vision-object-name', 'table.vision-matrix-table th.stub',
              '.vision-diagram-text li > p', 'table caption .caption-text')


#: Pages whose print Chromium still cuts short, listed so the test says when
#: one is fixed. None now: the 概要版 lost its schedule's timeline to the
#: theme's flex content row, which vision-residents.css prints as a block.
CUT_SHORT_IN_PRINT: set[str] = set()


def test_every_page_was_checked_on_a_phone_and_printed(site_pages, browser_report):
    checked = set(site_pages) | {RESULTS_PAGE}
    assert set(browser_report['phone']) == checked
    assert set(browser_report['printed']) == checked


def test_no_wcag_violation_on_a_phone(browser_report):
    violations = {(page, scheme): seen[scheme] for page, seen in browser_report['phone'].items()
                  for scheme in ('light', 'dark') if seen[scheme]}
    assert not violations


def test_no_page_scrolls_sideways_at_320_px(browser_report):
    wide = {page: seen['scrollWidth'] for page, seen in browser_report['phone'].items()
            if seen['scrollWidth'] > 320}
    assert not wide


def test_print_keeps_everything_the_page_shows(site, written_pages, browser_report):
    checked = 0
    for page in written_pages:
        soup = BeautifulSoup((site / page).read_text(encoding='utf-8'), 'html.parser')
        shown = {normalise(node.get_text()) for selector in SHOWN_TEXT for node in soup.select(selector)}
        shown.discard('')
        pdf = browser_report['printed'][page]
        printed = normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True,
                                           text=True, check=True).stdout)
        missing = sorted(text for text in shown if text not in printed)
        if page in CUT_SHORT_IN_PRINT:
            assert missing, f'{page} now prints whole: take it off CUT_SHORT_IN_PRINT'
            continue
        assert not missing, (page, missing[:5])
        checked += len(shown)
    assert checked > 30
