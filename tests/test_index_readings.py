"""Index terms need readings so mendex sorts them; a missing one is located."""

from __future__ import annotations

import pytest
from sphinx.util.console import strip_colors


@pytest.mark.sphinx('latex', testroot='readings')
def test_missing_reading_is_a_located_warning(app, warning):
    app.build()
    warnings = strip_colors(warning.getvalue())
    assert "index.md:6: WARNING: 索引の語 '商店街' のよみが readings.yaml にありません：よみを書き加えてください " \
           '[vision.readings]' in warnings
    assert '事業承継' not in warnings


@pytest.mark.sphinx('latex', testroot='readings')
def test_dictionary_is_written_for_mendex(app):
    app.build()
    basename = app.config.latex_documents[0][1].removesuffix('.tex')
    dic = (app.outdir / f'{basename}.dic').read_text(encoding='utf-8')
    assert dic == '事業承継 じぎょうしょうけい\n起業 きぎょう\n'


@pytest.mark.parametrize(('term', 'readings', 'expected'), [
    ('サードプレイス', {}, 'さあとふれいす'),  # ー as the vowel it lengthens, voicing dropped
    ('事業承継', {'事業承継': 'じぎょうしょうけい'}, 'しきょうしょうけい'),
    ('ABC', {}, 'ABC'),
])
def test_sorting_form_of_a_reading(term, readings, expected):
    from vision.print_edition.index_readings import reading_of
    assert reading_of(term, readings) == expected


def test_rows_of_the_gojuon_table():
    from vision.print_edition.index_readings import OTHERS, row_of
    assert [row_of(r) for r in ('あい', 'きぎょう', 'さあど', 'んー', 'ABC', '')] == \
        ['あ行', 'か行', 'さ行', 'わ行', OTHERS, OTHERS]


@pytest.mark.sphinx('html', testroot='readings', freshenv=True)
def test_html_index_is_in_gojuon_order_by_the_same_readings(app):
    """Code-point order would give サ, ガ, 事, 商, 起; the 索引 reads by reading.
    商店街 has no reading (warned about): it sorts by its own characters, after the kana."""
    from bs4 import BeautifulSoup
    app.build()
    page = BeautifulSoup((app.outdir / 'genindex.html').read_text(encoding='utf-8'), 'html.parser')
    headings = [h.get_text(strip=True) for h in page.select('h2')]
    terms = [li.get_text(' ', strip=True).split(' ')[0]
             for li in page.select('table.indextable td > ul > li')]
    assert headings[:3] == ['か行', 'さ行', 'その他']
    assert terms == ['ガイドライン', '起業', 'サードプレイス', '事業承継', '商店街']
