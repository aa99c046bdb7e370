"""The vision's objects and their domain.

Owns the object model (:mod:`.model`, plain dataclasses), the docutils nodes
that render objects (:mod:`.nodes`), the directives and roles editors write,
the ``vision`` Sphinx domain that stores objects and resolves links to them,
the checks that need every document, the domain index, and the selection of
objects a view shows (:mod:`.selection`).

May import: :mod:`vision.config`, :mod:`vision.labels`, Sphinx and docutils.
Never imports the other subpackages; they all build on this one.
"""
