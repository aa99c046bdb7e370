"""Content generated from many objects at write time.

Owns the backlinks under each object, the ``vision-list`` tables and lists,
the system table and the opinions × goals matrix, and the incremental-build
bookkeeping that rewrites a page when an object it shows changes.

May import: :mod:`vision.domain`, :mod:`vision.config`, :mod:`vision.labels`.
"""
