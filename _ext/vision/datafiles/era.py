"""Japanese era (和暦) dates for display, computed from ISO dates.

Dates are stored once, as ISO 8601 text: ``2023-09-07`` (a day) or
``2023-11`` (a month, when only the month is known). This module turns them
into the form readers expect, ``令和5年9月7日`` or ``令和5年11月``. It is pure:
no Sphinx, no clock.

The first year of an era is written ``元年`` (令和元年5月1日). A month-precision
date takes the era in effect on the first day of that month, so ``2019-05``
is ``令和元年5月`` and ``1989-01`` is ``昭和64年1月`` (平成 began on 8 January).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..messages import translated
from ..typesetting import ERA_FIRST_YEAR, ERAS

_ISO = re.compile(r'(\d{4})-(\d{2})(?:-(\d{2}))?')


@dataclass(frozen=True)
class PartialDate:
    """A day (``2023-09-07``) or, with ``day`` None, a month (``2023-11``)."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY-MM-DD`` or ``YYYY-MM``; ValueError if not a calendar date."""
        match = _ISO.fullmatch(text)
        if match is None:
            raise ValueError(translated('%r is not a date of the form YYYY-MM-DD or YYYY-MM', text))
        year, month, day_text = match.groups()
        day = int(day_text) if day_text else None
        try:
            first = date(int(year), int(month), day or 1)
        except ValueError:  # 2023-02-30, month 13, year 0
            raise ValueError(translated('%s is not a calendar date', text)) from None
        if first < ERAS[0][1]:
            raise ValueError(translated('%s is before %s, when Japan adopted the Gregorian calendar, '
                                        'and has no era date: is the year mistyped?', text,
                                        ERAS[0][1].isoformat()))
        return cls(int(year), int(month), day)

    @property
    def is_day(self) -> bool:
        return self.day is not None

    def first_day(self) -> date:
        return date(self.year, self.month, self.day or 1)

    def iso(self) -> str:
        return f'{self.year:04d}-{self.month:02d}' + (f'-{self.day:02d}' if self.day else '')

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological order; a month sorts before every day of that month."""
        return self.year, self.month, self.day or 0


def era_of(day: date) -> tuple[str, int]:
    """The era's name and year of ``day``: ``date(2019, 5, 1)`` gives ``('令和', 1)``."""
    for name, start in reversed(ERAS):
        if day >= start:
            return name, day.year - ERA_FIRST_YEAR[name] + 1
    raise ValueError(f'{day.isoformat()} is before {ERAS[0][1].isoformat()}: no era date')


def era_year(value: date | PartialDate) -> str:
    """``令和5年``, ``令和元年``: the era year of a day, or of a month's first day."""
    day = value.first_day() if isinstance(value, PartialDate) else value
    name, year = era_of(day)
    return f'{name}{"元" if year == 1 else year}年'


def month_day(value: date | PartialDate) -> str:
    """``9月7日`` for a day, ``11月`` for a month."""
    if isinstance(value, date):
        value = PartialDate(value.year, value.month, value.day)
    return f'{value.month}月' + (f'{value.day}日' if value.is_day else '')


def to_japanese(value: date | PartialDate | str) -> str:
    """``令和5年9月7日`` from ``2023-09-07``; ``令和5年11月`` from ``2023-11``."""
    if isinstance(value, str):
        value = PartialDate.parse(value)
    return era_year(value) + month_day(value)


#: The eras' names in the Latin alphabet, as the ward's English pages write them.
ERA_NAMES_EN = {'明治': 'Meiji', '大正': 'Taisho', '昭和': 'Showa', '平成': 'Heisei', '令和': 'Reiwa'}
MONTHS_EN = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
             'September', 'October', 'November', 'December')


def _partial(value: date | PartialDate | str) -> PartialDate:
    if isinstance(value, str):
        return PartialDate.parse(value)
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    return value


def era_year_en(value: date | PartialDate) -> str:
    """``2023 (Reiwa 5)``: the western year, then the era year (``Reiwa 1`` for 元年)."""
    value = _partial(value)
    name, year = era_of(value.first_day())
    return f'{value.year} ({ERA_NAMES_EN[name]} {year})'


def month_day_en(value: date | PartialDate) -> str:
    """``7 September`` for a day, ``November`` for a month."""
    value = _partial(value)
    month = MONTHS_EN[value.month - 1]
    return f'{value.day} {month}' if value.is_day else month


def to_english(value: date | PartialDate | str) -> str:
    """``5 September 2023 (Reiwa 5)`` from ``2023-09-05``; ``March 2023 (Reiwa 5)`` from ``2023-03``."""
    value = _partial(value)
    return f'{month_day_en(value)} {era_year_en(value)}'


def is_english(language: str | None) -> bool:
    return (language or '').split('-')[0].split('_')[0] == 'en'


def in_language(value: date | PartialDate | str, language: str | None) -> str:
    """A date as the build's language writes it: 令和5年9月5日, or 5 September 2023 (Reiwa 5)."""
    return to_english(value) if is_english(language) else to_japanese(value)


def era_year_in(value: date | PartialDate, language: str | None) -> str:
    """令和5年, or 2023 (Reiwa 5)."""
    return era_year_en(value) if is_english(language) else era_year(value)


def month_day_in(value: date | PartialDate, language: str | None) -> str:
    """9月7日, or 7 September."""
    return month_day_en(value) if is_english(language) else month_day(value)
