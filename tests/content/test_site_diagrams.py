"""The site's diagrams for every reader (issue 29), and every label in print (issue 22).

The 体系図 (structure.html), the schedule (schedule.html) and the 概要版 page
with both (summary.html), in Chromium: one Japanese name and one text
alternative each, no unnamed Tab stop, the drawing at 1280 px, on a phone and
at 200 % zoom with 「図を拡大」, the revealed list laid out as a list, dark
drawings in dark mode; printed at 10 and 20 mm margins, the drawing and every
label and title the screen shows (a 10 mm print once lost 21 on structure.html
and 22 on summary.html, with the drawing).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from diagram_harness import (  # noqa: E402
    check_dark_mode,
    check_drawings_shown,
    check_names_and_alternatives,
    check_print,
    check_revealed_lists,
    check_tab_stops,
    diagram_readers,
)
from seed_facts import GOAL_TITLES  # noqa: E402
from web_harness import serve  # noqa: E402

PAGES = ['structure.html', 'schedule.html', 'summary.html']


@pytest.fixture(scope='module')
def diagrams_report(site, tmp_path_factory) -> dict:
    with serve(site) as base:
        return diagram_readers(base, PAGES, tmp_path_factory.mktemp('site-diagrams'))


def test_each_diagram_has_one_japanese_name_and_one_text_alternative(diagrams_report):
    # The 体系図 twice (its page and the 概要版), the schedule twice.
    assert sum(check_names_and_alternatives(diagrams_report[page]) for page in PAGES) == 4
    [structure] = diagrams_report['structure.html']['figures']
    assert structure['aria'].startswith('- figure "図4-1 新産業ビジョンの体系図"')
    assert len(structure['alternative']) == 2 + 4 + len(GOAL_TITLES)  # 条例, テーマ, 方針, 目指す姿


def test_every_tab_stop_in_a_diagram_is_a_named_link(diagrams_report):
    for page in PAGES:
        check_tab_stops(diagrams_report[page])


def test_the_drawing_is_shown_on_a_phone_and_at_200_percent_zoom(diagrams_report):
    for page in PAGES:
        check_drawings_shown(diagrams_report[page])


def test_the_revealed_text_alternative_is_laid_out_as_a_list(diagrams_report):
    assert sum(check_revealed_lists(diagrams_report[page]) for page in PAGES) == 2  # the 体系図's


def test_dark_mode_draws_the_diagrams_dark(diagrams_report):
    for page in PAGES:
        check_dark_mode(diagrams_report[page])


def test_print_at_10_and_20_mm_keeps_the_drawing_and_every_label(site, diagrams_report):
    compared = {page: check_print(diagrams_report[page], (site / page).read_text(encoding='utf-8'))
                for page in PAGES}
    assert min(compared['structure.html'].values()) >= len(GOAL_TITLES) + 4
    assert min(compared['summary.html'].values()) >= len(GOAL_TITLES) + 4
