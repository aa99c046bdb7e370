"""Incremental builds: rewrite every page whose generated content changed.

Sphinx rereads only changed sources. But a page also shows other pages'
objects: link texts (目指す姿1-1 …), backlinks, tables. Those are generated at
write time, so such a page needs rewriting, not rereading, when an object it
shows changes. Before reading, we snapshot the objects; after reading, we
compare, and return (``env-get-updated``) the pages that

* link to a changed object (``VisionDomain.data['references']``),
* hold an object that a changed object links to, or linked to (backlinks),
* show a view of many objects (``VisionDomain.data['views']``).

This is the dependency sphinx.ext.todo and sphinx-needs do not declare.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import VisionDomain
    from .model import VisionObject

#: The snapshot lives on the application, never in the pickled environment.
_SNAPSHOT = '_vision_objects_before_read'


def comparable(obj: VisionObject) -> VisionObject:
    """The object without its line number, which no other page shows."""
    return dataclasses.replace(obj, lineno=0)


def take_snapshot(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    domain: VisionDomain = env.domains['vision']
    setattr(app, _SNAPSHOT, {i: comparable(o) for i, o in domain.objects.items()})
    return []


def clear_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Forget the objects of every page about to be read, before reading any.

    Serial reading clears one page just before reading it: a goal moved from
    ``b`` to ``a`` would otherwise meet its old self in ``b`` and be reported
    as a duplicate.
    """
    domain: VisionDomain = env.domains['vision']
    for docname in docnames:
        domain.clear_doc(docname)


def changed_ids(before: dict[str, VisionObject], after: dict[str, VisionObject]) -> set[str]:
    """Ids of objects added, removed or changed, and every id they link to."""
    affected: set[str] = set()
    for object_id in before.keys() | after.keys():
        old, new = before.get(object_id), after.get(object_id)
        if old == new:
            continue
        affected.add(object_id)
        for obj in (old, new):
            if obj is not None:
                affected.update(target for targets in obj.links.values() for target in targets)
    return affected


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain: VisionDomain = env.domains['vision']
    before = getattr(app, _SNAPSHOT, {})
    after = {i: comparable(o) for i, o in domain.objects.items()}
    affected = changed_ids(before, after)
    if not affected:
        return []
    pages = set(domain.data['views'])
    pages.update(docname for docname, targets in domain.data['references'].items()
                 if targets & affected)
    pages.update(after[i].docname for i in affected if i in after)
    return sorted(pages & env.found_docs)


def setup(app: Sphinx) -> None:
    app.connect('env-get-outdated', take_snapshot)
    app.connect('env-before-read-docs', clear_before_reading)
    app.connect('env-get-updated', pages_to_rewrite)
