"""The readings of a page's words, by a morphological analyser, in a process of its own.

The analyser's dictionary is large (SudachiPy maps its 200 MB core
dictionary into memory), so the build never loads it: :func:`analyse_in_child`
sends the texts of the pages read in this build to this module run as a
script (``python analysis.py NAME``), which answers each page's terms and exits.
The build's own memory stays that of Sphinx, and a build that reads no page
starts no process at all.

Each run of content words (nouns, prefixes, suffixes), alone and joined with
up to two neighbours, gives a term: its reading in hiragana and its written
form, counted per page. The same run also answers each page's words with
kanji and their readings in context (:func:`words`), for the ふりがな switch
(:mod:`vision.furigana`): one analysis serves both.
"""

from __future__ import annotations

import ctypes
import functools
import json
import mmap
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

#: surface, reading (katakana), part of speech, whether it is a person's name
Token = tuple[str, str, str, bool]
Analyser = Callable[[str], list[Token]]


def hiragana(text: str) -> str:
    return _KATAKANA.sub(lambda m: chr(ord(m[0]) - 0x60), text)


@functools.cache
def analyser(name: str) -> Analyser:
    if name == 'sudachi':
        from sudachipy import Dictionary, SplitMode
        tokenizer = Dictionary(dict='core').tokenizer(SplitMode.C)

        def sudachi(text: str) -> list[Token]:
            return [(m.surface(), m.reading_form(), m.part_of_speech()[0],
                     m.part_of_speech()[2] == '人名')
                    for m in tokenizer.tokenize(text)]
        return sudachi
    if name == 'fugashi':
        import fugashi
        tagger = fugashi.Tagger()

        def mecab(text: str) -> list[Token]:
            return [(w.surface, w.feature.kana or '', w.feature.pos1, w.feature.pos3 == '人名')
                    for w in tagger(text)]
        return mecab
    raise ValueError(f'unknown analyser {name!r}: sudachi or fugashi')


def terms(tokens: list[Token]) -> Iterable[tuple[str, str]]:
    """(reading in hiragana, written form) of each run of content words and its parts."""
    run: list[Token] = []
    for token in [*tokens, ('', '', '', False)]:
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


#: Days of the month whose reading is not the number's followed by にち.
DAYS = {'1': 'ついたち', '2': 'ふつか', '3': 'みっか', '4': 'よっか', '5': 'いつか',
        '6': 'むいか', '7': 'なのか', '8': 'ようか', '9': 'ここのか', '10': 'とおか',
        '14': 'じゅうよっか', '20': 'はつか', '24': 'にじゅうよっか'}
#: The same for people counted: 1人, 2人.
PEOPLE = {'1': 'ひとり', '2': 'ふたり'}
_DIGITS = re.compile(r'[0-9０-９]+')


def words(tokens: list[Token]) -> Iterable[tuple[str, str]]:
    """(written form, reading in hiragana) of each word with kanji, read in context.

    People's names are left out: the source gives no readings for them and an
    analyser's guess would be shown as fact. A day or a count of people after a
    number (7日, 2人) is read with its number (なのか, ふたり), as one word.
    """
    previous = ''
    for surface, reading, _pos, name in tokens:
        number = previous if _DIGITS.fullmatch(previous) else ''
        previous = surface
        if name or not reading or not _KANJI.search(surface):
            continue
        ascii_number = number.translate(_FULL_WIDTH)
        if surface == '日' and ascii_number in DAYS:
            yield number + surface, DAYS[ascii_number]
        elif surface == '人' and ascii_number in PEOPLE:
            yield number + surface, PEOPLE[ascii_number]
        elif surface == '日' and number:
            yield surface, 'にち'
        else:
            yield surface, hiragana(reading)


_FULL_WIDTH = str.maketrans('０１２３４５６７８９', '0123456789')


def word_counts(text: str, analyse: Analyser) -> Counter[tuple[str, str]]:
    """How often each (written form, reading) of a word with kanji occurs in *text*."""
    return Counter(word for line in text.splitlines() for word in words(analyse(line)))


#: A page's analysis: its terms (for the search) and its words (for ふりがな).
Analysis = tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]



def analyse_in_child(texts: Mapping[str, str], name: str) -> dict[str, Analysis]:
    """Each page's term and word counts, from an analyser in a child process."""
    # This file as a script: the child imports no Sphinx and no extension.
    proc = subprocess.run(
        [sys.executable, __file__, name], input=json.dumps(dict(texts), ensure_ascii=False),
        capture_output=True, text=True, encoding='utf-8', check=True,
        env={**os.environ, 'PYTHONPATH': os.pathsep.join(sys.path)})
    answer = json.loads(proc.stdout)
    return {page: (Counter({(reading, written): count for reading, written, count in found['terms']}),
                   Counter({(written, reading): count for written, reading, count in found['words']}))
            for page, found in answer.items()}


#: Pages analysed between two releases of the dictionary's pages.
_RELEASE_EVERY = 10


def release_dictionary_pages(suffix: str = '.dic') -> None:
    """Unmap the resident pages of the read-only dictionary files (Linux).

    SudachiPy maps its dictionary and reads it in place: loading touches all
    of it (about 80 MB resident) and analysing touches more, so the child's
    resident set grew to 130 MB, above the build's own (issue 21's peak RSS).
    The pages are clean file pages: ``MADV_DONTNEED`` drops them from this
    process only, the kernel keeps them cached, and a page read again is
    mapped again on its next access, with the same bytes. Writable mappings
    are never touched. Elsewhere than Linux this does nothing.
    """
    advice = getattr(mmap, 'MADV_DONTNEED', None)
    if advice is None or not os.path.exists('/proc/self/maps'):
        return
    madvise = ctypes.CDLL(None, use_errno=True).madvise
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    with open('/proc/self/maps', encoding='utf-8', errors='replace') as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and fields[5].endswith(suffix) and 'w' not in fields[1]:
                start, end = (int(bound, 16) for bound in fields[0].split('-'))
                madvise(start, end - start, advice)


def main() -> None:
    analyse = analyser(sys.argv[1])
    release_dictionary_pages()
    texts: dict[str, str] = json.loads(sys.stdin.read())
    answer = {}
    for number, (page, text) in enumerate(texts.items(), start=1):
        lines = [analyse(line) for line in text.splitlines()]
        answer[page] = {
            'terms': [[reading, written, count] for (reading, written), count
                      in sorted(Counter(t for tokens in lines for t in terms(tokens)).items())],
            'words': [[written, reading, count] for (written, reading), count
                      in sorted(Counter(w for tokens in lines for w in words(tokens)).items())]}
        if number % _RELEASE_EVERY == 0:
            release_dictionary_pages()
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
