"""The machine-readable exports: ``vision.json`` and its schema.

Owns :mod:`.json_export` (written after the HTML build) and
``vision.schema.json``; the data files add their part through the
``vision-export-data`` event.

May import: :mod:`vision.domain`, :mod:`vision.diagrams`, :mod:`vision.views`
and the shared top modules.
"""
