"""Which objects a generated view shows, as plain data.

A view (a ``vision-list`` table, the system table, the matrix, a structure
diagram) records a :class:`ViewSpec` at read time. The same spec answers two
questions: which objects the view shows when its page is written
(:mod:`vision.views.tables`), and, after an incremental read, whether a change to
some objects can alter the view at all (:mod:`vision.views.dependencies`), so a
``vision-list :policy: P5`` is not rewritten when a goal of P1 changes.
Both read objects from a plain ``{id: VisionObject}`` mapping, which may be
the domain's objects or a snapshot taken before reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Set

    from .model import VisionObject


@dataclass(frozen=True)
class ViewSpec:
    """The objects a view shows: of ``types``, narrowed by the filters.

    ``within`` holds ids the object must be or belong to (``vision-list
    :policy: P1`` shows P1's goals, initiatives ...), ``tag`` a tag it must have.
    ``link_columns`` names the links the view prints beside each object
    (目指す姿1-1); the view changes when such a link's text or target does.
    """

    types: tuple[str, ...]
    within: tuple[str, ...] = ()
    tag: str = ''
    link_columns: tuple[str, ...] = ()

    def shows(self, obj: VisionObject, objects: Mapping[str, VisionObject],
              lineage: Callable[[VisionObject], Set[str]] | None = None) -> bool:
        """``lineage``: :func:`ancestors` over ``objects``, answered from a cache."""
        if obj.objtype not in self.types:
            return False
        if self.within and not set(self.within) <= {obj.id} | (
                lineage(obj) if lineage else ancestors(obj, objects)):
            return False
        return not self.tag or self.tag in obj.tags

    @property
    def filter_targets(self) -> tuple[str, ...]:
        """The ids the filters name: the view warns while one is unknown."""
        return self.within


def ancestors(obj: VisionObject, objects: Mapping[str, VisionObject]) -> set[str]:
    """The ids an object belongs to, up its type's parent links: a goal's policy,
    an initiative's goals and their policies."""
    found: set[str] = set()
    pending = [obj]
    while pending:
        current = pending.pop()
        for parent_id in current.links.get(current.kind.parent_link, ()):
            if parent_id not in found:
                found.add(parent_id)
                parent = objects.get(parent_id)
                if parent is not None:
                    pending.append(parent)
    return found
