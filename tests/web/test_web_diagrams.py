"""The diagrams for every reader (issue 29), and every label in print (issue 22), on the test site.

Chromium over the made-up site's 体系図 and schedule pages: one Japanese name
and one text alternative per diagram, no unnamed Tab stop, the drawing shown
(scaled, with 「図を拡大」) at 1280 px, on a phone and at 200 % zoom, the
revealed list laid out as a list, dark drawings in dark mode, and in print at
10 and 20 mm margins the drawing and every label the screen shows.
"""

from __future__ import annotations

import pytest
from diagram_harness import (
    check_dark_mode,
    check_drawings_shown,
    check_names_and_alternatives,
    check_print,
    check_revealed_lists,
    check_tab_stops,
    diagram_readers,
)
from web_harness import serve

PAGES = ['structure.html', 'schedule.html']


@pytest.fixture(scope='module')
def diagrams_report(site, tmp_path_factory) -> dict:
    with serve(site) as base:
        return diagram_readers(base, PAGES, tmp_path_factory.mktemp('diagrams'))


def test_each_diagram_has_one_japanese_name_and_one_text_alternative(diagrams_report):
    assert sum(check_names_and_alternatives(diagrams_report[page]) for page in PAGES) == 2


def test_every_tab_stop_in_a_diagram_is_a_named_link(diagrams_report):
    for page in PAGES:
        check_tab_stops(diagrams_report[page])


def test_the_drawing_is_shown_on_a_phone_and_at_200_percent_zoom(diagrams_report):
    for page in PAGES:
        check_drawings_shown(diagrams_report[page])


def test_the_revealed_text_alternative_is_laid_out_as_a_list(diagrams_report):
    assert sum(check_revealed_lists(diagrams_report[page]) for page in PAGES) == 1  # the 体系図's


def test_dark_mode_draws_the_diagrams_dark(diagrams_report):
    for page in PAGES:
        check_dark_mode(diagrams_report[page])


def test_print_at_10_and_20_mm_keeps_the_drawing_and_every_label(site, diagrams_report):
    for page in PAGES:
        compared = check_print(diagrams_report[page], (site / page).read_text(encoding='utf-8'))
        assert min(compared.values()) >= 4, (page, compared)
