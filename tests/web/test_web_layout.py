"""What a reader sees on a desktop (1280 px) and at 200 % zoom, measured in Chromium.

``browser.js``'s ``layout`` check reports, per page, computed styles and
boxes; these tests hold the issue's typography and reflow points to them.
"""

from __future__ import annotations

import pytest
from web_terms import SCATTERED

#: Japanese faces a reader's system may have; the font stack must name one first.
JAPANESE_FONTS = {
    'BIZ UDPGothic', 'BIZ UDGothic', 'BIZ UDPMincho', 'BIZ UDMincho', 'Hiragino Sans',
    'Hiragino Kaku Gothic ProN', 'Yu Gothic UI', 'Yu Gothic', 'Meiryo', 'Noto Sans CJK JP',
    'Noto Sans JP',
}
#: About 40 full-width characters a line: 40 em, and a few more characters
#: where the proportional face sets kana, punctuation and figures narrower.
MAX_LINE_EM = 40
MAX_LINE_CHARACTERS = 42
#: What the search page says when nothing matches (Sphinx's Japanese catalogue).
NO_RESULT_TEXT = '検索した文字列はどの文書にも見つかりませんでした。'


@pytest.fixture(scope='module')
def layout(browser_report) -> dict:
    return browser_report['layout']


def with_text(layout: dict) -> dict:
    """The pages with paragraphs in their sections (not indices or the search page)."""
    return {page: seen for page, seen in layout.items() if seen['paragraphs']}


def test_the_matrix_fits_the_content_column_at_1280_px(layout):
    matrices = {page: seen['matrices'] for page, seen in layout.items() if seen['matrices']}
    assert matrices, 'no page shows the opinions × goals matrix'
    for page, boxes in matrices.items():
        for box in boxes:
            assert box['scrollWidth'] == box['clientWidth'], (page, box)
            assert box['tableWidth'] <= box['clientWidth'], (page, box)


def test_body_text_names_a_japanese_font_first(layout):
    for page, seen in with_text(layout).items():
        first = seen['bodyFont'].split(',')[0].strip().strip('"')
        assert first in JAPANESE_FONTS, (page, seen['bodyFont'])


def test_body_lines_hold_at_most_about_40_characters(layout):
    pages = with_text(layout)
    assert pages
    for page, seen in pages.items():
        assert seen['widestParagraphEm'] <= MAX_LINE_EM, (page, seen['widestParagraphEm'])
        assert seen['longestParagraphLine'] <= MAX_LINE_CHARACTERS, (page, seen['longestParagraphLine'])


def test_headings_break_between_phrases(layout):
    for page, seen in with_text(layout).items():
        assert seen['headings'], page
        assert set(seen['headings']) == {'auto-phrase'}, page


def test_no_line_starts_with_small_kana_or_closing_punctuation(layout):
    checked = [page for page, seen in with_text(layout).items()]
    assert checked
    bad = {page: seen['badLineStarts'] for page, seen in layout.items() if seen['badLineStarts']}
    assert not bad, bad


def test_dates_do_not_wrap(layout):
    dates = [(page, date) for page, seen in layout.items() for date in seen['dates']]
    assert dates, 'no page shows an era date'
    for page, date in dates:
        assert date['whiteSpace'] == 'nowrap', (page, date)
        assert date['lines'] == 1, (page, date)


def test_no_sideways_scrolling_at_200_percent_zoom(layout):
    for page, seen in layout.items():
        # The browser's zoom: 1280 px at twice the size is 640 CSS px.
        assert seen['zoomScrollWidth'] <= 640, (page, seen['zoomScrollWidth'])
        # Text-only zoom: the root's font size doubled at 1280 px.
        assert seen['textZoomScrollWidth'] <= 1280, (page, seen['textZoomScrollWidth'])


def test_search_says_in_japanese_that_nothing_matched(browser_report):
    assert browser_report['search'][SCATTERED] == []
    assert browser_report['searchSummary'][SCATTERED].startswith(NO_RESULT_TEXT)
    assert not any(summary.startswith('Your search') for summary in browser_report['searchSummary'].values())


def test_the_matrix_is_a_table_at_1280_px_and_a_list_on_a_phone(browser_report):
    pages = [page for page, seen in browser_report['layout'].items() if seen['matrices']]
    assert pages
    for page in pages:
        assert browser_report['layout'][page]['matrixShown'] == {'table': True, 'list': False}, page
        assert browser_report['phone'][page]['matrixShown'] == {'table': False, 'list': True}, page
