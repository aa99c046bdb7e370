"""The committee's tables in the real documents, against the ward's report."""

from __future__ import annotations

from bs4 import BeautifulSoup
from seed_facts import MEMBER_NAMES


def table_rows(site_html, page, table_id):
    soup = BeautifulSoup((site_html.outdir / page).read_text(encoding='utf-8'), 'html.parser')
    table = soup.find('table', id=table_id)
    return [[c.get_text(' ', strip=True) for c in tr.find_all(['th', 'td'])] for tr in table.find('tbody').find_all('tr')]


def test_roster_has_the_seventeen_members_in_seat_order(site_html):
    rows = table_rows(site_html, 'members.html', 'members-table')
    assert [r[0] for r in rows] == list('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰')
    assert [r[2].split('（')[0] for r in rows] == list(MEMBER_NAMES)
    assert rows[0] == ['①', '学識経験者', '長山 宗広（駒澤大学経済学部教授）']
    # merged cells in the report: ⑫–⑮ belong to ⑪'s group, ⑰ to ⑯'s
    assert {r[1] for r in rows[10:15]} == {'民間団体・NPO等'}
    assert rows[16][1] == rows[15][1] == '区民（公募）'


def test_meetings_held_and_planned_as_of_the_report(site_html):
    assert table_rows(site_html, 'history.html', 'meetings-held') == [
        ['第1回', '令和5年3月20日', '世田谷区内の経済産業状況について 等', '開催済み'],
        ['第2回', '令和5年5月29日', '基本的な考え方について 等', '開催済み'],
        ['第3回', '令和5年7月13日', '基本的な考え方について 等', '開催済み'],
        ['第4回', '令和5年8月10日', '基本的な考え方について 等', '開催済み'],
        ['第5回', '令和5年9月7日', '', '予定'],
        ['第6回', '令和5年10月5日', '', '予定'],
    ]


def test_schedule_as_in_the_report(site_html):
    assert table_rows(site_html, 'schedule.html', 'schedule-table') == [
        ['令和5年9月7日', '第5回「地域経済の持続可能な発展を目指す会議」'],
        ['令和5年10月5日', '第6回「地域経済の持続可能な発展を目指す会議」'],
        ['令和5年11月', '区民生活常任委員会（報告（仮称）新産業ビジョン素案）'],
        ['令和6年2月', '区民生活常任委員会（報告（仮称）新産業ビジョン案）'],
        ['令和6年3月', '（仮称）新産業ビジョン 策定'],
    ]
