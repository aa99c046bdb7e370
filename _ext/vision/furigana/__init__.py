"""ふりがな on demand on the Japanese site (issue 23).

Owns the readings shown over kanji words (:mod:`.ruby`: each word's reading
split around its kana, one reading per written form, the corrections of
``data/readings.yaml`` winning) and the switch on every page that shows them
(:mod:`.switch`, ``static/``, ``templates/``). The readings come from the
analyser of the search by reading (:mod:`vision.search.readings`), which runs
once per page read, in a process of its own.

May import: :mod:`vision.domain`, :mod:`vision.diagrams`, :mod:`vision.views`,
:mod:`vision.search` (the pages' words), :mod:`vision.print_edition` (the
readings file's loader) and the shared top modules. Nothing imports it.
"""
