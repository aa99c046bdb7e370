"""Japanese search on the residents' site.

Owns the Japanese splitter of Sphinx's search index and its browser side
(:mod:`.japanese`, ``search_ja.js``), search by reading (:mod:`.readings`:
kana queries find the kanji term) and the index entries that point into one
object (:mod:`.index_entries`).

May import: :mod:`vision.domain`, :mod:`vision.diagrams`, :mod:`vision.views`
and the shared top modules.
"""
