"""Japanese full-text search that finds what is written.

Sphinx's Japanese search splits the indexed text into words with
TinySegmenter but leaves the reader's query whole (Sphinx issue #13395), so
「世田谷区」 finds nothing when the index holds 「世田谷」 and 「区」.

Here both sides use the same, well-understood splitting: overlapping
character bigrams of every run of letters and digits, after NFKC
normalisation and lower-casing. The page index keeps every bigram; the
browser splits the query into the same bigrams and intersects their pages,
then fetches each candidate page and keeps it only if the whole query really
occurs in its text (bigrams alone would report 「区民生活の基盤」 for a
page holding all of its pieces, none of them together). The browser side (``search_ja.js``) goes where Sphinx
puts a language's splitter: ``language_data.js``.

Registered with ``app.add_search_language``, which replaces Sphinx's 'ja'
for every project built in the same process that loads this extension.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation
from sphinx.search import SearchLanguage

from ..sphinx_compat import word_mappings

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation('vision')

_QUERY_JS = Path(__file__).with_name('search_ja.js').read_text(encoding='utf-8')

#: A run of letters, digits or underscores: the same class as the browser's
#: ``[\p{L}\p{N}_]`` after NFKC (the long vowel mark ー and 々 are letters).
_RUN = re.compile(r'\w+')


def normalise(text: str) -> str:
    """NFKC and lower case: full-width Ａ１ and half-width A1 index alike."""
    return unicodedata.normalize('NFKC', text).lower()


def bigrams(text: str) -> list[str]:
    """Overlapping two-character pieces of every run of two or more letters."""
    pieces: list[str] = []
    for run in _RUN.findall(normalise(text)):
        pieces.extend(run[i:i + 2] for i in range(len(run) - 1))
    return pieces


class SearchJapaneseBigram(SearchLanguage):
    """Japanese search by character bigrams, the same in Python and in the browser."""

    lang = 'ja'
    language_name = 'Japanese'

    @property
    def js_splitter_code(self) -> str:  # type: ignore[override]
        # ${resultCount} is filled in by searchtools.js; 件, as it counts hits.
        messages = {'@RESULT_COUNT@': _('検索が完了しました。${resultCount} 件見つかりました。'),
                    '@NO_RESULT@': _('検索した文字列はどの文書にも見つかりませんでした。'
                                     '別の言葉や、短い言葉でお試しください。'),
                    '@SUGGESTION@': _('もしかして：')}
        code = _QUERY_JS
        for placeholder, message in messages.items():
            code = code.replace(placeholder, json.dumps(str(message), ensure_ascii=False)[1:-1])
        return code

    def split(self, input: str) -> list[str]:
        return bigrams(input)

    def word_filter(self, word: str) -> bool:
        # Digits count: 「令和5年」 must find 「5年」 too.
        return len(word) == 2


def drop_vanished_words(app: Sphinx) -> list:
    """Forget words no page holds any more, before the index is written.

    On an incremental build Sphinx prunes the rebuilt pages from every word's
    page set but keeps words whose set became empty, so ``searchindex.js``
    would differ from a clean build's. Bigrams make that common: editing
    「教授」 to 「名誉教授」 leaves 「学教」 behind. Runs once every page has been
    fed (``html-collect-pages`` comes after writing, before the index dump).
    """
    indexer = getattr(app.builder, 'indexer', None)
    if indexer is not None:
        for mapping in word_mappings(indexer):
            for word in [word for word, docnames in mapping.items() if not docnames]:
                del mapping[word]
    return []


def setup(app: Sphinx) -> None:
    app.add_search_language(SearchJapaneseBigram)
    app.connect('html-collect-pages', drop_vanished_words)
