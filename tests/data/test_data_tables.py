"""The roster, meetings and schedule tables in HTML and LaTeX (root ``data-tables``)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors


def soup(app, page):
    return BeautifulSoup((app.outdir / page).read_text(encoding='utf-8'), 'html.parser')


def rows(table):
    return [[cell.get_text(' ', strip=True) for cell in row.find_all(['th', 'td'])] for row in table.find_all('tr')]


@pytest.mark.sphinx('html', testroot='data-tables')
def test_roster_table(app, warning):
    app.build()
    assert warning.getvalue() == ''
    table = soup(app, 'members.html').find('table')
    assert table.find('caption').get_text(strip=True).startswith('委員名簿')
    assert rows(table) == [
        ['番号', '団体等', '氏名・肩書（順不同、敬称略）'],
        ['①', '学識経験者', '試験 太郎（試験大学教授）'],
        ['②', '区民（公募）', '<script>alert("x")</script> & 花子'],
    ]
    assert [th.get_text() for th in table.find('thead').find_all('th')] == ['番号', '団体等', '氏名・肩書（順不同、敬称略）']


@pytest.mark.sphinx('html', testroot='data-tables')
def test_markup_in_data_is_shown_as_text(app):
    app.build()
    html = (app.outdir / 'members.html').read_text(encoding='utf-8')
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 花子' in html
    assert not [s for s in BeautifulSoup(html, 'html.parser').find_all('script') if 'alert' in s.get_text()]


@pytest.mark.sphinx('html', testroot='data-tables')
def test_meetings_table_tells_held_from_planned(app):
    app.build()
    table = soup(app, 'history.html').find('table', id='meetings-table')
    assert table.find('caption').get_text(strip=True).startswith('会議の開催状況（令和元年5月10日現在）')
    assert rows(table) == [
        ['回', '開催日', '主な議題', '状況'],
        ['第1回', '平成31年4月30日', '平成最後の会議', '開催済み'],
        ['第2回', '令和元年5月1日', '令和最初の会議', '開催済み'],
        ['第3回', '令和元年6月3日', '', '予定'],
    ]
    body_rows = table.find('tbody').find_all('tr')
    assert [r['class'][0] for r in body_rows] == ['vision-meeting-held'] * 2 + ['vision-meeting-planned']
    # each meeting's anchor is in its row, for {meeting}`M1` links
    assert [r.find(id=re.compile('^vision-meeting-M')).get('id') for r in body_rows] == \
        ['vision-meeting-M1', 'vision-meeting-M2', 'vision-meeting-M3']


@pytest.mark.sphinx('html', testroot='data-tables')
def test_schedule_lists_meetings_and_steps_in_date_order(app):
    app.build()
    table = soup(app, 'schedule.html').find('table')
    assert rows(table) == [
        ['時期', '予定', '状況'],
        ['平成31年4月30日', '第1回「試験会議」', '開催済み'],
        ['令和元年5月1日', '第2回「試験会議」', '開催済み'],
        ['令和元年6月3日', '第3回「試験会議」', '予定'],
        ['令和2年1月', '報告', '予定'],
    ]


@pytest.mark.sphinx('latex', testroot='data-tables')
def test_latex_tables_are_longtables_with_repeated_header(app):
    app.build()
    tex = next(app.outdir.glob('*.tex')).read_text(encoding='utf-8')
    tables = re.findall(r'\\begin\{longtable\}.*?\\end\{longtable\}', tex, re.S)
    assert len(tables) == 3
    for table in tables:
        # the header is printed on the first page (\endfirsthead) and again on
        # every following one (\endhead)
        assert '\\endfirsthead' in table and '\\endhead' in table
        assert table.count('\\sphinxstyletheadfamily') >= 4
    assert '\\textless{}script\\textgreater{}' in tex
    assert '\\label{\\detokenize{history:vision-meeting-M1}}' in tex


@pytest.mark.sphinx('html', testroot='data-tables')
def test_schedule_timeline_is_drawn_with_a_text_alternative(app):
    app.build()
    page = soup(app, 'schedule.html')
    figure = page.find('figure', class_='vision-diagram')
    svg = figure.find('svg')
    # The drawing is hidden from screen readers, which hear the caption and the list once (issue 29).
    assert svg['aria-hidden'] == 'true'
    assert figure.find('figcaption').find(class_='caption-text').get_text() == 'スケジュールの流れ'
    # Labels are phrases joined by <wbr> (vision.diagrams.phrases): read them unspaced.
    drawn = svg.get_text('')
    assert '令和元年' in drawn and '6月3日（予定）' in drawn and '第3回「試験会議」' in drawn
    # Not get_text(strip=True): the date is its own span (vision.web.nowrap_dates),
    # and stripping each string would drop the ideographic space after it.
    alt = [li.get_text().strip() for li in figure.find(class_='vision-diagram-alt').find_all('li')]
    assert alt == [
        '平成31年4月30日\u3000第1回「試験会議」（開催済み）',
        '令和元年5月1日\u3000第2回「試験会議」（開催済み）',
        '令和元年6月3日\u3000第3回「試験会議」（予定）',
        '令和2年1月\u3000報告（予定）',
    ]


@pytest.mark.sphinx('html', testroot='data-tables')
def test_meetings_are_domain_objects_that_roles_link_to(app, warning):
    app.build()
    assert warning.getvalue() == ''
    meetings = app.env.get_domain('vision').objects_of('meeting')
    assert [(m.id, m.docname, m.title, m.fields['status']) for m in meetings] == [
        ('M1', 'history', '平成31年4月30日', 'held'),
        ('M2', 'history', '令和元年5月1日', 'held'),
        ('M3', 'history', '令和元年6月3日', 'planned'),
    ]
    links = [(a['href'], a.get_text()) for a in soup(app, 'schedule.html').find_all('a', href=re.compile('#vision-meeting-'))]
    assert links == [
        # the schedule's meetings link to their rows in the meetings table
        ('history.html#vision-meeting-M1', '第1回「試験会議」'),
        ('history.html#vision-meeting-M2', '第2回「試験会議」'),
        ('history.html#vision-meeting-M3', '第3回「試験会議」'),
        # {meeting}`M2` and {vision:meeting}`第3回 <M3>` in prose
        ('history.html#vision-meeting-M2', '第2回会議 令和元年5月1日'),
        ('history.html#vision-meeting-M3', '第3回'),
    ]


@pytest.mark.sphinx('html', testroot='data-tables')
def test_a_filter_that_matches_nothing_says_so(app):
    app.build()
    page = soup(app, 'empty.html')
    assert page.find('table') is None and page.find('figure') is None
    assert [p.get_text() for p in page.find_all('p', class_='vision-empty')] == ['該当するものはありません。'] * 2


@pytest.mark.sphinx('html', testroot='data-duplicate-meeting')
def test_a_meeting_shown_twice_is_registered_and_anchored_once(app, warning):
    app.build()
    warnings = strip_colors(warning.getvalue()).splitlines()
    assert len(warnings) == 1
    assert re.fullmatch(r".*/index\.md:6: WARNING: 会議の番号 'M1' が重複しています：.*/index\.md:3 ですでに"
                        r"使われています。どちらかの番号を変えてください \[vision\.duplicate\]", warnings[0])
    html = (app.outdir / 'index.html').read_text(encoding='utf-8')
    assert html.count('id="vision-meeting-M1"') == 1
    assert html.count('第1回') == 2
