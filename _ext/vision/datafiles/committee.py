"""The committee's members, meetings and schedule as plain data.

Read from ``data/members.yaml`` and ``data/meetings.yaml`` through
:mod:`vision.datafiles.loading`; the checks here are the ones a schema cannot
express (unique seats, meetings in date order, real calendar dates).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import labels
from ..messages import translated
from .era import PartialDate
from .loading import DataFile, FieldPath

HELD, PLANNED = 'held', 'planned'
#: The data files the committee's directives read unless given another.
MEMBERS_FILE = 'data/members.yaml'
MEETINGS_FILE = 'data/meetings.yaml'


@dataclass(frozen=True)
class Member:
    seat: int
    group: str
    name: str
    title: str | None

    @property
    def mark(self) -> str:
        """The seat number as the report prints it: ①."""
        return circled(self.seat)


@dataclass(frozen=True)
class Meeting:
    number: int
    date: PartialDate
    status: str
    topics: str | None

    @property
    def id(self) -> str:
        return f'M{self.number}'


@dataclass(frozen=True)
class Step:
    """One entry of the schedule: a meeting or another step (委員会報告, 策定)."""

    date: PartialDate
    status: str
    title: str
    meeting_id: str | None = None


@dataclass(frozen=True)
class Meetings:
    committee: str
    as_of: PartialDate
    meetings: tuple[Meeting, ...]
    steps: tuple[Step, ...]

    def schedule(self, status: str | None = None) -> list[Step]:
        """Meetings (as 第N回「committee」) and the other steps, in date order."""
        number, title = str(labels.MEETING_NUMBER), str(labels.MEETING_STEP)
        steps = [Step(m.date, m.status, title.format(number=number.format(number=m.number),
                                                     committee=self.committee), m.id)
                 for m in self.meetings]
        steps += self.steps
        steps.sort(key=lambda step: step.date.sort_key())  # stable: file order on equal dates
        return [step for step in steps if status is None or step.status == status]


def circled(number: int) -> str:
    """①..⑳, ㉑..㉟, ㊱..㊿ for 1..50."""
    if 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if 21 <= number <= 35:
        return chr(0x3251 + number - 21)
    if 36 <= number <= 50:
        return chr(0x32B1 + number - 36)
    raise ValueError(f'no circled numeral for {number}')


def check_members(data: dict[str, Any]) -> Iterator[tuple[FieldPath, str]]:
    first_at: dict[int, int] = {}
    for index, member in enumerate(data['members']):
        seat = member['seat']
        if seat in first_at:
            yield ('members', index, 'seat'), translated('duplicate seat %s (also members[%s])', seat,
                                                         first_at[seat])
        first_at.setdefault(seat, index)


def check_meetings(data: dict[str, Any]) -> Iterator[tuple[FieldPath, str]]:
    dates: dict[FieldPath, PartialDate] = {}
    for path, text in _date_fields(data):
        try:
            dates[path] = PartialDate.parse(text)
        except ValueError as exc:  # not a calendar date, or before the first era
            yield path, str(exc)
    numbers: dict[int, int] = {}
    for index, meeting in enumerate(data['meetings']):
        number = meeting['number']
        if number in numbers:
            yield (('meetings', index, 'number'),
                   translated('duplicate meeting number %s (also meetings[%s])', number, numbers[number]))
        elif index and number < data['meetings'][index - 1]['number']:
            yield (('meetings', index, 'number'),
                   translated('meetings must be listed in the order of their numbers'))
        numbers.setdefault(number, index)
    for key in ('meetings', 'steps'):
        for index in range(1, len(data[key])):
            before, after = dates.get((key, index - 1, 'date')), dates.get((key, index, 'date'))
            if before and after and after.sort_key() <= before.sort_key():
                yield (key, index, 'date'), translated(
                    '%s is not after %s[%s].date %s: %s must be in date order', after.iso(), key,
                    index - 1, before.iso(), key)
    as_of = dates.get(('as_of',))
    if as_of is None:
        return
    for path, day in dates.items():
        if path == ('as_of',):
            continue
        key, index = str(path[0]), int(path[1])  # (list, index, 'date')
        status = data[key][index]['status']
        if status == HELD and day.first_day() > as_of.first_day():
            yield (key, index, 'status'), translated('held, but dated %s, after as_of %s', day.iso(),
                                                     as_of.iso())
        if status == PLANNED and day.is_day and day.first_day() <= as_of.first_day():
            yield ((key, index, 'status'),
                   translated('planned, but dated %s, not after as_of %s', day.iso(), as_of.iso()))


def _date_fields(data: dict[str, Any]) -> Iterator[tuple[FieldPath, str]]:
    yield ('as_of',), data['as_of']
    for key in ('meetings', 'steps'):
        for index, entry in enumerate(data[key]):
            yield (key, index, 'date'), entry['date']


def _date_or_none(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def members_from(file: DataFile) -> list[Member]:
    """The valid members of a loaded ``members.yaml``."""
    entries = file.data.get('members') if isinstance(file.data, dict) else None
    if not isinstance(entries, list):
        return []
    return [
        Member(entry['seat'], entry['group'], entry['name'], entry.get('title'))
        for index, entry in enumerate(entries)
        if file.is_valid(('members', index))
    ]


def meetings_from(file: DataFile) -> Meetings | None:
    """The valid meetings and steps of a loaded ``meetings.yaml``, or None.

    Entries with an error are left out. Semantic checks do not run while the
    schema fails, so a date is parsed here again and an entry whose date is
    not a calendar date is left out too.
    """
    data = file.data
    if not isinstance(data, dict) or not all(file.is_valid((key,)) for key in ('committee', 'as_of')):
        return None
    as_of = _date_or_none(data['as_of'])
    if as_of is None:
        return None

    def valid(key: str) -> list[tuple[dict, PartialDate]]:
        entries = data.get(key)
        if not isinstance(entries, list):
            return []
        dated = ((e, _date_or_none(e['date'])) for i, e in enumerate(entries) if file.is_valid((key, i)))
        return [(e, day) for e, day in dated if day is not None]

    return Meetings(
        committee=data['committee'],
        as_of=as_of,
        meetings=tuple(Meeting(e['number'], day, e['status'], e.get('topics'))
                       for e, day in valid('meetings')),
        steps=tuple(Step(day, e['status'], e['title']) for e, day in valid('steps')),
    )
