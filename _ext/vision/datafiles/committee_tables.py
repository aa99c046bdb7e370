"""Directives that render the committee's data files as tables.

``{roster}`` (data/members.yaml), ``{meetings}`` and ``{schedule-timeline}``
(data/meetings.yaml). Each takes the data file as an optional argument,
relative to the confdir and confined to ``data/``, and the options
``:caption:`` and ``:name:`` (the table's label); the last two also take
``:status: held`` or ``:status: planned`` to show only those entries. Tables are docutils tables
with header rows, marked ``longtable`` so that in the PDF they break across
pages and repeat their header. All text goes into Text nodes, so the HTML
writer escapes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..domain import vision_domain
from .. import labels
from . import loading as datafiles
from .committee import (Meeting, Meetings, Step, check_meetings, check_members, meetings_from,
                        members_from)
from ..diagrams.mermaid import diagram_node
from .era import to_japanese
from ..domain.model import VisionObject, anchor_for
from ..domain.roles import make_xref
from .timeline import timeline_source

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MEMBERS_FILE = 'data/members.yaml'
MEETINGS_FILE = 'data/meetings.yaml'

Cell = str | nodes.Node | Sequence[nodes.Node]


def build_table(caption: str, headers: Sequence[str],
                rows: Sequence[tuple[list[str], Sequence[Cell]]], widths: Sequence[int]) -> nodes.table:
    """A table with a caption, one header row and ``rows`` of (row classes, cells).

    The first column holds row headers (a stub column: ``<th>`` in HTML).
    """
    table = nodes.table(classes=['longtable', 'colwidths-given', 'vision-data-table'])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=width, stub=index == 0) for index, width in enumerate(widths))
    head = nodes.thead()
    head += _row([str(header) for header in headers])
    body = nodes.tbody()
    body.extend(_row(cells, classes) for classes, cells in rows)
    group += [head, body]
    return table


def _row(cells: Sequence[Cell], classes: list[str] | None = None) -> nodes.row:
    row = nodes.row(classes=classes or [])
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, str):
            entry += nodes.paragraph(cell, cell) if cell else []
        elif isinstance(cell, nodes.Node):
            entry += cell
        else:
            entry.extend(cell)
        row += entry
    return row


class _DataDirective(SphinxDirective):
    """A directive reading one data file given as its optional argument."""

    optional_arguments = 1
    option_spec: ClassVar = {'caption': directives.unchanged_required, 'name': directives.unchanged}
    default_file: ClassVar[str]
    schema: ClassVar[str]
    checks: ClassVar[tuple]

    def load(self) -> datafiles.DataFile | None:
        argument = self.arguments[0] if self.arguments else self.default_file
        return datafiles.load(self.env, argument, self.schema, self.checks,
                              (self.env.docname, self.lineno))

    def named(self, table: nodes.table) -> list[nodes.Node]:
        self.set_source_info(table)
        self.add_name(table)
        return [table]


class RosterDirective(_DataDirective):
    """``{roster}``: the members, seat by seat."""

    default_file = MEMBERS_FILE
    schema = 'members'
    checks = (check_members,)

    def run(self) -> list[nodes.Node]:
        file = self.load()
        members = members_from(file) if file else []
        if not members:
            return []
        rows = [([], [member.mark, member.group,
                      f'{member.name}（{member.title}）' if member.title else member.name])
                for member in members]
        caption = self.options.get('caption', str(labels.ROSTER_CAPTION))
        return self.named(build_table(caption, labels.ROSTER_HEADERS, rows, (8, 37, 55)))


class _MeetingsFileDirective(_DataDirective):
    option_spec: ClassVar = {**_DataDirective.option_spec,
                             'status': lambda arg: directives.choice(arg, tuple(labels.STATUS))}
    default_file = MEETINGS_FILE
    schema = 'meetings'
    checks = (check_meetings,)

    def load_meetings(self) -> Meetings | None:
        file = self.load()
        return meetings_from(file) if file else None


class MeetingsDirective(_MeetingsFileDirective):
    """``{meetings}``: the committee's meetings, held and planned (or only
    those of ``:status:``). Each meeting shown becomes the domain object
    ``M<number>``, anchored in its row; use the directive once per meeting."""

    def run(self) -> list[nodes.Node]:
        data = self.load_meetings()
        if data is None:
            return []
        status = self.options.get('status')
        rows = []
        for meeting in data.meetings:
            if status and meeting.status != status:
                continue
            number = str(labels.MEETING_NUMBER).format(number=meeting.number)
            first = nodes.paragraph()
            if self.register(meeting):
                first += nodes.target('', '', ids=[anchor_for('meeting', meeting.id)])
            first += nodes.Text(number)
            rows.append(([f'vision-meeting-{meeting.status}'],
                         [first, to_japanese(meeting.date), meeting.topics or '',
                          str(labels.STATUS[meeting.status])]))
        if not rows:
            return [_nothing()]
        caption = self.options.get(
            'caption', str(labels.MEETINGS_CAPTION).format(as_of=to_japanese(data.as_of)))
        return self.named(build_table(caption, labels.MEETINGS_HEADERS, rows, (12, 24, 50, 14)))

    def register(self, meeting: Meeting) -> bool:
        """Make the meeting a domain object, so ``{meeting}`M1``` links to its row.

        False if another page already has this meeting (the domain warns):
        then this row must not carry the anchor.
        """
        obj = VisionObject(
            objtype='meeting', id=meeting.id, title=to_japanese(meeting.date),
            docname=self.env.docname, lineno=self.lineno, anchor=anchor_for('meeting', meeting.id),
            fields={'date': meeting.date.iso(), 'status': meeting.status,
                    **({'topics': meeting.topics} if meeting.topics else {})},
        )
        return vision_domain(self.env).note_object(obj, (self.env.docname, self.lineno))


class ScheduleTimelineDirective(_MeetingsFileDirective):
    """``{schedule-timeline}``: the schedule as a table of its steps, then as a
    timeline diagram whose text alternative is a list of the same steps."""

    def run(self) -> list[nodes.Node]:
        data = self.load_meetings()
        if data is None:
            return []
        status = self.options.get('status')
        steps = data.schedule(status)
        if not steps:
            return [_nothing()]
        default = labels.SCHEDULE_PLANNED_CAPTION if status == 'planned' else labels.SCHEDULE_CAPTION
        caption = self.options.get('caption', str(default))
        headers = labels.SCHEDULE_HEADERS
        if not status:
            headers = (*headers, labels.SCHEDULE_STATUS_HEADER)
        rows = [([f'vision-meeting-{step.status}'],
                 [to_japanese(step.date), self.title_cell(step),
                  *(() if status else (str(labels.STATUS[step.status]),))])
                for step in steps]
        widths = (25, 75) if status else (22, 62, 16)
        table = self.named(build_table(caption, headers, rows, widths))
        figure = diagram_node(timeline_source(steps),
                              caption=str(labels.TIMELINE_CAPTION).format(caption=caption),
                              alt=_step_list(steps), location=(self.env.docname, self.lineno))
        return [*table, figure]

    def title_cell(self, step: Step) -> nodes.paragraph:
        """The step's title; a meeting's links to its row in the meetings table."""
        if step.meeting_id is None:
            return nodes.paragraph(step.title, step.title)
        return nodes.paragraph('', '', make_xref('meeting', step.meeting_id, self.env.docname,
                                                 text=step.title))


def _nothing() -> nodes.paragraph:
    """What a filter that matches nothing shows instead of an empty table."""
    return nodes.paragraph('', str(labels.NO_OBJECTS), classes=['vision-empty'])


def _step_list(steps: Sequence[Step]) -> nodes.bullet_list:
    """The timeline as text: one item per step, 「令和5年9月7日　第5回…（予定）」."""
    items = nodes.bullet_list()
    for step in steps:
        text = f'{to_japanese(step.date)}　{step.title}（{labels.STATUS[step.status]}）'
        items += nodes.list_item('', nodes.paragraph(text, text))
    return items


def setup(app: Sphinx) -> None:
    app.add_directive('roster', RosterDirective)
    app.add_directive('meetings', MeetingsDirective)
    app.add_directive('schedule-timeline', ScheduleTimelineDirective)
