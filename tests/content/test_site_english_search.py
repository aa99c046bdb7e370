"""Search on the English edition of the real ``docs/`` (issue 23): Sphinx's
English search, with stemming, in Chromium, and a search index whose titles
and objects are in English. The Japanese search on the Japanese site is
tested by test_site_search_hit.py (商店街, 創業, しょうてんかい)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import snowballstemmer
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from seed_facts import GOAL_TITLES, POLICY_TITLES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from search_flow import search_flow  # noqa: E402
from test_site_english import CATALOGUES, plain  # noqa: E402

STEMMER = snowballstemmer.stemmer('english')
JAPANESE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff]')

#: A query that no English page has as a word, and the page that has it only
#: in another form, which the English stemmer makes one: 'supporting' for
#: 'support'/'supported', 'revitalise' for 'revitalised'/'revitalising'.
STEMMED = {'supporting': 'policies/p1.html', 'revitalise': 'policies/p4.html'}


def words_of(outdir: Path, page: str) -> set[str]:
    soup = BeautifulSoup((outdir / page).read_text(encoding='utf-8'), 'html.parser')
    return set(re.findall(r'[a-z]+', (soup.find('main') or soup).get_text(' ').lower()))


@pytest.fixture(scope='module')
def english_site(english_html) -> Path:
    assert english_html.returncode == 0, english_html.stderr
    return english_html.outdir


@pytest.fixture(scope='module')
def index(english_site) -> dict:
    text = (english_site / 'searchindex.js').read_text(encoding='utf-8')
    return json.loads(text[text.index('(') + 1:text.rindex(')')])


def test_the_queries_are_only_on_the_pages_in_other_forms(english_site):
    """So that a hit can only come from stemming."""
    pages = [p.relative_to(english_site).as_posix() for p in english_site.rglob('*.html')
             if '_static' not in p.parts]
    for query, page in STEMMED.items():
        assert not any(query in words_of(english_site, other) for other in pages), query
        stem = STEMMER.stemWord(query)
        assert any(STEMMER.stemWord(word) == stem for word in words_of(english_site, page)), query


@pytest.mark.browser
def test_english_search_finds_a_word_in_another_form(english_site):
    flow = search_flow(english_site, hits=[*STEMMED, 'handed'], open=STEMMED, none=[])
    for view in ('desktop', 'phone'):
        assert flow[view]['errors'] == []
        # Goal 1-2 (residents' lives) among the hits, its apostrophe not shown as &#x27;.
        titles = [hit['title'] for hit in flow[view]['hits']['handed']['hits']]
        assert any(title.startswith('Goal 1-2 ') for title in titles), titles
        assert not [title for title in titles if '&' in title], titles
        for query, page in STEMMED.items():
            found = flow[view]['hits'][query]
            assert page in [hit['href'] for hit in found['hits']], found
            assert found['opened']['address'].startswith(page.rsplit('/', 1)[-1]), found['opened']
            assert found['opened']['axe'] == []
            assert not JAPANESE.search(found['summary']), found['summary']


def test_the_search_index_is_english(index):
    assert index['titles'] and not [t for t in index['titles'] if JAPANESE.search(t)]
    assert not [t for t in index['alltitles'] if JAPANESE.search(t)]
    names = [entry[4] for entries in index['objects'].values() for entry in entries]
    assert len(names) >= len(POLICY_TITLES) + len(GOAL_TITLES)
    assert not [name for name in names if JAPANESE.search(name)]
    assert not [name for _, _, name in index['objnames'].values() if JAPANESE.search(name)]


def test_the_search_index_holds_the_english_titles(index):
    english = {}
    for po in sorted(CATALOGUES.rglob('*.po')):
        with po.open('rb') as f:
            english.update({plain(m.id): plain(m.string) for m in read_po(f)
                            if isinstance(m.id, str) and m.string and not m.fuzzy})
    names = ' '.join(plain(entry[4])
                     for entries in index['objects'].values() for entry in entries)
    titles = ' '.join(plain(t) for t in index['titles'])
    for ja in POLICY_TITLES:
        assert english[ja] in names and english[ja] in titles, english[ja]
    for ja in GOAL_TITLES:
        assert english[ja] in names, english[ja]
