"""The site's HTML 索引 (issue 29): rows in 五十音 order, each row's terms sorted
by their readings (data/readings.yaml, as the PDF's 索引; a kana term reads as
itself), and in Chromium at 390 and 1280 px every entry's link lands on its
anchor below the sticky header. tests/web/test_web_index_links.py checks the
same on a test root."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from web_harness import serve  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[1] / 'web' / 'index_links.js'
ROOT = Path(__file__).resolve().parents[2]
ROWS = ['あ行', 'か行', 'さ行', 'た行', 'な行', 'は行', 'ま行', 'や行', 'ら行', 'わ行']


#: Each kana's vowel, for 「ー」 (さーど reads as さあど in a dictionary's order).
_VOWELS = {kana: vowel for vowel, column in zip('あいうえお', (
    'あかさたなはまやらわ', 'いきしちにひみり', 'うくすつぬふむゆる', 'えけせてねへめれ', 'おこそとのほもよろを'))
    for kana in column}
_SMALL = str.maketrans('ぁぃぅぇぉっゃゅょゎ', 'あいうえおつやゆよわ')


def reading(term: str, readings: dict[str, str]) -> str:
    """The term's reading as a dictionary sorts it: hiragana, voiced kana as
    plain (が as か), small kana as large, 「ー」 as the vowel it lengthens."""
    text = readings.get(term, term)
    text = ''.join(chr(ord(c) - 0x60) if 'ァ' <= c <= 'ヶ' else c for c in text)
    text = ''.join(c for c in unicodedata.normalize('NFD', text) if c not in '\u3099\u309a')
    text = text.translate(_SMALL)
    out = ''
    for c in text:
        out += _VOWELS.get(out[-1], c) if c == 'ー' and out else c
    return out


def test_rows_in_gojuon_order_and_terms_by_reading(site):
    readings = yaml.safe_load((ROOT / 'data' / 'readings.yaml').read_text(encoding='utf-8'))
    article = BeautifulSoup((site / 'genindex.html').read_text(encoding='utf-8'),
                            'html.parser').select_one('article')
    rows = [heading.get_text() for heading in article.select('h2')]
    assert len(rows) >= 5 and rows == sorted(rows, key=ROWS.index)
    for heading in article.select('h2'):
        terms = [item.find('a').get_text() for item in heading.find_next_sibling('table').select('td > ul > li')]
        keys = [reading(term, readings) for term in terms]
        assert terms and keys == sorted(keys), (heading.get_text(), terms)


@pytest.mark.browser
@pytest.mark.parametrize('width', ['390', '1280'])
def test_every_entry_lands_on_its_anchor_in_view(site, width):
    with serve(site) as base:
        proc = subprocess.run(['node', str(SCRIPT)], input=json.dumps({'base': base}),
                              capture_output=True, text=True, cwd=SCRIPT.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)[width]
    assert seen['headings'][:2] == ['あ行', 'か行'] and len(seen['landed']) >= 40
    for entry in seen['landed']:
        assert entry['found'], entry
        assert entry['top'] >= entry['headerBottom'] - 1, entry
        assert entry['top'] < entry['height'], entry
