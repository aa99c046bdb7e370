"""The vision's objects as plain data.

The domain stores these dataclasses; docutils nodes are only their rendering.
Every other module (views, diagrams, export, data files) reads objects through
the domain (:func:`vision.domain.vision_domain`), never from nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..object_types import ObjectType


@dataclass(frozen=True)
class VisionObject:
    """One object of the vision; ``kind`` is its type's record (:mod:`vision.object_types`).

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
    kind: ObjectType
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    body: str = ''
    #: The title as written in the pages' language (Japanese) when ``title`` is
    #: its translation (an English build, :mod:`vision.translation`); else empty.
    source_title: str = ''
    #: The body as written (Japanese) when ``body`` is its translation; else empty.
    source_body: str = ''
    #: language -> (title, body) in each translation of the site (``vision_language_sites``)
    #: where the title is translated; the body empty where it is not.
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def linked_ids(self) -> set[str]:
        """Every id this object links to, whatever the link's name."""
        return {target for targets in self.links.values() for target in targets}

    @property
    def number(self) -> str:
        """The id without its type letter: ``G1-2`` gives ``1-2``."""
        return self.id.removeprefix(self.kind.prefix)


def sort_key(object_id: str) -> tuple:
    """Natural order: ``G1-2`` before ``G1-10``, ``P2`` before ``P10``."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r'(\d+)', object_id))


def anchor_for(objtype: str, object_id: str) -> str:
    """The HTML id and LaTeX label of an object: ``vision-goal-G1-1``."""
    return f'vision-{objtype}-{object_id}'
