"""Search on the site as issue 29 found it (商店街, 創業, しょうてんかい, the 体系図),
in Chromium: the words marked and in view on the page a hit opens, 件, an
excerpt for every hit, a diagram's excerpt with each label once, and the
suggestion for a slip in kana. tests/web/test_web_search_hit.py checks the
same behaviour on a test root."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from search_flow import search_flow  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope='module')
def flow(site_html) -> dict:
    assert site_html.returncode == 0, site_html.stderr
    return search_flow(site_html.outdir, hits=['商店街', '創業', '起業促進'],
                       open={'起業促進': 'structure.html'}, none=['しょうてんかい'])


@pytest.mark.parametrize('view', ['desktop', 'phone'])
def test_the_page_a_hit_opens_marks_the_words_in_view(flow, view):
    assert flow[view]['errors'] == []
    for query in ('商店街', '創業'):
        opened = flow[view]['hits'][query]['opened']
        assert opened['marks'] and set(opened['marks']) == {query}, opened
        assert opened['header'] <= opened['box']['top'] and opened['box']['bottom'] <= opened['height']
        assert opened['axe'] == []


@pytest.mark.parametrize('view', ['desktop', 'phone'])
def test_counts_say_ken_and_every_hit_has_an_excerpt(flow, view):
    for query in ('商店街', '創業', '起業促進'):
        found = flow[view]['hits'][query]
        assert re.fullmatch(r'検索が完了しました。\d+ 件見つかりました。', found['summary'])
        assert all(hit['excerpt'] for hit in found['hits']), found['hits']


def test_the_diagram_excerpt_reads_each_label_once(flow, site_html):
    hit = next(h for h in flow['desktop']['hits']['起業促進']['hits'] if h['href'] == 'structure.html')
    excerpt = hit['excerpt'].strip('.')
    soup = BeautifulSoup((site_html.outdir / 'structure.html').read_text(encoding='utf-8'), 'html.parser')
    labels = [li.p.get_text() for li in soup.select('figure.vision-structure-diagram li')]
    shown = [label for label in labels if label in excerpt]
    assert len(shown) >= 3
    for label in shown:
        # The drawing says 「1-2 区民生活を…」, the list 「目指す姿1-2 区民生活を…」: the words once.
        assert excerpt.count(label.split(' ', 1)[-1]) == 1, label
    # Labels apart, not run together: each is followed by a space or the end.
    assert all(re.search(re.escape(label) + r'( |$)', excerpt) for label in shown)


def test_shoutenkai_suggests_shoutengai(flow):
    for view in ('desktop', 'phone'):
        none = flow[view]['none']['しょうてんかい']
        assert none['hits'] == [] and none['summary'].startswith('検索した文字列は')
        assert none['suggestion']['text'] == 'もしかして：商店街'
        assert none['axe'] == []
