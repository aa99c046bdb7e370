"""Each page's translation status: translated, fuzzy and untranslated messages.

``python -m vision.translation.status locales/en/LC_MESSAGES`` prints one
line per page catalogue and a total (``make translations``); :func:`problems`
gives the pages with fuzzy messages for ``make check``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po


@dataclass(frozen=True)
class PageStatus:
    page: str
    translated: int
    fuzzy: int
    untranslated: int


def page_status(path: Path, root: Path) -> PageStatus:
    with path.open('rb') as stream:
        catalog = read_po(stream)
    translated = fuzzy = untranslated = 0
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy += 1
        elif message.string:
            translated += 1
        else:
            untranslated += 1
    return PageStatus(path.relative_to(root).with_suffix('').as_posix(), translated, fuzzy, untranslated)


def statuses(root: Path) -> list[PageStatus]:
    return [page_status(path, root) for path in sorted(root.rglob('*.po'))]


def report(root: Path) -> str:
    rows = statuses(root)
    width = max((len(row.page) for row in rows), default=4)
    lines = [f'{"page":<{width}}  translated  fuzzy  untranslated']
    for row in rows:
        lines.append(f'{row.page:<{width}}  {row.translated:>10}  {row.fuzzy:>5}  {row.untranslated:>12}')
    total = PageStatus('total', *(sum(getattr(row, name) for row in rows)
                                  for name in ('translated', 'fuzzy', 'untranslated')))
    lines.append(f'{total.page:<{width}}  {total.translated:>10}  {total.fuzzy:>5}  {total.untranslated:>12}')
    return '\n'.join(lines)


if __name__ == '__main__':
    print(report(Path(sys.argv[1] if len(sys.argv) > 1 else 'locales/en/LC_MESSAGES')))
