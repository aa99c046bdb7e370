"""Checks that need every document: links to unknown objects, children numbered
under another parent than theirs (a goal under another policy), parents without
children (a policy without goals), as each type's record asks.

Run from :meth:`VisionDomain.check_consistency` after each read phase, so the
warnings come back in every build, incremental or not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from ..messages import Term

if TYPE_CHECKING:
    from .model import VisionObject
    from .store import ObjectStore

logger = logging.getLogger(__name__)

def check_number_under_parent(child: VisionObject, parent: VisionObject) -> None:
    """A child's number begins with its parent's: ``G1-5`` belongs to ``P1``, not ``P2``."""
    first = child.number.rpartition('-')[0]
    if parent.number != first:
        logger.warning("%s %r is under %s %r, but a %s's first number is its %s's: "
                       'renumber it %s%s-… or write :%s: %s%s', Term(child.objtype), child.id,
                       Term(parent.objtype), parent.id, Term(child.objtype), Term(parent.objtype),
                       child.kind.prefix, parent.number, child.kind.parent_link,
                       parent.kind.prefix, first, location=(child.docname, child.lineno),
                       type='vision', subtype=f'{child.objtype}-{parent.objtype}')


def check_links(domain: ObjectStore) -> None:
    objects = domain.objects
    for object_id in sorted(objects, key=lambda i: (objects[i].docname, objects[i].lineno)):
        obj = objects[object_id]
        for link, targets in sorted(obj.links.items()):
            expected = obj.kind.link_target(link) or link
            for target in targets:
                found = objects.get(target)
                if found is None or found.objtype != expected:
                    logger.warning('%s %r points to an unknown %s %r', Term(obj.objtype), obj.id,
                                   Term(expected), target, location=(obj.docname, obj.lineno),
                                   type='vision', subtype=f'unknown-{expected}')
                elif obj.kind.number_under_parent and link == obj.kind.parent_link:
                    check_number_under_parent(obj, found)
    for kind in domain.types:
        if not kind.warn_childless:
            continue
        child = domain.types[kind.warn_childless]
        for parent in domain.objects_of(kind.key):
            if not domain.children(parent.id, child.key):
                logger.warning('%s %r has no %ss: no %s names it in :%s:', Term(parent.objtype),
                               parent.id, Term(child.key), Term(child.key), child.parent_link,
                               location=(parent.docname, parent.lineno),
                               type='vision', subtype=f'{kind.key}-without-{child.key}s')
