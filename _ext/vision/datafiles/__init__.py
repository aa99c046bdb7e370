"""The structured data under ``data/`` (YAML) and what is made from it.

Owns loading a data file safely (confined to ``data/``, schema-checked, every
problem a located warning), the committee's members, meetings and schedule as
plain data, Japanese era dates, and the directives that show them as tables
and as the schedule timeline. The JSON schemas live in ``schemas/``.

May import: :mod:`vision.domain`, :mod:`vision.diagrams`, :mod:`vision.config`,
:mod:`vision.labels`.
"""
