"""Changed words between two versions of a Japanese text, for the 新旧対照表.

The print office underlines whole words (傍線), never single characters:
継続的 → 持続的 marks 持続的, not 持. Japanese has no spaces, so the texts are
cut into words by SudachiPy (split mode C, the longest units, with the core
dictionary) and the two word sequences are compared with :mod:`difflib`.

Chosen by measurement (seven edits of the vision's own sentences):
SudachiPy C kept 継続的/持続的 and 協働性 whole; SudachiPy A and fugashi with
unidic-lite cut 持続|的, leaving 的 unmarked; BudouX's phrases mark too much
(定着し発展する for 成長 → 発展). Speed is no concern: all three cut the 13,000
characters of the opinions in under 0.1 s.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sudachipy import Tokenizer

#: Sudachi refuses inputs over about 49 KB; texts are cut at sentence ends first.
_SENTENCE_END = re.compile(r'(?<=[。\n])')
#: Sudachi cuts numbers digit by digit (29 is 2|9); a number and the counter
#: after it are one word here, so 5月29日 → 6月12日 marks 6月 and 12日 whole.
_NUMBER = re.compile(r'[0-9０-９]+(?:[.,．，][0-9０-９]*)*')
_COUNTERS = frozenset('年月日回件人円歳度％%')


class Segment(NamedTuple):
    """A run of text, and whether it differs from the other version."""

    text: str
    changed: bool


@cache
def _tokenizer() -> Tokenizer:
    from sudachipy import Dictionary, SplitMode  # noqa: PLC0415 (loads a 200 MB dictionary)

    # Only the surface is read: no part-of-speech or reading fields.
    return Dictionary(dict='core').tokenizer(SplitMode.C, fields=set())


def words(text: str) -> list[str]:
    """``text`` cut into words; joined again they give ``text`` back."""
    tokenizer = _tokenizer()
    result: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if sentence:
            for morpheme in tokenizer.tokenize(sentence):
                _add_word(result, morpheme.surface())
    return result


def _add_word(result: list[str], word: str) -> None:
    """Append ``word``, joining digits to a number and a counter to its number."""
    if result and _NUMBER.fullmatch(result[-1]) and (
            _NUMBER.fullmatch(result[-1] + word) or word in _COUNTERS):
        result[-1] += word
    else:
        result.append(word)


def mark_changes(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """The new and the old text as segments, changed words marked on both sides."""
    old_words, new_words = words(old), words(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    old_segments: list[Segment] = []
    new_segments: list[Segment] = []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        changed = operation != 'equal'
        _append(old_segments, ''.join(old_words[old_start:old_end]), changed)
        _append(new_segments, ''.join(new_words[new_start:new_end]), changed)
    return _bridge_spaces(new_segments), _bridge_spaces(old_segments)


def _bridge_spaces(segments: list[Segment]) -> list[Segment]:
    """A space between two changed words is underlined too: 佐藤 次郎 is one mark."""
    result: list[Segment] = []
    for index, segment in enumerate(segments):
        inside = 0 < index < len(segments) - 1 and not segment.text.strip()
        _append(result, segment.text, segment.changed or inside)
    return result


def _append(segments: list[Segment], text: str, changed: bool) -> None:
    if not text:
        return
    if segments and segments[-1].changed == changed:
        segments[-1] = Segment(segments[-1].text + text, changed)
    else:
        segments.append(Segment(text, changed))
