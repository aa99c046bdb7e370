"""``make new TYPE=initiative GOAL=G1-1``: add a numbered object to the right page.

TYPE is a type of the project's registry (``vision_object_types`` in
``conf.py`` over :mod:`vision.type_defaults`) that has a parent and a
one-number id: by default ``initiative``, ``indicator`` or ``opinion``; GOAL
names its parent (a goal, by default). The new object gets the
next free number of its type (``I3`` after ``I1`` and ``I2``), its required
options (``:goals:`` and, except for opinions, ``:title:``) and a placeholder
for the editor to replace:

- an initiative or indicator goes to the page of its goal, after the goal and
  the initiatives and indicators already placed after it;
- an opinion goes after the last opinion, on the opinions' page.

Optional: ``TITLE='…'`` sets the title, written exactly as given. The sources
are scanned as text (the same ``:::{type} id`` lines editors write), so this
works even while the project has other problems; ``make check`` afterwards
validates everything.

A missing or wrong TYPE or GOAL is named, with the values that would be
accepted. Where the reading is certain (a full-width ``Ｇ１-１``, ``g1-1``)
the value is taken in its ASCII form, and the tool says so.

Usage: python tools/new_object.py [--docs DIR] [--] TYPE GOAL [TITLE]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / '_ext'))
from vision.domain.object_checks import ascii_form, unpadded  # noqa: E402
from vision.messages import translated  # noqa: E402
from vision.object_types import ObjectType, ObjectTypes, registry_from  # noqa: E402

_OPEN = re.compile(r'^(?P<fence>:{3,})\{(?:vision:)?(?P<type>[a-z_]+)\}\s*(?P<id>\S*)\s*$')
_OPTION = re.compile(r'^:(?P<name>[a-z_]+):\s*(?P<ids>.*)$')
#: Between the ids of GOAL=G1-1,G1-2 (also the ideographic and full-width commas).
_GOAL_SEPARATOR = re.compile(r'[,、，\s]+')


def load_types(docs: Path) -> ObjectTypes:
    """The project's object types: ``vision_object_types`` of the ``conf.py`` in or above ``docs``."""
    from sphinx.config import eval_config_file  # noqa: PLC0415
    from sphinx.util.tags import Tags  # noqa: PLC0415

    for conf in (docs / 'conf.py', docs.parent / 'conf.py'):
        if conf.is_file():
            return registry_from(eval_config_file(conf.resolve(), Tags())
                                 .get('vision_object_types'))
    return registry_from(None)


def addable(types: ObjectTypes) -> dict[str, ObjectType]:
    """The types ``make new`` adds: under a parent, numbered by one number (I3)."""
    return {kind.key: kind for kind in types.written
            if kind.parent_link and kind.is_valid_id(f'{kind.prefix}1')}


@dataclass
class Block:
    """One object directive in a page: its type, id, options' ids and lines (0-based, end exclusive)."""

    path: Path
    objtype: str
    id: str
    options: dict[str, tuple[str, ...]]
    start: int
    end: int


def blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding='utf-8').splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        match = _OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        end, options = index + 1, {}
        while end < len(lines) and lines[end].strip() != match['fence']:
            if option := _OPTION.match(lines[end]):
                options[option['name']] = tuple(re.split(r'[,\s]+', option['ids'].strip()))
            end += 1
        found.append(Block(path, match['type'], match['id'], options, index,
                           min(end + 1, len(lines))))
        index = end + 1
    return found


def next_id(kind: ObjectType, existing: list[Block]) -> str:
    numbers = [int(m[1]) for block in existing if block.objtype == kind.key
               if (m := re.match(rf'{re.escape(kind.prefix)}([0-9]+)', block.id))]
    return f'{kind.prefix}{max(numbers, default=0) + 1}'


def directive(kind: ObjectType, object_id: str, goals: list[str], title: str | None) -> list[str]:
    lines = [f':::{{{kind.key}}} {object_id}', f':{kind.parent_link}: {", ".join(goals)}']
    if kind.text_is_title:
        lines.append(translated("(write the %s's words)", kind.label))
    else:
        lines.append(f':title: {title or translated("(write the name)")}')
        lines.append(translated("(write the %s's text; delete this line if it needs none)", kind.label))
    return [*lines, ':::']


def place(kind: ObjectType, types: ObjectTypes, goal: str,
          existing: list[Block]) -> tuple[Path, int] | str:
    """(page, line index to insert before), or the reason there is no place."""
    parent = types[kind.parent]
    goals = [block for block in existing if block.objtype == parent.key and block.id == goal]
    if not goals:
        return translated('there is no %s %s (no :::{%s} %s in docs/)', parent.label, goal, parent.key, goal)
    if kind.text_is_title:  # after the last one, on their page (the opinions)
        same = [block for block in existing if block.objtype == kind.key]
        if not same:
            return translated('there is no page of %s (no :::{%s} in docs/)', kind.label, kind.key)
        last = max(same, key=lambda b: (b.path, b.start))
        return last.path, last.end
    # After the parent and the objects of its other child types already placed after it.
    siblings = {child.key: child.parent_link for child in types.children(parent.key)
                if not child.text_is_title}
    page = goals[0].path
    after = [block for block in existing if block.path == page
             and (block is goals[0] or (block.objtype in siblings
                                        and goal in block.options.get(siblings[block.objtype], ())))]
    return page, max(block.end for block in after)


def scan(docs: Path) -> list[Block]:
    return [block for path in sorted(docs.rglob('*.md')) for block in blocks(path)]


def accepted_goals(existing: list[Block], parent: ObjectType) -> str:
    ids = sorted({block.id for block in existing if block.objtype == parent.key},
                 key=lambda i: [int(n) if n.isdigit() else n for n in re.split(r'([0-9]+)', i)])
    return ', '.join(ids) or translated('(there is no %s in docs/)', parent.label)


class ArgumentProblem(Exception):
    """A missing or wrong argument; the message names it and what would be accepted."""


def read_type(raw: str, types: ObjectTypes) -> tuple[str, str | None]:
    """The object type, and a note if it was read from another form."""
    kinds = addable(types)
    accepted = ', '.join(sorted(kinds))
    objtype = ascii_form(raw).lower()
    if not objtype:
        raise ArgumentProblem(translated('no TYPE: give the type to add as TYPE=%s (types: %s)',
                                         next(iter(kinds), ''), accepted))
    if objtype not in kinds:
        raise ArgumentProblem(translated('TYPE=%s cannot be used (types: %s)', raw, accepted))
    return objtype, (translated('read TYPE=%s as %s', raw, objtype) if objtype != raw else None)


def _goal_id(text: str, parent: ObjectType) -> str:
    """``Ｇ１-１``, ``g1-1``, ``G01-1`` -> ``G1-1``: readings that are certain."""
    goal = unpadded(ascii_form(text))
    certain = not parent.is_valid_id(goal) and parent.is_valid_id(goal.upper())
    return goal.upper() if certain else goal


def read_goals(raw: str, existing: list[Block], parent: ObjectType) -> tuple[list[str], str | None]:
    """The parent ids in ASCII (``GOAL=G1-1,G1-2`` gives two), and a note if one was changed."""
    typed = [part for part in _GOAL_SEPARATOR.split(raw.strip()) if part]
    goals = [_goal_id(part, parent) for part in typed]
    accepted = accepted_goals(existing, parent)
    if not goals:
        raise ArgumentProblem(translated('no GOAL: give the %s to add it to as GOAL=%s (%s: %s)',
                                         parent.label, parent.id_example, parent.label, accepted))
    known = {block.id for block in existing if block.objtype == parent.key}
    unknown = [goal for goal in goals if goal not in known]
    if unknown:
        raise ArgumentProblem(translated('there is no %s %s (no :::{%s} %s in docs/); %s: %s',
                                         parent.label, ', '.join(unknown), parent.key, unknown[0],
                                         parent.label, accepted))
    changed = goals != typed
    return goals, (translated('read GOAL=%s as %s', raw, ', '.join(goals)) if changed else None)


def read_title(raw: str | None) -> str | None:
    if raw is not None and ('\n' in raw or '\r' in raw):
        raise ArgumentProblem(translated('TITLE cannot hold a line break (give the title on one line)'))
    return raw or None


def add(docs: Path, objtype: str, goals: list[str], title: str | None,
        types: ObjectTypes | None = None) -> str:
    """Add the object; an initiative or indicator of several goals goes under the first."""
    types = types if types is not None else load_types(docs)
    kind = types[objtype]
    existing = scan(docs)
    where = place(kind, types, goals[0], existing)
    if isinstance(where, str):
        raise SystemExit(translated('make new: %s', where))
    page, at = where
    object_id = next_id(kind, existing)
    lines = page.read_text(encoding='utf-8').splitlines()
    new = ['', *directive(kind, object_id, goals, title)]
    if at < len(lines) and lines[at].strip():
        new.append('')
    lines[at:at] = new
    page.write_text('\n'.join(lines) + '\n', encoding='utf-8')
    return translated('%s:%d: added %s %s (%s); replace the placeholder text and check it with make check.',
                      str(page), at + 2, kind.label, object_id, ', '.join(goals))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog='make new', description=__doc__.splitlines()[0])
    parser.add_argument('type', nargs='?', default='')
    parser.add_argument('parent', metavar='GOAL', nargs='?', default='')
    parser.add_argument('title', nargs='?')
    parser.add_argument('--docs', type=Path, default=Path('docs'))
    args = parser.parse_args(argv)
    types = load_types(args.docs)
    try:
        objtype, type_note = read_type(args.type, types)
        goals, goal_note = read_goals(args.parent, scan(args.docs), types[types[objtype].parent])
        title = read_title(args.title)
    except ArgumentProblem as problem:
        print(translated('make new: %s', problem), file=sys.stderr)
        return 1
    for note in (type_note, goal_note):
        if note:
            print(translated('make new: %s', note))
    print(add(args.docs, objtype, goals, title, types))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
