"""The date an edition shows: the report date (``as_of``) of the meetings data
file, as 「令和5年9月（2023年9月）」, computed by :mod:`vision.era`, never typed.
"""

from __future__ import annotations

from pathlib import Path

from ..datafiles.committee import check_meetings, meetings_from
from ..datafiles.committee_tables import MEETINGS_FILE
from ..datafiles.era import era_year
from ..datafiles.loading import read


def edition_date_text(confdir: str | Path) -> str:
    """「令和5年9月（2023年9月）」, or '' when the project has no meetings file."""
    file = read(confdir, MEETINGS_FILE, 'meetings', (check_meetings,))
    meetings = meetings_from(file) if file is not None else None
    if meetings is None:
        return ''
    day = meetings.as_of
    return f'{era_year(day)}{day.month}月（{day.year}年{day.month}月）'
