"""What every page of the residents' site holds, read from the built HTML (issue 13)."""

from __future__ import annotations

import functools

from bs4 import BeautifulSoup

from site_builds import TEST_SITE, build_html
from vision.web.nowrap_dates import nowrap_dates


@functools.cache
def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding='utf-8'), 'html.parser')


def test_every_chapter_is_in_every_pages_sidebar(site, site_pages):
    chapters = [a.get_text(strip=True) for a in
                _soup(site / 'index.html').select('nav.bd-docs-nav li.toctree-l1 > a')]
    assert len(chapters) == 5  # the made-up site's; 経過 and 委員名簿 are inside the 資料編
    for page in site_pages:
        soup = _soup(site / page)
        sidebar = [a.get_text(strip=True) for a in soup.select('nav.bd-docs-nav li.toctree-l1 > a')]
        assert sidebar == chapters, page
        assert 'その他' not in soup.select_one('.bd-header').get_text(), page


def test_the_current_chapters_sections_are_open_and_the_others_closed(site, site_pages):
    """Every chapter's sections are in every sidebar (one tree for every page,
    which the theme renders once per folder: issue 21), only the current one open."""
    checked = 0
    for page in site_pages:
        for chapter in _soup(site / page).select('nav.bd-docs-nav li.toctree-l1'):
            details = chapter.find('details')
            if details is None:
                continue
            current = 'current' in chapter.get('class', [])
            assert details.has_attr('open') == current, (page, chapter.a.get_text())
            checked += not current
    assert checked


def test_collapse_navigation_keeps_only_the_current_chapters_sections(tmp_path_factory):
    """The theme's ``collapse_navigation`` reaches our sidebar: every chapter is
    still listed, but only the current chapter's sections (a plan family's
    setting, issue 21: a page then lists its own plan's chapters only)."""
    build = build_html(TEST_SITE, tmp_path_factory, '-D', 'html_theme_options.collapse_navigation=1')
    assert build.returncode == 0, build.stderr

    def sections(page: str) -> dict[str, list[str]]:
        soup = BeautifulSoup((build.outdir / page).read_text(encoding='utf-8'), 'html.parser')
        return {chapter.a.get_text(strip=True): [a.get_text(strip=True) for a in chapter.select('li.toctree-l2 > a')]
                for chapter in soup.select('nav.bd-docs-nav li.toctree-l1')}

    inside, outside = sections('history.html'), sections('theme.html')  # in the 資料編, not
    assert list(inside) == list(outside) and len(inside) == 5
    appendix = next(title for title in inside if title.endswith('資料編'))
    assert len(inside[appendix]) == 3 and not any(outside.values())
    # The pages of one branch share a rendered tree (vision.web.theme): each
    # still marks only itself as the current page, with its own title.
    for page in ('history.html', 'schedule.html', 'members.html', 'theme.html', 'structure.html'):
        soup = BeautifulSoup((build.outdir / page).read_text(encoding='utf-8'), 'html.parser')
        current = soup.select('nav.bd-docs-nav a[aria-current="page"]')
        assert [a['href'] for a in current] == ['#'], page
        assert current[0].get_text(strip=True).split('\u3000')[-1] in soup.title.get_text(), page


def test_one_h1_and_no_heading_before_it(site, site_pages):
    for page in site_pages:
        soup = _soup(site / page)
        assert len(soup.find_all('h1')) == 1, page
        before = soup.find('h1').find_all_previous(attrs={'role': 'heading', 'aria-level': '1'})
        assert before == [], page


def test_objects_are_headings(site, written_pages):
    headings = 0
    for page in written_pages:
        for title in _soup(site / page).select('.vision-object-title'):
            assert title.name in ('h2', 'h3', 'h4', 'h5', 'h6'), (page, title.get_text())
            headings += 1
    assert headings >= 11  # the made-up site's theme, policies, goals and opinions


def test_matrix_has_row_headers_a_legend_and_a_phone_list(site):
    soup = _soup(site / 'opinions.html')
    table = soup.select_one('table.vision-matrix-table')
    rows = table.select('tbody tr')
    assert rows and all(row.find('th') for row in rows)
    marks = table.select('.vision-mark')
    assert marks and all(mark.find_next_sibling(class_='vision-visually-hidden') for mark in marks)
    assert soup.select_one('.vision-matrix-legend')
    items = soup.select('.vision-matrix-phone li')
    assert len(items) == len(rows)
    assert '反映した目指す姿：1-1' in items[0].get_text()


def test_diagrams_hold_no_links(site, site_pages):
    for page in site_pages:
        for svg in _soup(site / page).select('svg[role=img]'):
            assert svg.find('a') is None, page


def test_dates_are_kept_whole():
    html = '<p>令和5年9月7日に開催。<a title="令和6年">平成30年度</a></p><pre>令和6年3月</pre>'
    assert nowrap_dates(html) == (
        '<p><span class="vision-date">令和5年9月7日</span>に開催。<a title="令和6年">'
        '<span class="vision-date">平成30年</span>度</a></p><pre>令和6年3月</pre>')


def test_dates_on_the_site_are_kept_whole(site):
    dates = [span.get_text() for span in _soup(site / 'history.html').select('.vision-date')]
    assert '令和5年9月7日' in dates or any(d.startswith('令和5年') for d in dates)
