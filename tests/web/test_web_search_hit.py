"""Search that shows what it found (issue 29), in Chromium: the count in 件,
an excerpt for every hit, the words marked on the page a hit opens and
scrolled into view below the sticky header (desktop and phone), and a
suggestion for a query in kana that is a slip away from a term's reading."""

from __future__ import annotations

import io
import shutil

import pytest
from search_flow import search_flow
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.browser


@pytest.fixture(scope='module')
def flow(rootdir, tmp_path_factory) -> dict:
    srcdir = tmp_path_factory.mktemp('search-hit') / 'src'
    shutil.copytree(rootdir / 'test-web-search-hit', srcdir)
    app = SphinxTestApp('html', srcdir=srcdir, status=io.StringIO(), warning=io.StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.statuscode == 0 and not app.warning.getvalue()
    # 商店街 is far down long.html: once as a page hit, once as a section's.
    return search_flow(app.outdir, hits=['商店街', '地域の声'], open={'地域の声': 'long.html#voices'},
                       none=['しょうてんかい', 'ほげほげほげ'])


@pytest.mark.parametrize('view', ['desktop', 'phone'])
def test_the_opened_page_marks_the_words_below_the_header(flow, view):
    assert flow[view]['errors'] == []
    for query in ('商店街', '地域の声'):
        opened = flow[view]['hits'][query]['opened']
        assert opened['address'].startswith('long.html'), opened
        assert query in opened['marks']
        # Far down the page, and now in view, not under the sticky header.
        assert opened['scrollY'] > 1000
        assert opened['header'] <= opened['box']['top'] and opened['box']['bottom'] <= opened['height']
        assert opened['axe'] == []


@pytest.mark.parametrize('view', ['desktop', 'phone'])
def test_counts_say_ken_and_every_hit_has_an_excerpt(flow, view):
    found = flow[view]['hits']['商店街']
    assert found['summary'] == f"検索が完了しました。{len(found['hits'])} 件見つかりました。"
    assert found['hits']
    for hit in found['hits']:
        assert hit['excerpt'] and '商店街' in hit['excerpt'], hit


@pytest.mark.parametrize('view', ['desktop', 'phone'])
def test_a_slip_in_kana_gets_a_suggestion(flow, view):
    none = flow[view]['none']['しょうてんかい']
    assert none['hits'] == []
    assert none['summary'] == ('検索した文字列はどの文書にも見つかりませんでした。'
                               '別の言葉や、短い言葉でお試しください。')
    assert none['suggestion'] == {'text': 'もしかして：商店街', 'href': '?q=%E5%95%86%E5%BA%97%E8%A1%97'}
    assert none['axe'] == []
    # The control: nothing on the site reads close to it, so nothing is suggested.
    assert flow[view]['none']['ほげほげほげ']['suggestion'] is None
