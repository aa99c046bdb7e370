"""An ``{include}`` that would include itself, directly or through other files.

MyST follows such an include until Python's recursion limit, and the build
ends in a ``RecursionError`` inside Sphinx's logging. Before a page is read,
its includes are followed on disk (as MyST will resolve them: relative to
the page's folder, ``/`` from the source folder); an include that leads back
to a file already being included gets a warning at its line, and when MyST
reads it, it includes nothing, so the build goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import blocks
from .findings import Finding

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Cycle:
    """The include at ``line`` of ``file`` that leads back to ``target``."""

    file: Path
    line: int
    target: Path

    def finding(self, srcdir: Path) -> Finding:
        return Finding(self.line, "this {include} of %r includes a file that includes this one "
                                  '(%s), so it would never end: it is left out; remove the '
                                  'include that closes the circle',
                       (self.target.name, ' → '.join(self.chain(srcdir))), 'include')

    def chain(self, srcdir: Path) -> tuple[str, ...]:
        return tuple(_relative(path, srcdir) for path in (self.file, self.target))


def includes(text: str, md: MarkdownIt) -> Iterator[tuple[int, str]]:
    """``(line, argument)`` of each ``{include}`` of a MyST text."""
    if 'include' not in text:  # most pages: no second parse of the page
        return
    for token in blocks.read(text, md).tokens:
        if token.type in ('colon_fence', 'fence') and token.map is not None \
                and blocks.directive_name(token) == 'include':
            argument = token.info.strip().partition('}')[2].strip()
            literal = any(line.startswith((':literal:', ':code:'))
                          for line in token.content.splitlines())
            if argument and not literal:  # a literal include is not read again
                yield token.map[0] + 1, argument


def cycles(page: Path, text: str, srcdir: Path, md: MarkdownIt) -> list[Cycle]:
    """Every include, reachable from ``page``, that closes a circle of includes."""
    found: list[Cycle] = []

    def follow(file: Path, file_text: str, open_files: tuple[Path, ...]) -> None:
        for line, argument in includes(file_text, md):
            target = _resolve(argument, page.parent, srcdir)
            if target in open_files:
                found.append(Cycle(file, line, target))
            elif target.is_file() and len(open_files) < 20:
                try:
                    target_text = target.read_text(encoding='utf-8')
                except (OSError, UnicodeDecodeError):
                    continue  # MyST reports the file it cannot read
                follow(target, target_text, (*open_files, target))

    follow(page.resolve(), text, (page.resolve(),))
    return found


def _resolve(argument: str, folder: Path, srcdir: Path) -> Path:
    base = srcdir if argument.startswith('/') else folder
    return (base / argument.lstrip('/')).resolve()


def _relative(path: Path, srcdir: Path) -> str:
    try:
        return path.relative_to(srcdir.resolve()).as_posix()
    except ValueError:
        return str(path)
