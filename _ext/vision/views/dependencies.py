"""Incremental builds: rewrite every page whose generated content changed.

Sphinx rereads only changed sources. But a page also shows other pages'
objects: link texts (目指す姿1-1 …), backlinks, tables. Those are generated at
write time, so such a page needs rewriting, not rereading, when an object it
shows changes. Before reading, we snapshot the objects; after reading, we
compare, and return (``env-get-updated``) the pages that

* link to an object whose link text or place changed
  (``VisionDomain.data['references']``),
* hold an object that a changed object links to, or linked to (backlinks),
* show a view (``VisionDomain.data['views']``) that shows a changed object,
  gains or loses an object, or prints a link whose text or target changed.

A view's :class:`~vision.domain.selection.ViewSpec` says which objects it shows:
a change to a goal of P1 leaves the pages listing P5's initiatives alone.

This is the dependency sphinx.ext.todo and sphinx-needs do not declare.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..build_state import build_state
from ..domain import naming, vision_domain

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..domain.model import VisionObject
    from ..domain.selection import ViewSpec
    from ..domain.sphinx_domain import VisionDomain

#: The objects before reading: in the build state's transient part, never pickled.
_SNAPSHOT = 'objects_before_read'


def comparable(obj: VisionObject) -> VisionObject:
    """The object without its line number, which no other page shows."""
    return dataclasses.replace(obj, lineno=0)


def take_snapshot(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    domain = vision_domain(env)
    build_state(env).transient[_SNAPSHOT] = {i: comparable(o) for i, o in domain.objects.items()}
    return []


def clear_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Forget the objects of every page about to be read, before reading any.

    Serial reading clears one page just before reading it: a goal moved from
    ``b`` to ``a`` would otherwise meet its old self in ``b`` and be reported
    as a duplicate.
    """
    domain = vision_domain(env)
    for docname in docnames:
        domain.clear_doc(docname)


def changed_ids(before: dict[str, VisionObject], after: dict[str, VisionObject]) -> set[str]:
    """Ids of objects added, removed or changed."""
    return {object_id for object_id in before.keys() | after.keys()
            if before.get(object_id) != after.get(object_id)}


def reference_key(obj: VisionObject | None) -> tuple | None:
    """What a link to ``obj`` shows and points at: its text and its place.

    Short links (目指す姿1-1 in table columns) carry the same text as their
    tooltip, so this covers them too.
    """
    if obj is None:
        return None
    return obj.objtype, obj.docname, obj.anchor, naming.reference_text(obj)


def link_targets(obj: VisionObject | None) -> set[str]:
    return set() if obj is None else obj.linked_ids


def linkers(objects: dict[str, VisionObject], targets: set[str]) -> set[str]:
    """Ids of the objects that link to one of ``targets``."""
    return {obj.id for obj in objects.values() if obj.linked_ids & targets}


def printed_links(obj: VisionObject, names: Iterable[str]) -> set[str]:
    """The ids ``obj`` links to through the links named ``names``."""
    return {target for name in names for target in obj.links.get(name, ())}


class Change:
    """The objects before and after reading, and what differs between them."""

    def __init__(self, before: dict[str, VisionObject], after: dict[str, VisionObject]) -> None:
        self.before, self.after = before, after
        self.changed = changed_ids(before, after)
        ids = self.changed
        self.references_changed = {i for i in ids if reference_key(before.get(i))
                                   != reference_key(after.get(i))}
        # Objects that did not change but may enter or leave a filtered view
        # through a changed goal (its policy), or show a changed link.
        self.neighbours = (linkers(before, ids) | linkers(after, ids)) - ids

    def alters(self, spec: ViewSpec) -> bool:
        """Whether the view ``spec`` describes shows anything that changed."""
        if set(spec.filter_targets) & self.changed:
            return True
        for object_id in self.changed:
            if self._shown(spec, object_id) != (False, False):
                return True
        for object_id in self.neighbours:
            was, now = self._shown(spec, object_id)
            if was != now:
                return True
            if now and printed_links(self.after[object_id], spec.link_columns) & self.references_changed:
                return True
        return False

    def _shown(self, spec: ViewSpec, object_id: str) -> tuple[bool, bool]:
        old, new = self.before.get(object_id), self.after.get(object_id)
        return (old is not None and spec.shows(old, self.before),
                new is not None and spec.shows(new, self.after))

    def pages(self, domain: VisionDomain) -> set[str]:
        """The pages whose generated content this change alters."""
        pages = {docname for docname, specs in domain.data['views'].items()
                 if any(self.alters(spec) for spec in specs)}
        pages.update(docname for docname, targets in domain.data['references'].items()
                     if targets & self.references_changed)
        # Backlinks: the pages of the objects a changed object links, or linked, to.
        for object_id in self.changed:
            old, new = self.before.get(object_id), self.after.get(object_id)
            for target in link_targets(old) | link_targets(new) | {object_id}:
                if target in self.after:
                    pages.add(self.after[target].docname)
        return pages


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = vision_domain(env)
    before = build_state(env).transient.pop(_SNAPSHOT, {})
    after = {i: comparable(o) for i, o in domain.objects.items()}
    if before == after:
        return []
    return sorted(Change(before, after).pages(domain) & env.found_docs)


def setup(app: Sphinx) -> None:
    app.connect('env-get-outdated', take_snapshot)
    app.connect('env-before-read-docs', clear_before_reading)
    app.connect('env-get-updated', pages_to_rewrite)
