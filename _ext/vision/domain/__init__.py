"""The vision's objects and their domain.

Owns the object model (:mod:`.model`, plain dataclasses), the docutils nodes
that render objects (:mod:`.nodes`), the directives and roles editors write,
the ``vision`` Sphinx domain that stores objects and resolves links to them,
the checks that need every document, the domain index, and the selection of
objects a view shows (:mod:`.selection`).

May import: :mod:`vision.config`, :mod:`vision.labels`, Sphinx and docutils.
Never imports the other subpackages; they all build on this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .sphinx_domain import VisionDomain


def vision_domain(env: BuildEnvironment) -> VisionDomain:
    """The ``vision`` domain of this build, typed: every module reaches objects through it."""
    return cast('VisionDomain', env.get_domain('vision'))
