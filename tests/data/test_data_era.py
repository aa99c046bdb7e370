"""Japanese era dates computed from ISO dates (vision.datafiles.era)."""

from __future__ import annotations

from datetime import date

import pytest

from vision.datafiles.era import PartialDate, era_of, era_year, month_day, to_japanese


@pytest.mark.parametrize(('iso', 'japanese'), [
    ('2023-09-07', '令和5年9月7日'),
    ('2023-09-05', '令和5年9月5日'),
    ('2024-03-31', '令和6年3月31日'),
    ('2019-04-30', '平成31年4月30日'),   # the last day of 平成
    ('2019-05-01', '令和元年5月1日'),    # the first day of 令和 is 元年
    ('2019-12-31', '令和元年12月31日'),  # 元年 to the end of 2019
    ('2020-01-01', '令和2年1月1日'),
    ('1989-01-07', '昭和64年1月7日'),
    ('1989-01-08', '平成元年1月8日'),
    ('1926-12-25', '昭和元年12月25日'),
    ('1912-07-30', '大正元年7月30日'),
    ('1873-01-01', '明治6年1月1日'),
])
def test_day_precision(iso, japanese):
    assert to_japanese(iso) == japanese
    assert to_japanese(date.fromisoformat(iso)) == japanese


@pytest.mark.parametrize(('iso', 'japanese'), [
    ('2023-11', '令和5年11月'),
    ('2024-02', '令和6年2月'),
    ('2019-04', '平成31年4月'),
    ('2019-05', '令和元年5月'),
    ('1989-01', '昭和64年1月'),  # a month takes the era of its first day
])
def test_month_precision(iso, japanese):
    assert to_japanese(iso) == japanese


def test_parts_of_a_date():
    assert era_of(date(2019, 5, 1)) == ('令和', 1)
    assert era_year(PartialDate.parse('2019-12')) == '令和元年'
    assert month_day(PartialDate.parse('2023-10-05')) == '10月5日'
    assert month_day(PartialDate.parse('2023-10')) == '10月'


def test_partial_date_round_trip_and_order():
    days = [PartialDate.parse(s) for s in ('2023-11-01', '2023-11', '2023-10-31')]
    assert [d.iso() for d in sorted(days, key=PartialDate.sort_key)] == ['2023-10-31', '2023-11', '2023-11-01']
    assert PartialDate.parse('2023-11').is_day is False


@pytest.mark.parametrize('text', ['2023-02-30', '2023-13', '2023/09/07', '令和5年9月7日', '2023-9-7', ''])
def test_invalid_dates_are_refused(text):
    with pytest.raises(ValueError):  # noqa: PT011 - the message is for the validator
        PartialDate.parse(text)


def test_no_era_before_the_gregorian_calendar():
    with pytest.raises(ValueError, match='和暦にできません'):
        to_japanese('1872-12-31')
