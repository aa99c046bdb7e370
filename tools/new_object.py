"""``make new TYPE=initiative GOAL=G1-1``: add a numbered object to the right page.

TYPE is ``initiative``, ``indicator`` or ``opinion``. The new object gets the
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

PREFIX = {'initiative': 'I', 'indicator': 'K', 'opinion': 'O'}
NAME = {'initiative': '取組', 'indicator': '指標', 'opinion': '意見'}
_OPEN = re.compile(r'^(?P<fence>:{3,})\{(?:vision:)?(?P<type>[a-z]+)\}\s*(?P<id>\S*)\s*$')
_GOALS = re.compile(r'^:goals:\s*(?P<ids>.*)$')
#: Between the ids of GOAL=G1-1,G1-2 (also the ideographic and full-width commas).
_GOAL_SEPARATOR = re.compile(r'[,、，\s]+')


@dataclass
class Block:
    """One object directive in a page: its type, id, goals and lines (0-based, end exclusive)."""

    path: Path
    objtype: str
    id: str
    goals: tuple[str, ...]
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
        end, goals = index + 1, ()
        while end < len(lines) and lines[end].strip() != match['fence']:
            if goal_match := _GOALS.match(lines[end]):
                goals = tuple(re.split(r'[,\s]+', goal_match['ids'].strip()))
            end += 1
        found.append(Block(path, match['type'], match['id'], goals, index, min(end + 1, len(lines))))
        index = end + 1
    return found


def next_id(objtype: str, existing: list[Block]) -> str:
    prefix = PREFIX[objtype]
    numbers = [int(m[1]) for block in existing if block.objtype == objtype
               if (m := re.match(rf'{prefix}([0-9]+)', block.id))]
    return f'{prefix}{max(numbers, default=0) + 1}'


def directive(objtype: str, object_id: str, goals: list[str], title: str | None) -> list[str]:
    lines = [f':::{{{objtype}}} {object_id}', f':goals: {", ".join(goals)}']
    if objtype == 'opinion':
        lines.append('（意見の文言を書く）')
    else:
        lines.append(f':title: {title or "（名称を書く）"}')
        lines.append(f'（{NAME[objtype]}の内容を書く。不要ならこの行を消す）')
    return [*lines, ':::']


def place(objtype: str, goal: str, existing: list[Block]) -> tuple[Path, int] | str:
    """(page, line index to insert before), or the reason there is no place."""
    goals = [block for block in existing if block.objtype == 'goal' and block.id == goal]
    if not goals:
        return f'目指す姿 {goal} がありません（docs/ に :::{{goal}} {goal} がない）'
    if objtype == 'opinion':
        opinions = [block for block in existing if block.objtype == 'opinion']
        if not opinions:
            return '意見のページがありません（docs/ に :::{opinion} がない）'
        last = max(opinions, key=lambda b: (b.path, b.start))
        return last.path, last.end
    page = goals[0].path
    after = [block for block in existing if block.path == page
             and (block is goals[0] or (block.objtype in ('initiative', 'indicator')
                                        and goal in block.goals))]
    return page, max(block.end for block in after)


def scan(docs: Path) -> list[Block]:
    return [block for path in sorted(docs.rglob('*.md')) for block in blocks(path)]


def accepted_goals(existing: list[Block]) -> str:
    ids = sorted({block.id for block in existing if block.objtype == 'goal'},
                 key=lambda i: [int(n) if n.isdigit() else n for n in re.split(r'([0-9]+)', i)])
    return ', '.join(ids) or '（docs/ に目指す姿がありません）'


class ArgumentProblem(Exception):
    """A missing or wrong argument; the message names it and what would be accepted."""


def read_type(raw: str) -> tuple[str, str | None]:
    """The object type, and a note if it was read from another form."""
    accepted = ', '.join(sorted(PREFIX))
    objtype = ascii_form(raw).lower()
    if not objtype:
        raise ArgumentProblem(f'TYPE がありません。追加する種類を TYPE=initiative のように'
                              f'指定してください（使える種類：{accepted}）')
    if objtype not in PREFIX:
        raise ArgumentProblem(f'TYPE={raw} は使えません（使える種類：{accepted}）')
    return objtype, (f'TYPE={raw} を {objtype} として読みました' if objtype != raw else None)


def _goal_id(text: str) -> str:
    """``Ｇ１-１``, ``g1-1``, ``G01-1`` -> ``G1-1``: readings that are certain."""
    goal = unpadded(ascii_form(text))
    return goal.upper() if re.fullmatch(r'g[0-9]+-[0-9]+', goal) else goal


def read_goals(raw: str, existing: list[Block]) -> tuple[list[str], str | None]:
    """The goal ids in ASCII (``GOAL=G1-1,G1-2`` gives two), and a note if one was changed."""
    typed = [part for part in _GOAL_SEPARATOR.split(raw.strip()) if part]
    goals = [_goal_id(part) for part in typed]
    if not goals:
        raise ArgumentProblem('GOAL がありません。どの目指す姿に加えるかを GOAL=G1-1 のように'
                              f'指定してください（指定できる目指す姿：{accepted_goals(existing)}）')
    known = {block.id for block in existing if block.objtype == 'goal'}
    unknown = [goal for goal in goals if goal not in known]
    if unknown:
        raise ArgumentProblem(f'目指す姿 {", ".join(unknown)} がありません（docs/ に '
                              f':::{{goal}} {unknown[0]} がない）。'
                              f'指定できる目指す姿：{accepted_goals(existing)}')
    changed = goals != typed
    return goals, (f'GOAL={raw} を {", ".join(goals)} として読みました' if changed else None)


def read_title(raw: str | None) -> str | None:
    if raw is not None and ('\n' in raw or '\r' in raw):
        raise ArgumentProblem('TITLE に改行は書けません（題名は1行で指定してください）')
    return raw or None


def add(docs: Path, objtype: str, goals: list[str], title: str | None) -> str:
    """Add the object; an initiative or indicator of several goals goes under the first."""
    existing = scan(docs)
    where = place(objtype, goals[0], existing)
    if isinstance(where, str):
        raise SystemExit(f'make new: {where}')
    page, at = where
    object_id = next_id(objtype, existing)
    lines = page.read_text(encoding='utf-8').splitlines()
    new = ['', *directive(objtype, object_id, goals, title)]
    if at < len(lines) and lines[at].strip():
        new.append('')
    lines[at:at] = new
    page.write_text('\n'.join(lines) + '\n', encoding='utf-8')
    return f'{page}:{at + 2}: {NAME[objtype]} {object_id} を追加しました（{", ".join(goals)}）。' \
           '仮の文言を書き換え、make check で確かめてください。'


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog='make new', description=__doc__.splitlines()[0])
    parser.add_argument('type', nargs='?', default='')
    parser.add_argument('goal', nargs='?', default='')
    parser.add_argument('title', nargs='?')
    parser.add_argument('--docs', type=Path, default=Path('docs'))
    args = parser.parse_args(argv)
    try:
        objtype, type_note = read_type(args.type)
        goals, goal_note = read_goals(args.goal, scan(args.docs))
        title = read_title(args.title)
    except ArgumentProblem as problem:
        print(f'make new: {problem}', file=sys.stderr)
        return 1
    for note in (type_note, goal_note):
        if note:
            print(f'make new: {note}')
    print(add(args.docs, objtype, goals, title))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
