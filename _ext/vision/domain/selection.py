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
    from collections.abc import Mapping

    from .model import VisionObject


#: The vision's hierarchy, the types the system table and the structure
#: diagram (with its initiatives) show.
HIERARCHY = ('theme', 'policy', 'goal', 'initiative')


@dataclass(frozen=True)
class ViewSpec:
    """The objects a view shows: of ``types``, narrowed by the filters.

    ``link_columns`` names the links the view prints beside each object
    (目指す姿1-1); the view changes when such a link's text or target does.
    """

    types: tuple[str, ...]
    policy: str = ''
    goal: str = ''
    tag: str = ''
    link_columns: tuple[str, ...] = ()

    def shows(self, obj: VisionObject, objects: Mapping[str, VisionObject]) -> bool:
        if obj.objtype not in self.types:
            return False
        if self.policy and self.policy not in policies_of(obj, objects):
            return False
        if self.goal and self.goal not in (obj.id, *obj.links.get('goals', ())):
            return False
        return not self.tag or self.tag in obj.tags

    @property
    def filter_targets(self) -> tuple[str, ...]:
        """The ids the filters name: the view warns while one is unknown."""
        return tuple(target for target in (self.policy, self.goal) if target)


def policies_of(obj: VisionObject, objects: Mapping[str, VisionObject]) -> set[str]:
    """The policies an object belongs to: its own, its goal's, its goals' policies."""
    if obj.objtype == 'policy':
        return {obj.id}
    if obj.objtype == 'goal':
        return set(obj.links.get('policy', ()))
    goals = (objects.get(goal_id) for goal_id in obj.links.get('goals', ()))
    return {policy for goal in goals if goal is not None for policy in goal.links.get('policy', ())}
