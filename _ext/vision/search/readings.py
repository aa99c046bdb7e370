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

Each page is analysed once, after the build has read it, by an analyser in a
process of its own (:mod:`.analysis`); its terms are kept with the
environment (:data:`TERMS`), so a build that reads no page analyses nothing.
The same run gives each page's words with kanji and their readings
(:data:`WORDS`), which the ふりがな switch shows (:mod:`vision.furigana`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..build_state import PerDocument
from .analysis import analyse_in_child

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SCRIPT = 'vision-readings.js'


def readings(counts: Iterable[Counter[tuple[str, str]]]) -> dict[str, list[str]]:
    """Reading -> written forms, the most frequent first (then in code point order)."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for page in counts:
        for (reading, written), count in page.items():
            found[reading][written] += count
    return {reading: sorted(forms, key=lambda form: (-forms[form], form))
            for reading, forms in sorted(found.items())}


#: Each page's text, from when it is read until it is analysed.
TEXTS: PerDocument[str] = PerDocument('search_texts')
#: Each page's terms, counted once it is read.
TERMS: PerDocument[Counter[tuple[str, str]]] = PerDocument('search_terms')
#: Each page's words with kanji, ``(written form, reading)``, counted once it is read.
WORDS: PerDocument[Counter[tuple[str, str]]] = PerDocument('page_words')


def analyse_read_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """Count the terms of the pages read in this build (``env-updated``: before the
    environment is saved, so the counts are kept for the next build)."""
    if app.builder.format != 'html' or app.builder.name == 'epub':
        return
    texts = TEXTS.of(env)
    pending = {docname: texts.pop(docname) for docname in sorted(texts)}
    if pending:
        for docname, (terms, words) in analyse_in_child(pending, app.config.vision_search_analyser).items():
            TERMS.of(env)[docname] = terms
            WORDS.of(env)[docname] = words


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


def page_text(doctree: nodes.document) -> str:
    return doctree.astext()


def setup(app: Sphinx) -> None:
    app.add_env_collector(TEXTS.collector(page_text))
    app.add_env_collector(TERMS.collector())
    app.add_env_collector(WORDS.collector())
    app.connect('env-updated', analyse_read_pages)
    app.connect('html-collect-pages', write_readings)
    app.connect('html-page-context', load_on_search_page)
