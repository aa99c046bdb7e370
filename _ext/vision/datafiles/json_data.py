"""The committee's members and meetings in ``vision.json``'s ``data``.

Answers the export's ``vision-export-data`` event (declared by
:mod:`vision.export.json_export`, which may not import the data files, nor
they it): members by seat and meetings by number, the keys by
which the 新旧対照表 matches them between two stages. Only valid entries are
exported; the directives that show the files report their problems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import events
from .committee import check_meetings, check_members, meetings_from, members_from
from .committee_tables import MEETINGS_FILE, MEMBERS_FILE
from .loading import read

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def committee_data(app: Sphinx) -> dict[str, list[dict]]:
    data: dict[str, list[dict]] = {}
    members = read(app.confdir, MEMBERS_FILE, 'members', (check_members,))
    if members is not None:
        data['members'] = [
            {'seat': m.seat, 'group': m.group, 'name': m.name, 'title': m.title or ''}
            for m in members_from(members)]
    meetings_file = read(app.confdir, MEETINGS_FILE, 'meetings', (check_meetings,))
    meetings = meetings_from(meetings_file) if meetings_file is not None else None
    if meetings is not None:
        data['meetings'] = [
            {'number': m.number, 'date': m.date.iso(), 'status': m.status, 'topics': m.topics or ''}
            for m in meetings.meetings]
    return data


def setup(app: Sphinx) -> None:
    app.connect(events.EXPORT_DATA, committee_data)
