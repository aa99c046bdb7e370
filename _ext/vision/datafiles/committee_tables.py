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
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .. import labels
from ..diagrams.mermaid import diagram_node
from ..domain import vision_domain
from ..domain.model import VisionObject, anchor_for
from ..domain.nodes import vision_anchor, vision_small
from ..domain.roles import make_xref
from ..object_types import object_types
from ..sphinx_compat import builder_of
from ..stage import has_watermark
from ..translation import lookup as translation
from ..views.table import Cell, build_table, nothing_to_show
from . import loading as datafiles
from .committee import (
    MEETINGS_FILE,
    MEMBERS_FILE,
    Meeting,
    Meetings,
    Step,
    check_meetings,
    check_members,
    meetings_from,
    members_from,
)
from .data_text import DataText
from .era import PartialDate, in_language, to_japanese
from .timeline import timeline_source

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ['MEETINGS_FILE', 'MEMBERS_FILE', 'MeetingsDirective', 'RosterDirective',
           'ScheduleTimelineDirective']


def data_table(caption: str, headers: Sequence[object], rows: Sequence[Sequence[Cell]],
               widths: Sequence[int], row_classes: Sequence[list[str]] | None = None) -> nodes.table:
    """A data file's table: a caption, one header row, row headers in the first
    column (``<th>`` in HTML), and pages breaking it in print."""
    return build_table(headers, rows, widths, caption=caption, row_classes=row_classes,
                       classes=['longtable', 'colwidths-given', 'vision-data-table'],
                       stub_columns=1)


class _DataDirective(SphinxDirective):
    """A directive reading one data file given as its optional argument."""

    optional_arguments = 1
    option_spec: ClassVar = {'caption': directives.unchanged_required, 'name': directives.unchanged}
    default_file: ClassVar[str]
    schema: ClassVar[str]
    checks: ClassVar[tuple]

    def date(self, value: PartialDate) -> str:
        """A date in the build's language: 令和5年9月5日, 5 September 2023 (Reiwa 5)."""
        return in_language(value, self.config.language)

    def load(self) -> datafiles.DataFile | None:
        argument = self.arguments[0] if self.arguments else self.default_file
        return datafiles.load(self.env, argument, self.schema, self.checks,
                              (self.env.docname, self.lineno))

    def named(self, table: nodes.table) -> list[nodes.Node]:
        self.set_source_info(table)
        self.add_name(table)
        if 'caption' not in self.options:
            # The extension's own caption, already in the build's language (labels):
            # no message of the page for Sphinx's gettext builder or Locale transform.
            for title in table.findall(nodes.title):
                title['translatable'] = False
        # In print the data tables (資料編) are set small, as reference tables
        # commonly are: the 17 members then fit under the schedule's figure on one page.
        return [vision_small('', table)]


class RosterDirective(_DataDirective):
    """``{roster}``: the members, seat by seat."""

    default_file = MEMBERS_FILE
    schema = 'members'
    checks = (check_members,)

    def run(self) -> list[nodes.Node]:
        file = self.load()
        members = members_from(file) if file else []
        if not members or file is None:
            return []
        words = DataText(self.env, file)
        rows = [[member.mark, words.cell(words(member.group)), self.name_cell(member.name, member.title, words)]
                for member in members]
        caption = self.options.get('caption', str(labels.ROSTER_CAPTION))
        return self.named(data_table(caption, labels.ROSTER_HEADERS, rows, (8, 37, 55)))


    @staticmethod
    def name_cell(name: str, title: str | None, words: DataText) -> Cell:
        """「長山 宗広（駒澤大学経済学部教授）」: the name as written, the title translated."""
        if not title:
            return name
        before, after = str(labels.NAME_WITH_TITLE).split('{title}', 1)
        cell = nodes.paragraph()
        cell += nodes.Text(before.format(name=name))
        shown = words.cell(words(title))
        cell.extend(shown.children)
        cell += nodes.Text(after.format(name=name))
        return cell


class _MeetingsFileDirective(_DataDirective):
    option_spec: ClassVar = {**_DataDirective.option_spec,
                             'status': lambda arg: directives.choice(arg, tuple(labels.STATUS))}
    default_file = MEETINGS_FILE
    schema = 'meetings'
    checks = (check_meetings,)

    #: The file's words in this build's language (set by :meth:`load_meetings`).
    words: DataText

    def load_meetings(self) -> Meetings | None:
        """The meetings, their words (committee, topics, steps) in this build's language."""
        file = self.load()
        data = meetings_from(file) if file else None
        if file is None or data is None:
            return None
        self.words = words = DataText(self.env, file)
        return replace(data, committee=words(data.committee),
                       meetings=tuple(replace(m, topics=words(m.topics) if m.topics else m.topics)
                                      for m in data.meetings),
                       steps=tuple(replace(step, title=words(step.title)) for step in data.steps))


class MeetingsDirective(_MeetingsFileDirective):
    """``{meetings}``: the committee's meetings, held and planned (or only
    those of ``:status:``). Each meeting shown becomes the domain object
    ``M<number>``, anchored in its row; use the directive once per meeting."""

    def run(self) -> list[nodes.Node]:
        data = self.load_meetings()
        if data is None:
            return []
        status = self.options.get('status')
        rows: list[list[Cell]] = []
        row_classes = []
        for meeting in data.meetings:
            if status and meeting.status != status:
                continue
            number = str(labels.MEETING_NUMBER).format(number=meeting.number)
            first = nodes.paragraph()
            meeting_type = self.register(meeting)
            if meeting_type:
                # Anchored at write time, like every object (AssignAnchors).
                anchor = anchor_for(meeting_type, meeting.id)
                first += vision_anchor('', '', ids=[anchor], anchor=anchor, objtype=meeting_type,
                                       objid=meeting.id, docname=self.env.docname,
                                       lineno=self.lineno)
            first += nodes.Text(number)
            row_classes.append([f'vision-meeting-{meeting.status}'])
            rows.append([first, self.date(meeting.date),
                         self.words.cell(meeting.topics) if meeting.topics else '',
                         str(labels.STATUS[meeting.status])])
        if not rows:
            return [nothing_to_show()]
        caption = self.options.get(
            'caption', str(labels.MEETINGS_CAPTION).format(as_of=self.date(data.as_of)))
        return self.named(data_table(caption, labels.MEETINGS_HEADERS, rows, (12, 24, 50, 14),
                                     row_classes))

    def register(self, meeting: Meeting) -> str | None:
        """Make the meeting a domain object, so ``{meeting}`M1``` links to its row.

        Returns the meeting's type, None if the plan has none. Of two pages with the same
        meeting (the domain warns), the owner's row gets the anchor when the
        pages are written, as for every object.
        """
        kind = object_types(self.config).for_data('meetings')
        if kind is None:  # the plan has no meeting type: the table without links
            return None
        obj = VisionObject(
            objtype=kind.key, id=meeting.id, title=self.date(meeting.date),
            docname=self.env.docname, lineno=self.lineno, anchor=anchor_for(kind.key, meeting.id),
            kind=kind, fields={'date': meeting.date.iso(), 'status': meeting.status,
                    **({'topics': meeting.topics} if meeting.topics else {})},
            # vision.json carries each language of the site: a meeting is titled by its date.
            source_title=to_japanese(meeting.date) if translation.translating(self.env) else '',
            translations={language: (in_language(meeting.date, language), '')
                          for language in translation.other_languages(self.env)},
        )
        vision_domain(self.env).note_object(obj, (self.env.docname, self.lineno))
        return kind.key


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
            return [nothing_to_show()]
        default = labels.SCHEDULE_PLANNED_CAPTION if status == 'planned' else labels.SCHEDULE_CAPTION
        caption = self.options.get('caption', str(default))
        headers = [*labels.SCHEDULE_HEADERS, *(() if status else (labels.SCHEDULE_STATUS_HEADER,))]
        rows = [[self.date(step.date), self.title_cell(step),
                 *(() if status else (str(labels.STATUS[step.status]),))]
                for step in steps]
        widths = (25, 75) if status else (22, 62, 16)
        table = self.named(data_table(caption, headers, rows, widths,
                                      [[f'vision-meeting-{step.status}'] for step in steps]))
        see_through = has_watermark(self.config, builder_of(self.env).format)
        figure = diagram_node(timeline_source(steps, see_through=see_through,
                                              language=self.config.language),
                              caption=str(labels.TIMELINE_CAPTION).format(caption=caption),
                              alt=self.step_list(steps), location=(self.env.docname, self.lineno))
        return [*table, figure]

    def title_cell(self, step: Step) -> nodes.Element:
        """The step's title; a meeting's links to its row in the meetings table."""
        if step.meeting_id is None:
            return self.words.cell(step.title)
        return nodes.paragraph('', '', make_xref('meeting', step.meeting_id, self.env.docname,
                                                 text=step.title))

    def step_list(self, steps: Sequence[Step]) -> nodes.bullet_list:
        """The timeline as text: one item per step, 「令和5年9月7日　第5回…（予定）」."""
        items = nodes.bullet_list()
        for step in steps:
            text = str(labels.STEP_ITEM).format(date=self.date(step.date), title=step.title,
                                                status=labels.STATUS[step.status])
            items += nodes.list_item('', nodes.paragraph(text, text))
        return items


def setup(app: Sphinx) -> None:
    app.add_directive('roster', RosterDirective)
    app.add_directive('meetings', MeetingsDirective)
    app.add_directive('schedule-timeline', ScheduleTimelineDirective)
