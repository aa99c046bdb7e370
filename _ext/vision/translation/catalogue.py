"""A page's catalogue read as the translators left it, fuzzy entries included.

Sphinx compiles each ``.po`` to a ``.mo`` without its fuzzy entries, so by
itself a changed Japanese sentence falls back to Japanese without a word.
This module reads the ``.po`` with Babel to tell the cases apart: a message
is ``translated``, ``fuzzy`` (sphinx-intl marked it: the Japanese changed
since it was translated), ``stale`` (not in the catalogue yet, but the
catalogue holds a translation for the same place of the page: the Japanese
changed and ``make translations`` has not run) or ``untranslated``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATED = 'translated'
FUZZY = 'fuzzy'
STALE = 'stale'
UNTRANSLATED = 'untranslated'


@dataclass
class PageCatalogue:
    """The entries of one page's ``.po``: msgid -> (msgstr, fuzzy), and who sits where."""

    entries: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: (page file name, line) -> msgids translated there (from the ``#:`` comments).
    at_line: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def state(self, msgid: str, source: str | None = None, line: int | None = None) -> str:
        entry = self.entries.get(msgid)
        if entry is not None:
            msgstr, fuzzy = entry
            if not msgstr.strip():
                return UNTRANSLATED
            return FUZZY if fuzzy else TRANSLATED
        if source and line is not None:
            for other in self.at_line.get((Path(source).name, line), ()):
                msgstr, _fuzzy = self.entries[other]
                if msgstr.strip():
                    return STALE
        return UNTRANSLATED


_CACHE: dict[Path, tuple[float, PageCatalogue]] = {}


def po_path(locale_dir: Path, language: str, domain: str) -> Path:
    return locale_dir / language / 'LC_MESSAGES' / f'{domain}.po'


def read(path: Path) -> PageCatalogue:
    """The catalogue at ``path`` (empty if there is none), read once per change of the file."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return PageCatalogue()
    cached = _CACHE.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    page = PageCatalogue()
    with path.open('rb') as stream:
        catalog = read_po(stream)
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        msgstr = message.string if isinstance(message.string, str) else ''
        page.entries[message.id] = (msgstr, message.fuzzy)
        for filename, lineno in message.locations:
            if lineno is not None:
                page.at_line.setdefault((Path(filename).name, int(lineno)), []).append(message.id)
    _CACHE[path] = (mtime, page)
    return page
