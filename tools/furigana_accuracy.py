"""How right the site's ふりがな are, against a hand-made list (issue 23).

Opens every page of a built site in Chromium with ふりがな on
(``furigana_pages.mjs``), reads which reading stands over each kanji, and
compares, for each word of ``tests/content/furigana_words.yaml`` (written by
hand from the site's text, with the readings a dictionary gives), the
reading shown at every place the word occurs with the listed one.

- *shown*: at one place at least, every kanji of the word has ruby that
  stays inside the word;
- *right*: of the shown words, those whose every shown place reads as listed;
- precision = right / shown; coverage = shown / listed.

It also prints what ruby written into the HTML at build time would have
added to each page (the design not chosen, EDITING.md 「ふりがな」).

    make html DEPS= && .venv/bin/python tools/furigana_accuracy.py [_build/html]
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGES_SCRIPT = Path(__file__).with_name('furigana_pages.mjs')
WORDS = ROOT / 'tests' / 'content' / 'furigana_words.yaml'
_KANJI = re.compile(r'[\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')
_KATAKANA = re.compile(r'[\u30a1-\u30f6]')
#: The markup build-time ruby adds around each reading (rt hidden from assistive technology).
MARKUP = len('<ruby></ruby><rt aria-hidden="true"></rt>')

Pieces = list[list]  # [text, reading or None]


def hiragana(text: str) -> str:
    return _KATAKANA.sub(lambda m: chr(ord(m[0]) - 0x60), text)


def shown_pages(site: Path) -> dict[str, Pieces]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob('*.html')
                   if '_static' not in p.relative_to(site).parts and p.name not in ('search.html', 'genindex.html'))
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f'http://127.0.0.1:{server.server_address[1]}/'
        proc = subprocess.run(['node', str(PAGES_SCRIPT), base, *pages], capture_output=True, text=True,
                              cwd=ROOT, timeout=600, check=True)
    finally:
        server.shutdown()
        server.server_close()
    return json.loads(proc.stdout)


def reading_at(pieces: Pieces, start: int, end: int) -> str | None:
    """The reading shown over text[start:end]: None unless each kanji in it has ruby within it."""
    shown = []
    offset = 0
    for text, reading in pieces:
        lo, hi = offset, offset + len(text)
        offset = hi
        if hi <= start or lo >= end:
            continue
        if reading is None:
            part = text[max(start, lo) - lo:min(end, hi) - lo]
            if _KANJI.search(part):
                return None
            shown.append(hiragana(part))
        elif lo < start or hi > end:
            return None  # the ruby goes past the word: it reads more than the word
        else:
            shown.append(reading)
    return ''.join(shown)


@dataclass
class Result:
    listed: dict[str, str]
    #: word -> the readings shown at its places (None: no ruby there)
    places: dict[str, list[str | None]] = field(default_factory=dict)

    @property
    def absent(self) -> list[str]:
        return [word for word in self.listed if not self.places.get(word)]

    @property
    def shown(self) -> list[str]:
        return [word for word in self.listed if any(r is not None for r in self.places.get(word, []))]

    @property
    def wrong(self) -> dict[str, list[str]]:
        return {word: sorted({r for r in self.places[word] if r is not None and r != self.listed[word]})
                for word in self.shown
                if any(r is not None and r != self.listed[word] for r in self.places[word])}

    @property
    def precision(self) -> float:
        return 1 - len(self.wrong) / len(self.shown) if self.shown else 0.0

    @property
    def coverage(self) -> float:
        return len(self.shown) / len(self.listed)


def check(pages: dict[str, Pieces], listed: dict[str, str]) -> Result:
    result = Result({word: hiragana(reading) for word, reading in listed.items()})
    for pieces in pages.values():
        text = ''.join(piece[0] for piece in pieces)
        for word in listed:
            for found in re.finditer(re.escape(word), text):
                result.places.setdefault(word, []).append(reading_at(pieces, found.start(), found.end()))
    return result


def markup_bytes(pieces: Pieces) -> int:
    """What ruby written into the page at build time would add to it."""
    return sum(MARKUP + len(reading.encode()) for _text, reading in pieces if reading is not None)


def load_words(path: Path = WORDS) -> dict[str, str]:
    return {str(word): str(reading) for word, reading in yaml.safe_load(path.read_text(encoding='utf-8')).items()}


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / '_build' / 'html')
    pages = shown_pages(site)
    result = check(pages, load_words())
    print(f'{len(result.listed)} words listed by hand, {len(result.shown)} shown with ruby, '
          f'{len(result.shown) - len(result.wrong)} right')
    print(f'precision {result.precision:.1%}, coverage {result.coverage:.1%}')
    for word, readings in result.wrong.items():
        print(f'  wrong: {word} shown as {"/".join(readings)}, listed {result.listed[word]}')
    for word in result.listed:
        if word not in result.absent and word not in result.shown:
            print(f'  no ruby: {word}')
    for word in result.absent:
        print(f'  not on the site: {word}')
    print('build-time ruby would add (bytes, uncompressed):')
    for page, pieces in sorted(pages.items()):
        size = (site / page).stat().st_size
        extra = markup_bytes(pieces)
        print(f'  {page}: {size / 1024:.1f} KB + {extra / 1024:.1f} KB ({extra / size:.0%})')
    table = site / '_static' / 'vision-furigana-readings.js'
    print(f'the readings file, loaded once ふりがな is on: {table.stat().st_size / 1024:.1f} KB')


if __name__ == '__main__':
    main()
