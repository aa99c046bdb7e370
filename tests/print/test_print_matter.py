"""The print edition's front and back matter and numbering, from a small test root.

LaTeX and HTML builders only (no TeX run): the cover's date, the colophon's
fields and the per-chapter numbers are all decided before TeX.
"""

from __future__ import annotations

import re

import pytest


def tex_of(app) -> str:
    app.build()
    return (app.outdir / 'print.tex').read_text(encoding='utf-8')


@pytest.mark.sphinx('latex', testroot='print-matter', freshenv=True)
def test_cover_date_is_computed_from_the_data_file(app):
    tex = tex_of(app)
    cover = tex[tex.index(r'\begin{titlepage}'):tex.index(r'\end{titlepage}')]
    # as_of: 2019-05-07, the first month of 令和: 元年, never typed anywhere.
    assert '令和元年5月（2019年5月）' in cover
    assert '副題のテスト' in cover and '（素案）' in cover and '世田谷区' in cover
    assert r'\thispdfpagelabel{表紙}' in cover


@pytest.mark.sphinx('latex', testroot='print-matter', freshenv=True,
                    confoverrides={'vision_publication_date': '2024-03', 'vision_stage': '策定'})
def test_cover_date_from_conf_and_no_stage_once_adopted(app):
    tex = tex_of(app)
    cover = tex[tex.index(r'\begin{titlepage}'):tex.index(r'\end{titlepage}')]
    assert '令和6年3月（2024年3月）' in cover
    assert '（策定）' not in cover and '素案' not in cover


@pytest.mark.sphinx('latex', testroot='print-matter', freshenv=True,
                    confoverrides={'vision_publication_date': '2024-13'})
def test_an_impossible_date_is_a_warning_and_the_data_file_s_date_is_used(app, warning):
    """One warning naming the setting (tests/config/ checks its text); the cover
    takes the date it has without the setting."""
    assert warning.getvalue().count('vision_publication_date') == 1
    assert '[vision.config]' in warning.getvalue()
    tex = tex_of(app)
    assert '令和元年5月（2019年5月）' in tex[tex.index(r'\begin{titlepage}'):tex.index(r'\end{titlepage}')]


@pytest.mark.sphinx('latex', testroot='print-matter', freshenv=True)
def test_colophon_lists_configured_fields_only(app):
    tex = tex_of(app)
    colophon = tex[tex.index(r'\begin{visioncolophon}'):tex.index(r'\end{visioncolophon}')]
    # After the indexes: the colophon is on the last page.
    assert tex.index(r'\printindex') < tex.index(r'\begin{visioncolophon}')
    assert '印刷のテスト（素案）' in colophon
    rows = dict(re.findall(r'^(\S+) & (.+?)\\\\$', colophon, re.M))
    assert rows == {'発行年月': '令和元年5月（2019年5月）', '発行': '世田谷区',
                    '編集': '経済産業部 産業連携交流推進課',
                    'ホームページ': r'https://www.city.setagaya.lg.jp/'}
    # Never invented: neither an address nor a telephone number is set.
    assert '所在地' not in colophon and '電話' not in colophon


@pytest.mark.sphinx('latex', testroot='print-matter', freshenv=True)
def test_preface_precedes_the_contents_in_the_front_matter(app):
    tex = tex_of(app)
    preface = tex.index(r'\visionpreface{はじめに}')
    contents = tex.index(r'\sphinxtableofcontents')
    chapter = tex.index(r'\chapter{第一の章}')
    assert tex.index(r'\pagenumbering{roman}') < preface < contents < chapter
    assert '本書は、印刷の体裁を確かめるためのものである。' in tex[preface:contents]
    # Sphinx's own place for the contents (before the body) is left empty.
    assert tex.count(r'\sphinxtableofcontents') == 1


@pytest.mark.sphinx('html', testroot='print-matter', freshenv=True)
def test_preface_and_chapter_numbers_in_html(app):
    app.build()
    index = (app.outdir / 'index.html').read_text(encoding='utf-8')
    assert '<h2>はじめに</h2>' in index
    chapter = (app.outdir / 'chapter.html').read_text(encoding='utf-8')
    # Per chapter, with a hyphen, as in the PDF; the reference names the number.
    assert '<span class="caption-number">表1-1 </span>' in chapter
    assert re.search(r'<span class="std std-numref">表1-1</span>', chapter)
