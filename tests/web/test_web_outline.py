"""Objects in the page outline: headings nested by section and by parent object."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from web_harness import html_pages

HEADINGS = 'h1, h2, h3, h4, h5, h6'


def outline(page) -> list[tuple[int, str]]:
    """The page's headings in order: (level, text)."""
    soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
    main = soup.select_one('[role=main]') or soup.body
    return [(int(h.name[1]), h.get_text(' ', strip=True).rstrip('#¶').strip())
            for h in main.select(HEADINGS)]


def skipped_levels(headings: list[tuple[int, str]]) -> list[str]:
    """Headings more than one level below the heading before them."""
    return [text for (before, _), (after, text) in zip(headings, headings[1:]) if after > before + 1]


def level_of(headings: list[tuple[int, str]], start: str) -> int:
    [level] = [level for level, text in headings if text.startswith(start)]
    return level


@pytest.mark.sphinx('html', testroot='web-outline')
def test_outline_skips_no_level_and_nests_objects_under_their_parent(app):
    app.build()
    index = outline(app.outdir / 'index.html')
    assert index[0] == (1, '方針の頁')
    assert skipped_levels(index) == [], index
    # A goal one level below its policy, its initiatives and indicators below it.
    assert level_of(index, '基本的方針①') == 2
    assert level_of(index, '目指す姿1-1') == 3
    assert level_of(index, '取組1') == 4
    assert level_of(index, '指標1') == 4
    assert level_of(index, '目指す姿1-2') == 3
    # In a deeper section, the same rule from that section's level.
    assert level_of(index, '別の節') == 2
    assert level_of(index, '基本的方針②') == 3
    assert level_of(index, '目指す姿2-1') == 4
    # Under another goal's heading, an initiative is not nested: its section's level.
    assert level_of(index, '取組2') == 3
    assert level_of(index, '深い節') == 3
    assert level_of(index, '意見1') == 4


@pytest.mark.sphinx('html', testroot='web-outline')
def test_a_goal_whose_policy_is_not_above_it_follows_its_section(app):
    app.build()
    other = outline(app.outdir / 'other.html')
    assert level_of(other, '目指す姿3-1') == 2
    assert level_of(other, '基本的方針③') == 2


def test_no_page_of_the_site_skips_a_heading_level(site):
    for page in html_pages(site):
        headings = outline(site / page)
        assert headings and headings[0][0] == 1, page
        assert skipped_levels(headings) == [], page
