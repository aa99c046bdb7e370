"""Search by reading: 「しょうてんがい」 finds 商店街, 「キギョウ」 finds 起業.

Residents type a word as it sounds when they do not know, or cannot type,
its kanji. At build time every page's text goes through a morphological
analyser that gives readings; each run of content words (nouns, prefixes,
suffixes), alone and joined with up to two neighbours, maps its reading in
hiragana to its written form. The map is written to
``_static/vision-readings.js``, loaded by the search page only, where
``search_ja.js`` replaces a query typed in kana by the written form it reads
as, then searches as usual.

The analyser is ``vision_search_analyser``: ``sudachi`` (SudachiPy with
sudachidict-core, split mode C: long units such as 商店街 and 世田谷区 whole)
or ``fugashi`` (MeCab with unidic-lite: short units, joined here). Chosen by
measurement, see ``bench/search_readings.py``.

Each page is analysed once, when it is read: its terms are kept with the
environment (:data:`TERMS`), so a build that reads no page loads no
dictionary and analyses nothing, and ``-j`` analyses pages in parallel.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..per_document import PerDocument

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

SCRIPT = 'vision-readings.js'
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


def readings(counts: Iterable[Counter[tuple[str, str]]]) -> dict[str, list[str]]:
    """Reading -> written forms, the most frequent first (then in code point order)."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for page in counts:
        for (reading, written), count in page.items():
            found[reading][written] += count
    return {reading: sorted(forms, key=lambda form: (-forms[form], form))
            for reading, forms in sorted(found.items())}


#: Each page's terms, counted when it is read: ``env.vision_search_terms``.
TERMS: PerDocument[Counter[tuple[str, str]]] = PerDocument('vision_search_terms')


def write_readings(app: Sphinx) -> list:
    """Write the map once every page is known (``html-collect-pages``)."""
    if app.builder.format != 'html' or app.builder.name == 'epub':
        return []
    pages = TERMS.of(app.env)
    mapping = readings(pages[docname] for docname in sorted(app.env.found_docs) if docname in pages)
    static = Path(app.outdir, '_static')
    static.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(mapping, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
    (static / SCRIPT).write_text(f'var VISION_READINGS = {payload};\n', encoding='utf-8')
    return []


def load_on_search_page(app: Sphinx, pagename: str, templatename: str, context: dict,
                        doctree: object) -> None:
    if pagename == 'search':
        # A new list: the builder shares its list between pages.
        context['script_files'] = [*context['script_files'], f'_static/{SCRIPT}']


def setup(app: Sphinx) -> None:
    def count_terms(doctree: nodes.document) -> Counter[tuple[str, str]]:
        return term_counts(doctree.astext(), analyser(app.config.vision_search_analyser))

    app.add_env_collector(TERMS.collector(count_terms))
    app.connect('html-collect-pages', write_readings)
    app.connect('html-page-context', load_on_search_page)
