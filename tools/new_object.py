"""``make new TYPE=initiative GOAL=G1-1``: add a numbered object to the right page.

TYPE is ``initiative``, ``indicator`` or ``opinion``. The new object gets the
next free number of its type (``I3`` after ``I1`` and ``I2``), its required
options (``:goals:`` and, except for opinions, ``:title:``) and a placeholder
for the editor to replace:

- an initiative or indicator goes to the page of its goal, after the goal and
  the initiatives and indicators already placed after it;
- an opinion goes after the last opinion, on the opinions' page.

Optional: ``TITLE='…'`` sets the title. The sources are scanned as text (the
same ``:::{type} id`` lines editors write), so this works even while the
project has other problems; ``make check`` afterwards validates everything.

Usage: python tools/new_object.py TYPE GOAL [TITLE] [--docs DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PREFIX = {'initiative': 'I', 'indicator': 'K', 'opinion': 'O'}
NAME = {'initiative': '取組', 'indicator': '指標', 'opinion': '意見'}
_OPEN = re.compile(r'^(?P<fence>:{3,})\{(?:vision:)?(?P<type>[a-z]+)\}\s*(?P<id>\S*)\s*$')
_GOALS = re.compile(r'^:goals:\s*(?P<ids>.*)$')


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


def directive(objtype: str, object_id: str, goal: str, title: str | None) -> list[str]:
    lines = [f':::{{{objtype}}} {object_id}', f':goals: {goal}']
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


def add(docs: Path, objtype: str, goal: str, title: str | None) -> str:
    existing = [block for path in sorted(docs.rglob('*.md')) for block in blocks(path)]
    where = place(objtype, goal, existing)
    if isinstance(where, str):
        raise SystemExit(f'make new: {where}')
    page, at = where
    object_id = next_id(objtype, existing)
    lines = page.read_text(encoding='utf-8').splitlines()
    new = ['', *directive(objtype, object_id, goal, title)]
    if at < len(lines) and lines[at].strip():
        new.append('')
    lines[at:at] = new
    page.write_text('\n'.join(lines) + '\n', encoding='utf-8')
    return f'{page}:{at + 2}: {NAME[objtype]} {object_id} を追加しました（{goal}）。' \
           '仮の文言を書き換え、make check で確かめてください。'


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('type', choices=sorted(PREFIX))
    parser.add_argument('goal')
    parser.add_argument('title', nargs='?')
    parser.add_argument('--docs', type=Path, default=Path('docs'))
    args = parser.parse_args(argv)
    print(add(args.docs, args.type, args.goal.strip(), args.title or None))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
