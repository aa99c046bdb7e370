"""The print edition: what the LaTeX builder needs for the PDF.

Owns the LaTeX rendering of objects and page references (:mod:`.latex`,
``sphinxvision.sty``), the typefaces and page design (:mod:`.print_layout`,
``sphinxvisionprint.sty``), the cover and colophon (:mod:`.print_matter`), the print office's
edition (:mod:`.press`: two-sided, the cover apart, pages on the right side),
はじめに (:mod:`.preface`), the tagged PDF's cover, 目次 and 奥付 in its single
page (:mod:`.single_page`), per-chapter numbering of figures and tables
(:mod:`.numbering`: 表3-1, the same in HTML) and the readings of index terms
for mendex (:mod:`.index_readings`).

May import: :mod:`vision.domain`, :mod:`vision.diagrams`, :mod:`vision.views`
and the shared top modules. Only :mod:`vision.editions` imports it.
"""
