"""Editions made from the same sources as the 本編.

- :mod:`.summary` (with ``sphinxvisionsummary.sty``):
  the 概要版, ``docs/summary.md`` in the site and ``make summary``'s PDF;
- :mod:`.compare` and its parts (:mod:`.comparison`, :mod:`.wording`,
  :mod:`.compare_html`, :mod:`.compare_latex`): the 新旧対照表 between a
  stage's revision and the working tree, ``make compare BASE=素案``.
"""
