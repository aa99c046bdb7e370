"""The 概要版's parts come from the objects: a test root's summary page.

The site's own 概要版 (page count, fonts, contents) is checked in
``tests/content/test_site_summary.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parents[2]
NEW_ROOT = ROOT / 'tests' / 'roots' / 'test-editions-new'


@pytest.fixture(scope='module')
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('summary-html')
    assert build_main(['-b', 'html', '-c', str(NEW_ROOT), '-q', '-W', str(NEW_ROOT / 'docs'),
                       str(out)]) == 0
    return out


@pytest.fixture(scope='module')
def root_page(built) -> BeautifulSoup:
    return BeautifulSoup((built / 'summary.html').read_text(encoding='utf-8'), 'html.parser')


def test_the_summary_stylesheet_only_where_the_summary_is(built, root_page):
    def linked(soup: BeautifulSoup) -> bool:
        return any('vision-summary.css' in link.get('href', '') for link in soup.find_all('link'))
    assert linked(root_page)
    assert not linked(BeautifulSoup((built / 'index.html').read_text(encoding='utf-8'), 'html.parser'))


def test_panels_are_made_from_the_objects(root_page):
    panels = root_page.find_all('section', class_='vision-summary-panel')
    assert [p.h3.text for p in panels] == [
        'メインテーマ', '① 地域産業の基盤強化', '② 多様な働き方の実現']
    theme, first, second = panels
    assert '「わくわく感が生む新たな価値」' in theme.text
    assert 'あらゆる主体との共創によって新たな価値を創造していく。' in theme.text
    assert '地域産業の持続性の確保に向けた基盤の強化を推進する' in first.text
    assert [li.text for li in first.find_all('li')] == [
        '1-1 事業者が持続的に事業を営むことができる世田谷区']
    assert [li.text for li in second.find_all('li')] == [
        '2-1 誰もが働きやすい世田谷区', '2-2 多様な人材が活躍する世田谷区',
        '2-3 企業が定着し成長する世田谷区']
    assert second.find('a')['href'] == 'index.html#vision-goal-G2-1'
    assert panels[1]['aria-labelledby'] == panels[1].h3['id']


def test_cover_shows_stage_and_computed_date(root_page):
    cover = root_page.find('p', class_='vision-summary-cover')
    assert cover.text == '試験ビジョン（素案）\u3000令和5年9月（2023年9月）'
