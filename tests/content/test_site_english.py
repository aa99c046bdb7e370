"""The English edition of the real ``docs/`` carries every fact of the ward's
report: the 4 policies, the 14 goals, the 26 opinions, the main theme, the 4
meetings held, the schedule and the 17 members, with their numbers and dates.

Each Japanese fact is looked up in the catalogues (``locales/en``): it must be
translated, not fuzzy, and its English must be on the English pages while the
Japanese is not. Names of people stay in Japanese script; dates read like
「5 September 2023 (Reiwa 5)」."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from seed_facts import (
    GOAL_TITLES,
    MAIN_THEME,
    MEETINGS_HELD,
    MEMBER_GROUPS,
    MEMBER_NAMES,
    MEMBER_TITLES,
    OPINIONS,
    POLICY_STATEMENTS,
    POLICY_TITLES,
    SCHEDULE_STEPS,
)

from site_builds import ROOT

CATALOGUES = ROOT / 'locales' / 'en' / 'LC_MESSAGES'
MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December')


def plain(text: str) -> str:
    """A message as readers see it: roles by their text, no bold, straight quotes."""
    text = re.sub(r'\{[\w:-]+\}`([^`<]*?)\s*(?:<[^`]*>)?`', r'\1', text)
    text = text.replace('**', '')
    return squeeze(text)


def squeeze(text: str) -> str:
    text = text.replace('\u2019', "'").replace('\u2018', "'")
    return re.sub(r'\s+', ' ', text).strip()


@pytest.fixture(scope='module')
def catalogue() -> dict[str, tuple[str, bool]]:
    """Every message of the English catalogues: plain Japanese -> (plain English, fuzzy)."""
    messages: dict[str, tuple[str, bool]] = {}
    for po in sorted(CATALOGUES.rglob('*.po')):
        with po.open('rb') as f:
            for message in read_po(f):
                if message.id and isinstance(message.id, str):
                    messages[plain(message.id)] = (plain(message.string or ''), message.fuzzy)
    return messages


@pytest.fixture(scope='module')
def english_text(english_html) -> str:
    pages = sorted(p for p in english_html.outdir.rglob('*.html') if '_static' not in p.parts)
    return squeeze('\n'.join(
        BeautifulSoup(p.read_text(encoding='utf-8'), 'html.parser').get_text(' ') for p in pages))


def english_date(iso: str) -> list[str]:
    """The ways an English page may print a report date: 20 March 2023, March 20, 2023."""
    parts = [int(p) for p in iso.split('-')]
    month = MONTHS[parts[1] - 1]
    if len(parts) == 2:
        return [f'{month} {parts[0]}']
    day = date(*parts)
    return [f'{day.day} {month} {day.year}', f'{month} {day.day}, {day.year}']


def test_english_build_is_warning_free(english_html):
    assert english_html.returncode == 0, english_html.stderr
    assert 'WARNING' not in english_html.stderr, english_html.stderr


@pytest.mark.parametrize('facts', [
    pytest.param(POLICY_TITLES, id='4 policy titles'),
    pytest.param(POLICY_STATEMENTS, id='4 policy statements'),
    pytest.param(GOAL_TITLES, id='14 goals'),
    pytest.param(OPINIONS, id='26 opinions'),
    pytest.param((MAIN_THEME,), id='main theme'),
    pytest.param(tuple({topics for _, topics in MEETINGS_HELD}), id='topics of the 4 meetings'),
    pytest.param(tuple(title for _, title in SCHEDULE_STEPS if title), id='schedule steps'),
    pytest.param(MEMBER_GROUPS, id='members groups'),
    pytest.param(MEMBER_TITLES, id='members titles'),
])
def test_every_seed_fact_is_translated_and_shown(facts, catalogue, english_text):
    assert len(set(facts)) == len(facts)
    missing = [ja for ja in facts if ja not in catalogue]
    assert not missing, f'not in the catalogues: {missing}'
    untranslated = [ja for ja in facts if not catalogue[ja][0] or catalogue[ja][1]]
    assert not untranslated, f'untranslated or fuzzy: {untranslated}'
    not_shown = [catalogue[ja][0] for ja in facts if catalogue[ja][0] not in english_text]
    assert not not_shown, f'English not on the English pages: {not_shown}'
    japanese_left = [ja for ja in facts if ja in english_text]
    assert not japanese_left, f'Japanese left on the English pages: {japanese_left}'


def test_counts_of_the_report(english_html, catalogue):
    assert (len(POLICY_TITLES), len(GOAL_TITLES), len(OPINIONS), len(MEETINGS_HELD),
            len(MEMBER_NAMES)) == (4, 14, 26, 4, 17)
    opinions = BeautifulSoup((english_html.outdir / 'opinions.html').read_text(encoding='utf-8'),
                             'html.parser').get_text(' ')
    # Each of the 26 opinions on the page of the opinions, in the report's order.
    places = [squeeze(opinions).find(catalogue[ja][0]) for ja in OPINIONS]
    assert -1 not in places and places == sorted(places)


def test_names_stay_in_japanese_script(english_html):
    members = squeeze(BeautifulSoup((english_html.outdir / 'members.html').read_text(
        encoding='utf-8'), 'html.parser').get_text(' '))
    assert all(name in members for name in MEMBER_NAMES)
    # Seventeen seats, ① to ⑰.
    assert all(chr(0x2460 + seat) in members for seat in range(17))


def test_numbers_and_dates_of_the_report(english_text):
    for fact in ('4 basic policies', 'March 2023 (Reiwa 5)', '5 September 2023 (Reiwa 5)',
                 'April 2022 (Reiwa 4)', 'fiscal year 2018 (Heisei 30)', '10 years'):
        assert fact in english_text, fact


@pytest.mark.parametrize('iso', [d for d, _ in MEETINGS_HELD] + [d for d, _ in SCHEDULE_STEPS])
def test_meeting_and_schedule_dates_in_english(iso, english_text):
    assert any(form in english_text for form in english_date(iso)), english_date(iso)


def test_no_page_left_in_japanese(english_html):
    """Outside the names of people, no sentence of Japanese on an English page."""
    names = re.compile('|'.join(map(re.escape, MEMBER_NAMES)))
    japanese = re.compile(r'[\u3040-\u30ff\u3400-\u9fff]{4,}')
    left = {}
    for page in sorted(Path(english_html.outdir).rglob('*.html')):
        if '_static' in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
        main = soup.find('main') or soup
        for hidden in main.find_all(['script', 'style']):
            hidden.decompose()
        # The switcher's link to the Japanese edition is written in Japanese.
        for other in main.find_all(attrs={'lang': 'ja'}):
            other.decompose()
        runs = japanese.findall(names.sub('', main.get_text(' ')))
        if runs:
            left[page.relative_to(english_html.outdir).as_posix()] = runs[:5]
    assert not left


NOTE = 'This is a reference translation. The Japanese edition prevails.'


def html_pages(outdir: Path) -> list[str]:
    return sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob('*.html')
                  if '_static' not in p.relative_to(outdir).parts)


def switch_target(outdir: Path, page: str) -> str:
    """Where the page's language switcher leads, from the published root
    (the English site in en/, as make publishes it)."""
    soup = BeautifulSoup((outdir / page).read_text(encoding='utf-8'), 'html.parser')
    links = soup.select('nav.vision-languages a[hreflang]')
    assert len(links) == 1, page
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), links[0]['href']))


def test_every_english_page_leads_to_the_same_japanese_page(english_html, site_html):
    japanese = set(html_pages(site_html.outdir))
    english = html_pages(english_html.outdir)
    assert set(english) == japanese
    wrong = {page: target for page in english
             if (target := switch_target(english_html.outdir, page)) != posixpath.join('..', page)}
    assert not wrong


def test_every_japanese_page_leads_to_the_same_english_page(english_html, site_html):
    english = set(html_pages(english_html.outdir))
    wrong = {page: target for page in html_pages(site_html.outdir)
             if (target := switch_target(site_html.outdir, page)) != f'en/{page}'
             or page not in english}
    assert not wrong


def test_every_english_page_says_the_japanese_edition_prevails(english_html):
    missing = []
    for page in html_pages(english_html.outdir):
        soup = BeautifulSoup((english_html.outdir / page).read_text(encoding='utf-8'), 'html.parser')
        note = soup.select_one('nav.vision-languages .vision-translation-note')
        # At the top: before the page's main content.
        if note is None or squeeze(note.get_text()) != NOTE or soup.html['lang'] != 'en' \
                or not note.find_next(id='main-content'):
            missing.append(page)
    assert not missing


def test_the_main_theme_is_quoted_in_english(english_html):
    """“…”, not 「…」, around the theme's title: its heading, the front page, the 概要版."""
    for page in ('theme.html', 'index.html', 'summary.html'):
        text = squeeze(BeautifulSoup((english_html.outdir / page).read_text(encoding='utf-8'),
                                     'html.parser').get_text(' '))
        assert "“Setagaya's new value and richness, born of excitement”" in text, page
        assert '「' not in text, page
