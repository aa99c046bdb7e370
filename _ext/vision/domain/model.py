"""The vision's objects as plain data.

The domain stores these dataclasses; docutils nodes are only their rendering.
Every other module (views, diagrams, export, data files) reads objects through
the domain (:func:`vision.domain.vision_domain`), never from nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Object types in the order of the vision's hierarchy.
OBJECT_TYPES = ('theme', 'policy', 'goal', 'initiative', 'indicator', 'opinion', 'meeting')

#: The form of each type's id. A goal's first number is its policy's number.
#: ``[0-9]``, not ``\d``: Python's ``\d`` also matches full-width digits.
ID_PATTERNS = {
    'theme': re.compile(r'T[0-9]*'),
    'policy': re.compile(r'P[0-9]+'),
    'goal': re.compile(r'G[0-9]+-[0-9]+'),
    'initiative': re.compile(r'I[0-9]+(?:-[0-9]+)*'),
    'indicator': re.compile(r'K[0-9]+(?:-[0-9]+)*'),
    'opinion': re.compile(r'O[0-9]+'),
    'meeting': re.compile(r'M[0-9]+'),
}


@dataclass(frozen=True)
class VisionObject:
    """One object of the vision.

    ``links`` maps a link name to the ids it points to: a goal has
    ``{'policy': ('P1',)}``; initiatives, indicators and opinions have
    ``{'goals': (...)}``; an opinion may add ``{'meeting': ('M2',)}``.
    ``fields`` holds the type's other options (``mark``, ``unit``, ``baseline``,
    ``target``, ``year``, ``source``, ``date`` ...), all as strings.
    ``body`` is the plain text of the directive's body (a policy's statement,
    an opinion's text), for exports and comparisons between stages.
    """

    objtype: str
    id: str
    title: str
    docname: str
    lineno: int
    anchor: str
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    body: str = ''

    @property
    def linked_ids(self) -> set[str]:
        """Every id this object links to, whatever the link's name."""
        return {target for targets in self.links.values() for target in targets}

    @property
    def number(self) -> str:
        """The id without its type letter: ``G1-2`` gives ``1-2``."""
        return self.id.lstrip('TPGIKOM')


def is_valid_id(objtype: str, object_id: str) -> bool:
    return ID_PATTERNS[objtype].fullmatch(object_id) is not None


def sort_key(object_id: str) -> tuple:
    """Natural order: ``G1-2`` before ``G1-10``, ``P2`` before ``P10``."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r'(\d+)', object_id))


def anchor_for(objtype: str, object_id: str) -> str:
    """The HTML id and LaTeX label of an object: ``vision-goal-G1-1``."""
    return f'vision-{objtype}-{object_id}'
