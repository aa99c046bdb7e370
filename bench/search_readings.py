"""Which analyser gives the search its readings: SudachiPy or fugashi (issue 13).

Reads the site's pages as the build does (a doctree per page from an HTML
build's environment), then for each analyser prints the time to analyse them
all, the size of the readings file it gives, and its recall over the
hand-written readings of tests/content/site_terms.py: a term counts when the map
sends its reading to it first (what the search uses), and "any" when the term
is among the reading's written forms at all.

Usage: .venv/bin/python bench/search_readings.py [DOCTREE_DIR]   (default _build/doctrees-html)
fugashi and unidic-lite are not in the project's pins: install them to measure.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / '_ext'), str(ROOT / 'tests' / 'content')]

from site_terms import READING_TERMS  # noqa: E402

from vision.search.analysis import analyser, term_counts  # noqa: E402
from vision.search.readings import readings  # noqa: E402


def page_texts(doctrees: Path) -> list[str]:
    return [pickle.loads(path.read_bytes()).astext() for path in sorted(doctrees.rglob('*.doctree'))]


def hiragana(text: str) -> str:
    return ''.join(chr(ord(c) - 0x60) if 'ァ' <= c <= 'ヶ' else c for c in text)


def main() -> None:
    texts = page_texts(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / '_build' / 'doctrees-html'))
    print(f'{len(texts)} pages, {sum(map(len, texts))} characters, {len(READING_TERMS)} terms')
    for name in ('sudachi', 'fugashi'):
        started = time.perf_counter()
        analyse = analyser(name)
        loaded = time.perf_counter()
        mapping = readings(term_counts(text, analyse) for text in texts)
        done = time.perf_counter()
        size = len(json.dumps(mapping, ensure_ascii=False, separators=(',', ':')).encode())
        first = [term for reading, term in READING_TERMS.items()
                 if mapping.get(hiragana(reading), [''])[0] == term]
        anywhere = [term for reading, term in READING_TERMS.items()
                    if term in mapping.get(hiragana(reading), [])]
        missed = sorted(set(READING_TERMS.values()) - set(first))
        print(f'{name}: load {loaded - started:.2f} s, analyse {done - loaded:.2f} s, '
              f'{len(mapping)} readings, {size / 1000:.1f} KB, '
              f'recall {len(first) / len(READING_TERMS):.0%} (any form {len(anywhere) / len(READING_TERMS):.0%}); '
              f'missed {missed}')


if __name__ == '__main__':
    main()
