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
from .wording import Segment, mark_changes

ADDED, REMOVED, CHANGED = 'added', 'removed', 'changed'

#: Row kinds in the vision's order: object types, then the data files' entries.
KINDS = ('theme', 'policy', 'goal', 'initiative', 'indicator', 'opinion', 'meeting', 'member')
KIND_LABELS = {**{kind: str(labels.TYPE_LABELS[kind]) for kind in KINDS[:-1]}, 'member': '委員'}

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


@dataclass
class Comparison:
    rows: list[Row] = field(default_factory=list)
    unchanged: Counter = field(default_factory=Counter)

    def count(self, kind: str, change: str) -> int:
        return sum(1 for row in self.rows if row.kind == kind and row.change == change)

    def kinds(self) -> list[str]:
        """The kinds that occur on either side, in the vision's order."""
        present = {row.kind for row in self.rows} | set(self.unchanged)
        return [kind for kind in KINDS if kind in present]


def compare(old_export: dict[str, Any], new_export: dict[str, Any]) -> Comparison:
    exports = (old_export, new_export)
    with_body = all('body' in obj for export in exports for obj in export.get('objects', ()))
    with_members = all('members' in export.get('data', {}) for export in exports)
    old, new = (sides(export, with_body, with_members) for export in exports)
    renumbered = _renumbered(old, new)
    keys = (new.keys() | old.keys()) - set(renumbered.values())
    result = Comparison()
    for key in sorted(keys, key=lambda k: (new.get(k) or old[k]).order):
        kind = key.split(':', 1)[0]
        before, after = old.get(renumbered.get(key, key)), new.get(key)
        if before is not None and after is not None and before.lines == after.lines:
            result.unchanged[kind] += 1
        else:
            result.rows.append(_row(kind, key, before, after))
    return result


def _renumbered(old: dict[str, Side], new: dict[str, Side]) -> dict[str, str]:
    """New key -> old key of objects that only changed their number.

    A goal moved to another policy takes that policy's number (G1-2 becomes
    G2-3): an id that disappears and one that appears, of the same type, with
    the same title and text, are the same object, shown as one changed row.
    """
    gone = [key for key in old if key not in new]
    pairs: dict[str, str] = {}
    for key in (key for key in new if key not in old):
        identity = _identity(key, new[key])
        match = next((k for k in gone if identity and _identity(k, old[k]) == identity), None)
        if match is not None:
            pairs[key] = match
            gone.remove(match)
    return pairs


def _identity(key: str, side: Side) -> tuple:
    """What an object is, whatever its number: its type, title and text."""
    kind = key.split(':', 1)[0]
    if kind in ('meeting', 'member'):
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

def sides(export: dict[str, Any], with_body: bool = True,
          with_members: bool = True) -> dict[str, Side]:
    objects = {obj['id']: obj for obj in export.get('objects', ())}
    result: dict[str, Side] = {}
    for obj in objects.values():
        if obj['type'] in KINDS and obj['type'] != 'meeting':
            result[f"{obj['type']}:{obj['id']}"] = _object_side(obj, objects, with_body)
    data = export.get('data', {})
    for meeting in data.get('meetings', _meetings_of(objects)):
        result[f"meeting:{meeting['number']}"] = _meeting_side(meeting, objects)
    for member in data.get('members', ()) if with_members else ():
        result[f"member:{member['seat']}"] = _member_side(member)
    return result


def _meetings_of(objects: dict[str, dict]) -> list[dict]:
    """Meetings as the data lists them, from the meeting objects of a format 1 export."""
    return [{'number': int(obj['id'][1:]), 'date': obj['fields'].get('date', ''),
             'status': obj['fields'].get('status', ''), 'topics': obj['fields'].get('topics', '')}
            for obj in objects.values() if obj['type'] == 'meeting']


def _object_side(obj: dict, objects: dict[str, dict], with_body: bool) -> Side:
    lines: list[Line] = []
    if obj['type'] != 'opinion' and obj['title']:
        lines.append((CAPTIONS['title'], obj['title']))
    if with_body and obj.get('body'):
        lines.append((CAPTIONS['body'], obj['body'].strip()))
    elif obj['type'] == 'opinion':
        lines.append((CAPTIONS['body'], obj['title']))
    for name, targets in obj['links'].items():
        lines.append((CAPTIONS.get(name, name), '、'.join(_reference(t, objects) for t in targets)))
    for name, value in obj['fields'].items():
        if name != 'mark':  # shown in the label: 基本的方針①
            lines.append((CAPTIONS.get(name, name), value))
    if obj['tags']:
        lines.append((CAPTIONS['tags'], '、'.join(obj['tags'])))
    return Side(obj['label'], tuple(lines), obj['url'], _object_order(obj, objects))


def _reference(target: str, objects: dict[str, dict]) -> str:
    """A link by its label only: a retitled goal is one row, not one per opinion."""
    obj = objects.get(target)
    return obj['label'] if obj is not None else target


def _object_order(obj: dict, objects: dict[str, dict]) -> tuple:
    """Goals sort under their policy, everything else by kind and natural id."""
    kind = KINDS.index(obj['type'])
    if obj['type'] == 'goal':
        policy = (obj['links'].get('policy') or [''])[0]
        return (KINDS.index('policy'), sort_key(policy), 1, sort_key(obj['id']))
    return (kind, sort_key(obj['id']), 0, ())


def _meeting_side(meeting: dict, objects: dict[str, dict]) -> Side:
    number = meeting['number']
    obj = objects.get(f'M{number}')
    lines = [(CAPTIONS['date'], to_japanese(meeting['date']) if meeting['date'] else ''),
             (CAPTIONS['status'], str(labels.STATUS.get(meeting['status'], meeting['status'])))]
    if meeting['topics']:
        lines.append((CAPTIONS['topics'], meeting['topics']))
    label = str(labels.MEETING_NUMBER).format(number=number) + KIND_LABELS['meeting']
    return Side(label, tuple(lines), obj['url'] if obj else None,
                (KINDS.index('meeting'), (number,), 0, ()))


def _member_side(member: dict) -> Side:
    lines = [(CAPTIONS['group'], member['group']), (CAPTIONS['name'], member['name'])]
    if member['title']:
        lines.append((CAPTIONS['member_title'], member['title']))
    return Side(f"{KIND_LABELS['member']}{circled(member['seat'])}", tuple(lines), None,
                (KINDS.index('member'), (member['seat'],), 0, ()))
