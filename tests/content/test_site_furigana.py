"""The site's ふりがな (issue 23), against the hand-made list ``furigana_words.yaml``.

Every page in Chromium with ふりがな on (``tools/furigana_accuracy.py``): each
listed word is on the site and gets ruby, and the readings shown are right
at least as often as the floor below (the measured figures are in EDITING.md,
「ふりがな」). When an edit removes a listed word from the pages, replace it in
the list by another word of the site; when the analyser reads a word wrongly,
correct it in ``data/readings.yaml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'tools'))
import furigana_accuracy  # noqa: E402

pytestmark = pytest.mark.browser

#: Measured 100 % with data/readings.yaml's corrections, 98.4 % without (124 words).
PRECISION_FLOOR = 0.98
COVERAGE_FLOOR = 0.95


@pytest.fixture(scope='module')
def shown(site) -> furigana_accuracy.Result:
    return furigana_accuracy.check(furigana_accuracy.shown_pages(site), furigana_accuracy.load_words())


def test_the_list_is_of_the_sites_own_words(shown):
    assert len(shown.listed) >= 60
    assert shown.absent == []


def test_the_readings_shown_are_right(shown):
    assert shown.precision >= PRECISION_FLOOR, shown.wrong
    assert shown.coverage >= COVERAGE_FLOOR


def test_the_readings_file_wins_over_the_analyser(shown):
    # SudachiPy reads 身近 みじか and 底支え そこささえ; data/readings.yaml corrects both,
    # wherever they are (a goal's title: its heading, the tables, the 索引 of objects).
    assert set(shown.places['身近']) == {'みぢか'} and len(shown.places['身近']) >= 3
    assert set(shown.places['底支え']) == {'そこざさえ'}


def test_every_page_has_the_switch_and_no_ruby_of_its_own(site):
    for page in sorted(site.rglob('*.html')):
        if '_static' in page.relative_to(site).parts:
            continue
        html = page.read_text(encoding='utf-8')
        assert 'class="vision-furigana-switch" aria-pressed="false"' in html, page
        assert '<ruby' not in html, page
