"""The 体系図 and the schedule drawing on the English pages of the real
``docs/`` (issue 23): the drawn labels (the inline SVG, and the SVG that
「Enlarge figure」 opens) and the text alternative beside it both carry the
English titles (looked up in the catalogues) and no Japanese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Tag
from seed_facts import GOAL_TITLES, POLICY_TITLES, SCHEDULE_STEPS
from test_site_english import CATALOGUES, plain, squeeze

JAPANESE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff]')
#: Where each drawing is: the page and the figure (the 概要版 shows both again).
DRAWINGS = [('structure.html', 'structure'), ('schedule.html', 'schedule'),
            ('summary.html', 'structure'), ('summary.html', 'schedule')]


@pytest.fixture(scope='module')
def english(english_html) -> Path:
    assert english_html.returncode == 0, english_html.stderr
    return english_html.outdir


@pytest.fixture(scope='module')
def translations() -> dict[str, str]:
    found: dict[str, str] = {}
    for po in sorted(CATALOGUES.rglob('*.po')):
        with po.open('rb') as f:
            found.update({plain(m.id): plain(m.string) for m in read_po(f)
                          if isinstance(m.id, str) and m.string and not m.fuzzy})
    return found


def expected(kind: str, translations: dict[str, str]) -> list[str]:
    if kind == 'structure':
        return [translations[ja] for ja in (*POLICY_TITLES, *GOAL_TITLES)]
    return [translations[ja] for _, ja in SCHEDULE_STEPS if ja]


def figure_of(outdir: Path, page: str, kind: str) -> Tag:
    soup = BeautifulSoup((outdir / page).read_text(encoding='utf-8'), 'html.parser')
    figures = soup.select('main figure.vision-diagram')
    structure = [f for f in figures if 'vision-structure-diagram' in f['class']]
    chosen = structure if kind == 'structure' else [f for f in figures if f not in structure
                                                    and 'timeline' in f.figcaption.get_text()]
    assert len(chosen) == 1, (page, kind, len(figures))
    return chosen[0]


def drawn_text(svg: Tag) -> str:
    """What the drawing shows: its labels (HTML in foreignObject) and any SVG text."""
    for style in svg.find_all('style'):
        style.decompose()
    return squeeze(svg.get_text(' '))


@pytest.mark.parametrize('page,kind', DRAWINGS, ids=[f'{p}:{k}' for p, k in DRAWINGS])
def test_the_drawing_shows_the_english_titles(english, translations, page, kind):
    figure = figure_of(english, page, kind)
    inline = figure.select_one('.vision-diagram-drawing svg')
    enlarged = figure.select_one('.vision-diagram-enlarge a')['href']
    standalone = BeautifulSoup((english / page).parent.joinpath(enlarged).read_text(encoding='utf-8'),
                               'html.parser').svg
    for svg in (inline, standalone):
        text = drawn_text(svg)
        assert not JAPANESE.findall(text), JAPANESE.findall(text)[:10]
        missing = [title for title in expected(kind, translations) if title not in text]
        assert not missing, (enlarged, missing)


@pytest.mark.parametrize('page,kind', DRAWINGS, ids=[f'{p}:{k}' for p, k in DRAWINGS])
def test_the_text_alternative_shows_the_english_titles(english, translations, page, kind):
    figure = figure_of(english, page, kind)
    alternative = figure.select_one('.vision-diagram-alt')
    assert alternative is not None
    text = squeeze(alternative.get_text(' '))
    assert not JAPANESE.search(text), text
    missing = [title for title in expected(kind, translations) if title not in text]
    assert not missing
    caption = squeeze(figure.figcaption.get_text(' '))
    assert not JAPANESE.search(caption), caption
