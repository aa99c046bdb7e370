"""What the directives, the checks and the domain index read and write of the
domain: the object store, as a protocol.

:class:`~vision.domain.sphinx_domain.VisionDomain` implements it. The modules
that the domain itself is made of (its directives, its checks, its index)
code against this protocol, not against the domain class, so that no import
runs in a circle: ``sphinx_domain`` imports them, and they import only this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from ..object_types import ObjectTypes
    from .model import VisionObject


class ObjectStore(Protocol):
    @property
    def types(self) -> ObjectTypes: ...

    @property
    def objects(self) -> dict[str, VisionObject]: ...

    def note_object(self, obj: VisionObject, location: Any = None) -> bool: ...

    def objects_of(self, objtype: str) -> list[VisionObject]: ...

    def children(self, parent_id: str, objtype: str) -> list[VisionObject]: ...


def object_store(env: BuildEnvironment) -> ObjectStore:
    """The ``vision`` domain of this build, as its own parts see it."""
    return cast('ObjectStore', env.get_domain('vision'))
