"""The readings of a page's words, by a morphological analyser, in a process of its own.

The analyser's dictionary is large (SudachiPy's core dictionary takes about
150 MB once loaded), so the build never loads it: :func:`analyse_in_child`
sends the texts of the pages read in this build to this module run as a
script (``python analysis.py NAME``), which answers each page's terms and exits.
The build's own memory stays that of Sphinx, and a build that reads no page
starts no process at all.

Each run of content words (nouns, prefixes, suffixes), alone and joined with
up to two neighbours, gives a term: its reading in hiragana and its written
form, counted per page.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

#: Parts of speech that make up a term.
_CONTENT = {'名詞', '接頭辞', '接尾辞'}
#: Longest compound, in words.
_MAX_WORDS = 3
_KANJI = re.compile(r'[\u3005\u4e00-\u9fff]')
_KATAKANA = re.compile(r'[\u30a1-\u30f6]')

Token = tuple[str, str, str]  # surface, reading (katakana), part of speech
Analyser = Callable[[str], list[Token]]


def hiragana(text: str) -> str:
    return _KATAKANA.sub(lambda m: chr(ord(m[0]) - 0x60), text)


@functools.cache
def analyser(name: str) -> Analyser:
    if name == 'sudachi':
        from sudachipy import Dictionary, SplitMode
        tokenizer = Dictionary(dict='core').tokenizer(SplitMode.C)

        def sudachi(text: str) -> list[Token]:
            return [(m.surface(), m.reading_form(), m.part_of_speech()[0])
                    for m in tokenizer.tokenize(text)]
        return sudachi
    if name == 'fugashi':
        import fugashi
        tagger = fugashi.Tagger()

        def mecab(text: str) -> list[Token]:
            return [(w.surface, w.feature.kana or '', w.feature.pos1) for w in tagger(text)]
        return mecab
    raise ValueError(f'unknown analyser {name!r}: sudachi or fugashi')


def terms(tokens: list[Token]) -> Iterable[tuple[str, str]]:
    """(reading in hiragana, written form) of each run of content words and its parts."""
    run: list[Token] = []
    for token in [*tokens, ('', '', '')]:
        if token[2] in _CONTENT and token[1]:
            run.append(token)
            continue
        for start in range(len(run)):
            for end in range(start + 1, min(start + _MAX_WORDS, len(run)) + 1):
                written = ''.join(t[0] for t in run[start:end])
                if _KANJI.search(written):
                    yield hiragana(''.join(t[1] for t in run[start:end])), written
        run = []


def term_counts(text: str, analyse: Analyser) -> Counter[tuple[str, str]]:
    """How often each (reading, written form) occurs in *text*."""
    return Counter(term for line in text.splitlines() for term in terms(analyse(line)))



def analyse_in_child(texts: Mapping[str, str], name: str) -> dict[str, Counter[tuple[str, str]]]:
    """Each page's term counts, from an analyser in a child process."""
    # This file as a script: the child imports no Sphinx and no extension.
    proc = subprocess.run(
        [sys.executable, __file__, name], input=json.dumps(dict(texts), ensure_ascii=False),
        capture_output=True, text=True, encoding='utf-8', check=True,
        env={**os.environ, 'PYTHONPATH': os.pathsep.join(sys.path)})
    answer = json.loads(proc.stdout)
    return {page: Counter({(reading, written): count for reading, written, count in found})
            for page, found in answer.items()}


def main() -> None:
    analyse = analyser(sys.argv[1])
    texts: dict[str, str] = json.loads(sys.stdin.read())
    answer = {page: [[reading, written, count]
                     for (reading, written), count in sorted(term_counts(text, analyse).items())]
              for page, text in texts.items()}
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
