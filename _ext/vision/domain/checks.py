"""Checks that need every document: links to unknown objects, goals numbered under
another policy than theirs, empty policies.

Run from :meth:`VisionDomain.check_consistency` after each read phase, so the
warnings come back in every build, incremental or not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from .model import VisionObject
    from .sphinx_domain import VisionDomain

logger = logging.getLogger(__name__)

#: link name -> the object type its ids must have.
LINK_TYPES = {'policy': 'policy', 'goals': 'goal', 'meeting': 'meeting'}


def check_goal_number(goal: VisionObject, policy: VisionObject) -> None:
    """A goal's first number is its policy's: ``G1-5`` belongs to ``P1``, not ``P2``."""
    first = goal.number.partition('-')[0]
    if policy.number != first:
        logger.warning("goal %r is under policy %r, but a goal's first number is its policy's: "
                       'renumber it G%s-… or write :policy: P%s', goal.id, policy.id,
                       policy.number, first, location=(goal.docname, goal.lineno),
                       type='vision', subtype='goal-policy')


def check_links(domain: VisionDomain) -> None:
    objects = domain.objects
    for object_id in sorted(objects, key=lambda i: (objects[i].docname, objects[i].lineno)):
        obj = objects[object_id]
        for link, targets in sorted(obj.links.items()):
            expected = LINK_TYPES[link]
            for target in targets:
                found = objects.get(target)
                if found is None or found.objtype != expected:
                    logger.warning('%s %r points to an unknown %s %r', obj.objtype, obj.id,
                                   expected, target, location=(obj.docname, obj.lineno),
                                   type='vision', subtype=f'unknown-{expected}')
                elif link == 'policy':
                    check_goal_number(obj, found)
    for policy in domain.objects_of('policy'):
        if not domain.children(policy.id, 'goal'):
            logger.warning('policy %r has no goals: no goal names it in :policy:', policy.id,
                           location=(policy.docname, policy.lineno),
                           type='vision', subtype='policy-without-goals')
