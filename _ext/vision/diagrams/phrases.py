"""Japanese diagram labels that break only between phrases (文節), for HTML and PDF alike.

Japanese has no spaces, so a browser breaks a label between any two
characters: 「ソーシ/ャル」, 「世田/谷区」, or one character alone on a line.
Here BudouX (Google's phrase segmenter, a small model trained on Japanese
text) finds the phrases, and each label is written as its phrases joined by
``<wbr>``; the diagrams' CSS (``word-break: keep-all``, see
:mod:`vision.diagrams`) then lets the browser break a line only there. Both
editions draw their diagrams in Chromium from the same labels, so the HTML's
inline SVG and the PDF's figures break the same way.

BudouX's boundaries are refined: a phrase may also break where a katakana
word meets a kanji word (エシカル/消費の), and five rules of Japanese
typesetting and of this document's vocabulary hold:

- no break between two kanji: a compound (条例, 基本的方針1) stays whole;
- no phrase starts with a small kana, 「ー」 or closing punctuation (禁則);
- no phrase ends with an opening bracket;
- no phrase of one character: it is joined to its neighbour.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import budoux

from ..typesetting import NO_LINE_END, NO_LINE_START

_KANJI = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆0-9０-９]')
_KATAKANA = r'[\u30a1-\u30fa\u30fc]'
_KANJI_CLASS = r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]'
#: Between a katakana run and a kanji, in either order, and before a katakana
#: word that follows hiragana (及び/エシカル).
_SCRIPT_CHANGE = re.compile(rf'(?<={_KATAKANA})(?={_KANJI_CLASS})|(?<={_KANJI_CLASS})(?={_KATAKANA})'
                            rf'|(?<=[\u3041-\u3096])(?={_KATAKANA})')

#: The break opportunity between phrases in a label's HTML.
BREAK = '<wbr>'


@functools.cache
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


def _joins(left: str, right: str) -> bool:
    """Whether the boundary between two phrases is not a place to break a line."""
    return (bool(_KANJI.match(left[-1]) and _KANJI.match(right[0]))
            or right[0] in NO_LINE_START or left[-1] in NO_LINE_END)


def _words(phrase: str) -> list[str]:
    """A phrase cut where a katakana word begins or ends: ``エシカル消費の`` -> ``エシカル``, ``消費の``.

    BudouX keeps a loanword and the kanji word beside it in one phrase
    (事業活動及びエシカル消費の), which may be wider than a diagram's box.
    """
    return [word for word in _SCRIPT_CHANGE.split(phrase) if word]


def phrases(text: str) -> list[str]:
    """*text* cut where a line may break: ``'世田谷区の新産業'`` -> ``['世田谷区の', '新産業']``."""
    merged: list[str] = []
    for chunk in (word for phrase in _parser().parse(text) for word in _words(phrase)):
        if merged and _joins(merged[-1], chunk):
            merged[-1] += chunk
        else:
            merged.append(chunk)
    # A character alone on a line reads as a mistake: join it to a neighbour.
    index = 0
    while len(merged) > 1 and index < len(merged):
        if len(merged[index].strip()) <= 1:
            if index > 0:
                merged[index - 1] += merged.pop(index)
            else:
                merged[0] += merged.pop(1)
            continue
        index += 1
    return merged


def phrase_markup(text: str, escape: Callable[[str], str]) -> str:
    """*text* as label HTML: each phrase escaped by *escape*, joined by ``<wbr>``."""
    return BREAK.join(escape(phrase) for phrase in phrases(text))
