"""The 新旧対照表's content: what changed between two ``vision.json`` exports.

Objects are matched by id (or, when renumbered, by title and text), the
committee's members by seat and its meetings by number. Each side of a match is a list of captioned lines (title, body,
the policy a goal belongs to ...); a match whose lines differ is a changed
row, with the changed words marked (:mod:`vision.editions.wording`). Rows
come in the vision's order: the theme, each policy followed by its goals,
then initiatives, indicators, opinions, meetings and members. Unchanged
matches are only counted.

Exports written before bodies and data were exported (format 1) have no
``body`` and no ``data``: the bodies and the members are then left out of the
comparison on both sides, so that they do not show as changes, and meetings
are read from the meeting objects.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import labels
from ..datafiles.committee import circled
from ..datafiles.era import to_japanese
from ..domain.model import sort_key
from ..object_types import ObjectTypes, registry_from
from .wording import Segment, mark_changes

ADDED, REMOVED, CHANGED = 'added', 'removed', 'changed'
#: The committee's members: a row kind of the data files, not an object type.
MEMBER = 'member'
MEMBER_LABEL = '委員'

#: Captions of the lines of a side, by what they hold.
CAPTIONS = {
    'title': str(labels.COLUMN_LABELS['title']),
    'body': str(labels.COLUMN_LABELS['text']),
    **{name: str(label) for name, label in labels.FIELD_LABELS.items()},
    'date': '開催日', 'status': '状況', 'topics': '主な議題',
    'group': '団体等', 'name': '氏名', 'member_title': '肩書',
}

Line = tuple[str, str]


@dataclass(frozen=True)
class Side:
    """One version of one item: its label, its lines and where it is shown."""

    label: str
    lines: tuple[Line, ...]
    url: str | None = None
    order: tuple = ()


@dataclass(frozen=True)
class MarkedLine:
    caption: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Row:
    kind: str
    key: str
    change: str
    label: str
    url: str | None
    #: None on the side where the item does not exist.
    new: tuple[MarkedLine, ...] | None
    old: tuple[MarkedLine, ...] | None
    #: The label before a renumbering (a goal moved to another policy).
    old_label: str = ''

    @property
    def renumbered(self) -> bool:
        return bool(self.old_label) and self.old_label != self.label


class Kinds:
    """Row kinds in the vision's order, from the registry: object types, then members."""

    def __init__(self, types: ObjectTypes) -> None:
        self.types = types
        self.order = (*types.keys, MEMBER)
        self.labels = {**{kind.key: kind.label for kind in types}, MEMBER: MEMBER_LABEL}
        meetings = types.for_data('meetings')
        #: The type made from the meetings' data (会議), compared by number.
        self.meeting = meetings.key if meetings is not None else ''

    def index(self, kind: str) -> int:
        return self.order.index(kind) if kind in self.order else len(self.order)

    def shown_with_text(self, kind: str) -> bool:
        return kind in self.types and self.types[kind].text_is_title

    def under_parent(self, kind: str) -> str:
        """The parent a kind is listed under (a goal under its policy), or ''."""
        record = self.types.get(kind)
        return record.parent if record is not None and record.compare_under_parent else ''


@dataclass
class Comparison:
    rows: list[Row] = field(default_factory=list)
    unchanged: Counter = field(default_factory=Counter)
    kind_order: tuple[str, ...] = ()
    kind_labels: dict[str, str] = field(default_factory=dict)

    def count(self, kind: str, change: str) -> int:
        return sum(1 for row in self.rows if row.kind == kind and row.change == change)

    def kinds(self) -> list[str]:
        """The kinds that occur on either side, in the vision's order."""
        present = {row.kind for row in self.rows} | set(self.unchanged)
        return [kind for kind in self.kind_order if kind in present]

    def label(self, kind: str) -> str:
        """What readers call a kind: 目指す姿, 委員."""
        return self.kind_labels.get(kind, kind)


def compare(old_export: dict[str, Any], new_export: dict[str, Any],
            types: ObjectTypes | None = None) -> Comparison:
    """The comparison of two exports of a plan of these types (the defaults if none)."""
    kinds = Kinds(types if types is not None else registry_from(None))
    exports = (old_export, new_export)
    with_body = all('body' in obj for export in exports for obj in export.get('objects', ()))
    with_members = all('members' in export.get('data', {}) for export in exports)
    old, new = (sides(export, kinds, with_body, with_members) for export in exports)
    renumbered = _renumbered(old, new, kinds)
    keys = (new.keys() | old.keys()) - set(renumbered.values())
    result = Comparison(kind_order=kinds.order, kind_labels=kinds.labels)
    for key in sorted(keys, key=lambda k: (new.get(k) or old[k]).order):
        kind = key.split(':', 1)[0]
        before, after = old.get(renumbered.get(key, key)), new.get(key)
        if before is not None and after is not None and before.lines == after.lines:
            result.unchanged[kind] += 1
        else:
            result.rows.append(_row(kind, key, before, after))
    return result


def _renumbered(old: dict[str, Side], new: dict[str, Side], kinds: Kinds) -> dict[str, str]:
    """New key -> old key of objects that only changed their number.

    A goal moved to another policy takes that policy's number (G1-2 becomes
    G2-3): an id that disappears and one that appears, of the same type, with
    the same title and text, are the same object, shown as one changed row.
    """
    gone = [key for key in old if key not in new]
    pairs: dict[str, str] = {}
    for key in (key for key in new if key not in old):
        identity = _identity(key, new[key], kinds)
        match = next((k for k in gone if identity and _identity(k, old[k], kinds) == identity),
                     None)
        if match is not None:
            pairs[key] = match
            gone.remove(match)
    return pairs


def _identity(key: str, side: Side, kinds: Kinds) -> tuple:
    """What an object is, whatever its number: its type, title and text."""
    kind = key.split(':', 1)[0]
    if kind in (kinds.meeting, MEMBER):
        return ()
    text = tuple(line for line in side.lines if line[0] in (CAPTIONS['title'], CAPTIONS['body']))
    return (kind, text) if text else ()


def _row(kind: str, key: str, old: Side | None, new: Side | None) -> Row:
    if old is None:
        assert new is not None
        return Row(kind, key, ADDED, new.label, new.url, _whole(new), None)
    if new is None:
        return Row(kind, key, REMOVED, old.label, None, None, _whole(old))
    new_lines, old_lines = dict(new.lines), dict(old.lines)
    new_marked, old_marked = [], []
    for caption in dict.fromkeys([*new_lines, *old_lines]):
        new_segments, old_segments = mark_changes(old_lines.get(caption, ''),
                                                  new_lines.get(caption, ''))
        if caption in new_lines:
            new_marked.append(MarkedLine(caption, tuple(new_segments)))
        if caption in old_lines:
            old_marked.append(MarkedLine(caption, tuple(old_segments)))
    return Row(kind, key, CHANGED, new.label, new.url, tuple(new_marked), tuple(old_marked),
               old.label)


def _whole(side: Side) -> tuple[MarkedLine, ...]:
    """An added or removed item: every word of it is changed."""
    return tuple(MarkedLine(caption, (Segment(text, True),)) for caption, text in side.lines)


# -- One export as sides, keyed by kind and id (or seat, or number) ----------------------

def sides(export: dict[str, Any], kinds: Kinds, with_body: bool = True,
          with_members: bool = True) -> dict[str, Side]:
    objects = {obj['id']: obj for obj in export.get('objects', ())}
    result: dict[str, Side] = {}
    for obj in objects.values():
        if obj['type'] in kinds.order and obj['type'] != kinds.meeting:
            result[f"{obj['type']}:{obj['id']}"] = _object_side(obj, objects, kinds, with_body)
    data = export.get('data', {})
    for meeting in data.get('meetings', _meetings_of(objects, kinds)) if kinds.meeting else ():
        result[f"{kinds.meeting}:{meeting['number']}"] = _meeting_side(meeting, objects, kinds)
    for member in data.get('members', ()) if with_members else ():
        result[f"{MEMBER}:{member['seat']}"] = _member_side(member, kinds)
    return result


def _meetings_of(objects: dict[str, dict], kinds: Kinds) -> list[dict]:
    """Meetings as the data lists them, from the meeting objects of a format 1 export."""
    prefix = len(kinds.types[kinds.meeting].prefix)
    return [{'number': int(obj['id'][prefix:]), 'date': obj['fields'].get('date', ''),
             'status': obj['fields'].get('status', ''), 'topics': obj['fields'].get('topics', '')}
            for obj in objects.values() if obj['type'] == kinds.meeting]


def _object_side(obj: dict, objects: dict[str, dict], kinds: Kinds, with_body: bool) -> Side:
    lines: list[Line] = []
    text_is_title = kinds.shown_with_text(obj['type'])
    if not text_is_title and obj['title']:
        lines.append((CAPTIONS['title'], obj['title']))
    if with_body and obj.get('body'):
        lines.append((CAPTIONS['body'], obj['body'].strip()))
    elif text_is_title:
        lines.append((CAPTIONS['body'], obj['title']))
    kind = kinds.types.get(obj['type'])
    for name, targets in obj['links'].items():
        target = kind.link_target(name) if kind is not None else None
        caption = kinds.labels[target] if target in kinds.labels else CAPTIONS.get(name, name)
        lines.append((caption, '、'.join(_reference(t, objects) for t in targets)))
    for name, value in obj['fields'].items():
        if kind is None or name != kind.mark_field:  # the mark is in the label: 基本的方針①
            lines.append((CAPTIONS.get(name, name), value))
    if obj['tags']:
        lines.append((CAPTIONS['tags'], '、'.join(obj['tags'])))
    return Side(obj['label'], tuple(lines), obj['url'], _object_order(obj, objects, kinds))


def _reference(target: str, objects: dict[str, dict]) -> str:
    """A link by its label only: a retitled goal is one row, not one per opinion."""
    obj = objects.get(target)
    return obj['label'] if obj is not None else target


def _object_order(obj: dict, objects: dict[str, dict], kinds: Kinds) -> tuple:
    """Goals sort under their policy, everything else by kind and natural id."""
    parent = kinds.under_parent(obj['type'])
    if parent:
        link = kinds.types[obj['type']].parent_link
        parent_id = (obj['links'].get(link) or [''])[0]
        return (kinds.index(parent), sort_key(parent_id), 1, sort_key(obj['id']))
    return (kinds.index(obj['type']), sort_key(obj['id']), 0, ())


def _meeting_side(meeting: dict, objects: dict[str, dict], kinds: Kinds) -> Side:
    number = meeting['number']
    kind = kinds.types[kinds.meeting]
    obj = objects.get(f'{kind.prefix}{number}')
    lines = [(CAPTIONS['date'], to_japanese(meeting['date']) if meeting['date'] else ''),
             (CAPTIONS['status'], str(labels.STATUS.get(meeting['status'], meeting['status'])))]
    if meeting['topics']:
        lines.append((CAPTIONS['topics'], meeting['topics']))
    label = kind.label_text(kind.number_text(str(number)))
    return Side(label, tuple(lines), obj['url'] if obj else None,
                (kinds.index(kinds.meeting), (number,), 0, ()))


def _member_side(member: dict, kinds: Kinds) -> Side:
    lines = [(CAPTIONS['group'], member['group']), (CAPTIONS['name'], member['name'])]
    if member['title']:
        lines.append((CAPTIONS['member_title'], member['title']))
    return Side(f"{MEMBER_LABEL}{circled(member['seat'])}", tuple(lines), None,
                (kinds.index(MEMBER), (member['seat'],), 0, ()))
