"""Generated views and backlinks: system table, filtered lists, the matrix,
the domain index; HTML and LaTeX fragments against reviewed snapshots."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors


def soup_of(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding='utf-8'), 'html.parser')


def rows(table) -> list[list[str]]:
    # An era date is kept on one line by a span around it (vision.web.nowrap_dates):
    # read it with the text it belongs to, 令和10年度.
    for date in table.select('span.vision-date'):
        date.unwrap()
    table.smooth()
    return [[cell.get_text(' ', strip=True) for cell in tr.find_all(['th', 'td'])]
            for tr in table.find_all('tr')]


@pytest.fixture
def html(app, warning):
    app.build()
    assert strip_colors(warning.getvalue()) == ''
    return soup_of(app, 'index.html')


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_system_table_goes_from_policies_to_initiatives(html, snapshot):
    table = html.find('table', class_='vision-system-table')
    # A row per policy across the table, a row per initiative under its goal.
    assert rows(table) == [
        ['目指す姿', '取組'],
        ['基本的方針① 方針一'],
        ['目指す姿1-1 姿一の一', '取組1 取組一'],
        ['目指す姿1-2 姿一の二', '取組2 取組二'],
        ['基本的方針② 方針二'],
        ['目指す姿2-1 姿二の一', '取組2 取組二'],
        ['取組3 取組三'],
    ]
    assert [td['colspan'] for td in table.select('td.vision-system-policy')] == ['2', '2']
    assert table.find('td', rowspan='2').get_text(strip=True) == '目指す姿2-1 姿二の一'
    assert html.find('a', href='#vision-theme-T').get_text() == 'メインテーマ「テストのテーマ」'
    snapshot.check('system-table.html', table.prettify())


@pytest.mark.sphinx('html', testroot='domain-views-goals', freshenv=True)
def test_system_table_without_initiatives_has_a_row_per_goal(html):
    table = html.find('table', class_='vision-system-table')
    assert rows(table) == [
        ['基本的方針', '目指す姿'],
        ['基本的方針1 方針一', '目指す姿1-1 姿一の一'],
        ['目指す姿1-2 姿一の二'],
        ['基本的方針2 方針二', '目指す姿2-1 姿二の一'],
    ]
    assert table.find('td')['rowspan'] == '2'


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_list_filters_by_policy_goal_and_tag_with_chosen_columns(html):
    tables = html.find_all('table', class_='vision-list-table')
    by_policy, by_goal = tables
    assert by_policy.select_one('caption .caption-text').get_text() == '方針2の取組'
    assert rows(by_policy) == [
        ['番号', '名称', '目指す姿', 'タグ'],
        ['取組2', '取組二', '目指す姿2-1 目指す姿1-2', '重点、新規'],
        ['取組3', '取組三', '目指す姿2-1', ''],
    ]
    assert rows(by_goal) == [
        ['番号', '単位', '現状値', '目標値', '目標年度', '出典'],
        ['指標1', '件', '10', '20', '令和10年度', '区調べ'],
    ]
    tagged = html.find('ul', class_='vision-list')
    assert [li.get_text(strip=True) for li in tagged.find_all('li')] == ['取組1 取組一', '取組2 取組二']
    assert html.find(class_='vision-empty').get_text() == '該当するものはありません。'


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_matrix_marks_which_opinion_informed_which_goal(html, snapshot):
    table = html.find('table', class_='vision-matrix-table')
    assert rows(table) == [
        ['意見', '①', '②'],
        ['1', '2', '1'],
        # The mark, and for screen readers what it means (vision.web.matrix_html).
        ['意見1 意見一の本文', '● 対応あり', '', '● 対応あり'],
        ['意見2 意見二の本文', '', '● 対応あり', ''],
    ]
    snapshot.check('matrix.html', table.prettify())


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_backlinks_of_policies_and_goals(app, snapshot):
    app.build()
    soup = soup_of(app, 'policies.html')
    policy = soup.find(id='vision-policy-P1')
    assert [a.get_text() for a in policy.select('.vision-backlinks-goal a')] == [
        '目指す姿1-1 姿一の一', '目指す姿1-2 姿一の二']
    goal = soup.find(id='vision-goal-G1-1')
    headings = [p.get_text() for p in goal.select('.vision-backlinks-heading')]
    assert headings == ['この目指す姿に向けた取組', 'この目指す姿の指標', 'この目指す姿に反映された意見']
    assert [a['href'] for a in goal.select('.vision-backlinks a')] == [
        '#vision-initiative-I1', '#vision-indicator-K1', '#vision-opinion-O1']
    snapshot.check('goal-with-backlinks.html', goal.prettify())
    snapshot.check('indicator.html', soup.find(id='vision-indicator-K1').prettify())


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_domain_index_lists_every_object_by_type(app):
    app.build()
    soup = soup_of(app, 'vision-index.html')
    assert soup.find('h1').get_text() == 'ビジョン項目索引'
    groups = [tr.get_text(strip=True) for tr in soup.select('tr.cap')]
    assert groups == ['メインテーマ', '基本的方針', '目指す姿', '取組', '指標', '意見']
    assert soup.find('a', href='policies.html#vision-goal-G2-1').get_text() == '目指す姿2-1 姿二の一'


@pytest.fixture
def tex(app, warning) -> str:
    app.build()
    assert strip_colors(warning.getvalue()) == ''
    return (app.outdir / 'projectnamenotset.tex').read_text(encoding='utf-8')


def latex_object(tex: str, anchor: str) -> str:
    start = tex.index(r'\begin{visionobject}', tex.index(anchor) - 60)
    return tex[start:tex.index(r'\end{visionobject}', start) + len(r'\end{visionobject}')]


@pytest.mark.sphinx('latex', testroot='domain-views', freshenv=True)
def test_latex_objects_are_breakable_environments_with_page_references(app, tex, snapshot):
    goal = latex_object(tex, r'\label{\detokenize{policies:vision-goal-G1-1}}')
    assert 'tabular' not in goal and 'longtable' not in goal
    assert r'（\pageref*{\detokenize{policies:vision-opinion-O1}}ページ）' in goal
    snapshot.check('goal-with-backlinks.tex', goal)
    assert r'\usepackage{sphinxvision}' in tex
    assert (app.outdir / 'sphinxvision.sty').is_file()
    # Numbering as in the HTML.
    assert re.search(r'\\visionobjecttitle\{.*目指す姿1\\sphinxhyphen\{\}1\}', goal)
    # The domain index is printed with the other indices.
    assert r'\renewcommand{\indexname}{ビジョン項目索引}' in tex


@pytest.mark.sphinx('latex', testroot='domain-views', freshenv=True)
def test_print_runs_links_in_and_keeps_page_numbers_out_of_tables(tex, snapshot):
    indicator = latex_object(tex, r'\label{\detokenize{policies:vision-indicator-K1}}')
    snapshot.check('indicator.tex', indicator)
    # One run-in line per field, smaller than the text: no description list.
    assert 'description' not in indicator
    assert re.search(r'\\begin\{visionlinks\}\n\\visionrunin\{目指す姿：\}\{\\hyperref'
                     r'\[\\detokenize\{policies:vision-goal-G1-1\}\].*?\}\\visionpageref\{.*?\}\{（\\pageref\*'
                     r'\{\\detokenize\{policies:vision-goal-G1-1\}\}ページ）\}\\par', indicator)
    assert r'\visionrunin{単位：}件\par' in indicator
    # Two goals on one line, separated by 「、」, each with its page.
    initiative = latex_object(tex, r'\label{\detokenize{policies:vision-initiative-I2}}')
    assert re.search(r'G2-1\}\}ページ）\}、\{\\hyperref\[\\detokenize\{policies:vision-goal-G1-2', initiative)
    # Tables link to the objects but print no page numbers.
    tables = [m.group() for m in re.finditer(
        r'\\begin\{(longtable|tabular|tabulary)\}.*?\\end\{\1\}', tex, re.S)]
    assert len(tables) == 4  # system, two lists, matrix
    assert all(r'\hyperref' in table for table in tables)
    assert not any('pageref' in table for table in tables)


@pytest.mark.sphinx('html', testroot='domain-views-empty', freshenv=True)
def test_views_of_nothing_say_so(app, warning):
    app.build()
    assert strip_colors(warning.getvalue()) == ''
    soup = soup_of(app, 'index.html')
    assert [p.get_text() for p in soup.select('.vision-empty')] == ['該当するものはありません。'] * 3
    assert soup.find('table') is None
