"""Readings as ruby: which part of a written form each part of its reading belongs to.

A word's reading covers the whole word (目指す: めざす); ruby goes over the
kanji only, its kana stay as they are (目指[めざ]す). :func:`pieces` splits
the reading at the word's kana; a word whose reading does not fit its kana
(figures, Latin letters, a reading that is wrong for it) gets no ruby.

:func:`ruby_table` makes the site's table: each written form with kanji, with
the reading the analyser gave it most often on the site's pages, except where
the readings file (``data/readings.yaml``) gives one, which wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

_KANJI = '\u3005\u3006\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff'
_KANJI_RUN = re.compile(f'[{_KANJI}]+')
_KATAKANA = re.compile(r'[\u30a1-\u30f6]')
_KANA = re.compile(r'^[\u3041-\u3096\u30fc]+$')
_FIGURES = re.compile(r'^[0-9０-９]+$')

#: A written form's ruby: plain text, or [base, reading] over it.
Piece = str | list[str]


def hiragana(text: str) -> str:
    return _KATAKANA.sub(lambda m: chr(ord(m[0]) - 0x60), text)


def pieces(written: str, reading: str) -> list[Piece] | None:
    """The written form in parts, each run of kanji with its part of the reading.

    ``None`` when the reading does not fit the written form's kana.
    A day with its number (7日: なのか) is read as a whole.
    """
    reading = hiragana(reading)
    if not _KANA.match(reading) or not _KANJI_RUN.search(written):
        return None
    parts = re.split(f'([{_KANJI}]+)', written)
    if len(parts) == 3 and _FIGURES.match(parts[0]) and not parts[2]:
        return [[written, reading]]  # 7日, 2人: the number's reading is in the word's
    pattern = ''.join('(.+?)' if index % 2 else re.escape(hiragana(part))
                      for index, part in enumerate(parts))
    found = re.fullmatch(pattern, reading)
    if found is None:
        return None
    result: list[Piece] = []
    for index, part in enumerate(parts):
        if not part:
            continue
        result.append([part, found.group((index + 1) // 2)] if index % 2 else part)
    return result


def ruby_table(pages: Iterable[Counter[tuple[str, str]]],
               corrections: Mapping[str, str]) -> dict[str, list[Piece]]:
    """Written form -> its ruby, for every word with kanji of the pages.

    Each word's reading is the one the analyser gave it most often (then the
    first in kana order); the readings file's terms are added and replace the
    analyser's reading of the same written form.
    """
    counts: dict[str, Counter[str]] = {}
    for page in pages:
        for (written, reading), count in page.items():
            counts.setdefault(written, Counter())[reading] += count
    table: dict[str, list[Piece]] = {}
    for written, readings in counts.items():
        reading = min(readings, key=lambda r: (-readings[r], r))
        found = pieces(written, reading)
        if found is not None:
            table[written] = found
    for written, reading in corrections.items():
        found = pieces(written, reading)
        if found is not None:
            table[written] = found
    return dict(sorted(table.items()))
