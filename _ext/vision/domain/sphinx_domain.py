"""The ``vision`` domain: the store of every object and the resolver of links.

Like Sphinx's own domains, it keeps plain data per document in ``self.data``
(so ``clear_doc`` and ``merge_domaindata`` make incremental and parallel builds
correct), resolves cross-references at resolve time, and feeds the search
index, the inventory and its own index (:mod:`vision.domain.index`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.errors import ConfigError, NoUri
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .. import events, labels
from ..messages import Term
from ..object_types import ObjectTypeError, ObjectTypes, object_types
from ..sphinx_compat import builder_of
from . import checks, naming
from .directives import object_directives
from .index import VisionIndex
from .model import VisionObject, sort_key
from .nodes import vision_pageref
from .roles import CHECKED_LINK, VisionXRefRole
from .selection import ancestors

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .selection import ViewSpec

logger = logging.getLogger(__name__)


class VisionDomain(Domain):
    """The objects of every type of the registry; :func:`domain_for` gives its types."""

    name = 'vision'
    label = labels.DOMAIN_LABEL
    indices = [VisionIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        'objects': {},  # id -> VisionObject
        'shadowed': [],  # the other definitions of duplicated ids
        'references': {},  # docname -> set of ids the page links to
        'views': {},  # docname -> ViewSpecs of the page's generated views
    }
    data_version = 4

    # -- The API other modules code against ------------------------------------

    @property
    def types(self) -> ObjectTypes:
        """The object types of this build (:mod:`vision.object_types`)."""
        return object_types(self.env.config)

    @property
    def objects(self) -> dict[str, VisionObject]:
        """Every object by id, from all documents."""
        return self.data['objects']

    def note_object(self, obj: VisionObject, location: Any = None) -> bool:
        """Register ``obj``; if its id is taken, warn about the later definition.

        Of two definitions the one first in (document name, line) order owns
        the id, whatever the order of reading: serial, parallel and
        incremental builds agree. The other is kept aside (``shadowed``) and
        takes over if the owner's page drops it. Returns whether ``obj`` owns.
        """
        self._objects_changed()
        existing = self.objects.get(obj.id)
        if existing is None:
            self._own(obj)
            return True
        if position(obj) < position(existing):
            self._own(obj)
            self._shadow(existing, obj, (existing.docname, existing.lineno))
            return True
        self._shadow(obj, existing, location)
        return False

    def objects_of(self, objtype: str) -> list[VisionObject]:
        """The objects of one type in natural id order (G1-2 before G1-10)."""
        return list(self._index()[0].get(objtype, ()))

    def children(self, parent_id: str, objtype: str) -> list[VisionObject]:
        """The objects of ``objtype`` that link to ``parent_id`` (a policy's goals ...)."""
        return list(self._index()[1].get((parent_id, objtype), ()))

    #: Objects by type and by (linked id, type); None after a change.
    _index_cache: tuple[dict[str, list[VisionObject]],
                        dict[tuple[str, str], list[VisionObject]]] | None = None

    def _index(self) -> tuple[dict[str, list[VisionObject]],
                              dict[tuple[str, str], list[VisionObject]]]:
        """Objects by type and by (linked id, type), each in natural id order.

        Built once after the objects last changed, not per call: backlinks and
        views ask for children of every object, which was quadratic in the
        number of objects (measured by bench/). Never pickled.
        """
        if self._index_cache is None:
            by_type: dict[str, list[VisionObject]] = {}
            by_parent: dict[tuple[str, str], list[VisionObject]] = {}
            for obj in sorted(self.objects.values(), key=lambda o: sort_key(o.id)):
                by_type.setdefault(obj.objtype, []).append(obj)
                for parent_id in obj.linked_ids:
                    by_parent.setdefault((parent_id, obj.objtype), []).append(obj)
            self._index_cache = (by_type, by_parent)
        return self._index_cache

    _lineage_cache: dict[str, frozenset[str]] | None = None

    def lineage(self, obj: VisionObject) -> frozenset[str]:
        """:func:`.selection.ancestors` of one of the domain's objects, kept until they change.

        Every filtered view asks it of every object of its type: a plan family's
        200 policy views over 20,000 objects walked the links 1.6 million times.
        """
        if self._lineage_cache is None:
            self._lineage_cache = {}
        if obj.id not in self._lineage_cache:
            self._lineage_cache[obj.id] = frozenset(ancestors(obj, self.objects))
        return self._lineage_cache[obj.id]

    def _objects_changed(self) -> None:
        self._index_cache = None
        self._lineage_cache = None

    def note_reference(self, docname: str, target: str) -> None:
        self.data['references'].setdefault(docname, set()).add(target)

    def note_view(self, docname: str, spec: ViewSpec) -> None:
        """Record that ``docname`` shows a view of the objects ``spec`` selects."""
        self.data['views'].setdefault(docname, []).append(spec)

    # -- Per-document data ----------------------------------------------------

    _owned_cache: dict[str, set[str]] | None = None

    def _owned(self) -> dict[str, set[str]]:
        """The ids each page owns, kept as objects are noted and cleared.

        Sphinx clears every page before reading it, in a clean build too; a
        scan of all the objects for each page grew with the pages times the
        objects (15 s of a 2,000-page plan family's build).
        """
        if self._owned_cache is None:
            self._owned_cache = {}
            for object_id, obj in self.objects.items():
                self._owned_cache.setdefault(obj.docname, set()).add(object_id)
        return self._owned_cache

    def _own(self, obj: VisionObject) -> None:
        previous = self.objects.get(obj.id)
        if previous is not None:
            self._owned().get(previous.docname, set()).discard(obj.id)
        self._owned().setdefault(obj.docname, set()).add(obj.id)
        self.objects[obj.id] = obj

    def clear_doc(self, docname: str) -> None:
        self._objects_changed()
        dropped = sorted(self._owned().pop(docname, ()), key=sort_key)
        for object_id in dropped:
            del self.objects[object_id]
        shadowed = [o for o in self.data['shadowed'] if o.docname != docname]
        self.data['shadowed'] = shadowed
        for object_id in dropped:
            # A duplicate on another page, already reported, now owns the id.
            candidates = [o for o in shadowed if o.id == object_id]
            if candidates:
                heir = min(candidates, key=position)
                shadowed.remove(heir)
                self._own(heir)
        self.data['references'].pop(docname, None)
        self.data['views'].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        # Duplicates within the other process's documents were reported there.
        self.data['shadowed'].extend(o for o in otherdata['shadowed'] if o.docname in docnames)
        for obj in otherdata['objects'].values():
            if obj.docname in docnames:
                self.note_object(obj, (obj.docname, obj.lineno))
        for docname in docnames:
            if docname in otherdata['references']:
                self.data['references'][docname] = otherdata['references'][docname]
            if docname in otherdata['views']:
                self.data['views'][docname] = otherdata['views'][docname]

    def process_doc(self, env: BuildEnvironment, docname: str,
                    document: nodes.document) -> None:
        for node in document.findall(addnodes.pending_xref):
            if node.get('refdomain') == self.name:
                self.note_reference(docname, node['reftarget'])

    def check_consistency(self) -> None:
        checks.check_links(self)

    # -- Cross-references ------------------------------------------------------
    # Sphinx types the result as a reference; in print ours is an inline that
    # holds the reference and its page number, which Sphinx's resolver accepts.

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,  # type: ignore[override]
                     typ: str, target: str, node: addnodes.pending_xref,
                     contnode: nodes.Element) -> nodes.Element | None:
        obj = self.objects.get(target)
        if obj is None or obj.objtype != typ:
            return None  # intersphinx may have it; else warn_missing_reference
        return self._make_reference(builder, fromdocname, obj, node, contnode)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,  # type: ignore[override]
                         target: str, node: addnodes.pending_xref,
                         contnode: nodes.Element) -> list[tuple[str, nodes.Element]]:
        obj = self.objects.get(target)
        if obj is None:
            return []
        role = f'{self.name}:{obj.objtype}'
        return [(role, self._make_reference(builder, fromdocname, obj, node, contnode))]

    def _make_reference(self, builder: Builder, fromdocname: str, obj: VisionObject,
                        node: addnodes.pending_xref, contnode: nodes.Element) -> nodes.Element:
        if not node.get('refexplicit'):
            # The caller's node, not its children: they are replaced.
            contnode = contnode.copy()
            contnode += nodes.Text(naming.reference_text(obj))
        return self.make_link(builder, fromdocname, obj, contnode, pageref=not in_table(node))

    def make_link(self, builder: Builder, fromdocname: str, obj: VisionObject,
                  content: nodes.Node, pageref: bool, full_text: str | None = None
                  ) -> nodes.Element:
        """The reference to ``obj`` around ``content``: the one place links to
        objects are made, for the resolver, the :class:`Linker` and diagrams.

        ``pageref``: in print, follow the link with the target's page.
        ``full_text`` is the object's reference text when the caller has it already.
        """
        # The tooltip names the object when the text does not already say it all.
        full_text = full_text or naming.reference_text(obj)
        title = None if content.astext() == full_text else full_text
        reference = make_refnode(builder, fromdocname, obj.docname, obj.anchor, content, title)
        if builder.format != 'latex' or not pageref:
            return reference
        # Paper cannot be clicked: print the target's page after the link;
        # not in tables, where it would fill narrow columns and lengthen rows.
        return nodes.inline('', '', reference,
                            vision_pageref(refdocname=obj.docname, refid=obj.anchor))

    def linker(self, fromdocname: str) -> Linker:
        """Links for content made at write time (backlinks, views), resolved at once."""
        return Linker(self, builder_of(self.env), fromdocname)

    # -- Search index and inventory ---------------------------------------------

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for object_id in sorted(self.objects, key=sort_key):
            obj = self.objects[object_id]
            # Sphinx escapes these names into searchindex.js and its searchtools.js
            # escapes them again, so an apostrophe would read &#x27; in a search
            # result: give the typographic one, as smartquotes gives the heading.
            name = naming.heading_text(obj).replace("'", '\u2019')
            yield obj.id, name, obj.objtype, obj.docname, obj.anchor, 1

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        return node.get('reftarget')

    # -- Warnings --------------------------------------------------------------

    def _shadow(self, obj: VisionObject, owner: VisionObject, location: Any) -> None:
        self.data['shadowed'].append(obj)
        path = self.env.doc2path(owner.docname)
        logger.warning('duplicate %s id %r: already defined at %s:%s',
                       Term(obj.objtype), obj.id, path, owner.lineno,
                       location=location or (obj.docname, obj.lineno),
                       type='vision', subtype='duplicate')


class Linker:
    """Makes finished links to objects from one page, at write time.

    Backlinks and views know their targets when they are built, after
    reading, so they skip the ``pending_xref`` round trip through Sphinx's
    resolver (a deep copy and a domain look-up per link): the same link
    the resolver would make, for a fraction of the time. A link to an unknown
    id is its text, as an unresolved quiet reference would be.
    """

    def __init__(self, domain: VisionDomain, builder: Builder, fromdocname: str) -> None:
        self.domain, self.builder, self.fromdocname = domain, builder, fromdocname

    def __call__(self, objtype: str, target: str, text: str | None = None,
                 pageref: bool = True) -> nodes.Element:
        content = nodes.inline(classes=['xref', 'vision', f'vision-{objtype}'])
        obj = self.domain.objects.get(target)
        if obj is None or obj.objtype != objtype:
            content += nodes.Text(text or target)
            return content
        full_text = naming.reference_text(obj)
        content += nodes.Text(text or full_text)
        try:
            return self.domain.make_link(self.builder, self.fromdocname, obj, content, pageref,
                                     full_text)
        except NoUri:  # a builder with no page for the target, like the resolver
            return content


def in_table(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.table):
            return True
        parent = parent.parent
    return False


def warn_missing_reference(app: Any, domain: Domain | None, node: addnodes.pending_xref
                           ) -> bool | None:
    """The warning for a reference nothing resolved, not even intersphinx.

    Sphinx calls this only for a reference that asks for a warning
    (``refwarn``, or ``nitpicky`` without a ``nitpick_ignore`` entry); the
    message says what the id is instead, with the ``[vision.ref]`` code.
    """
    if not isinstance(domain, VisionDomain):
        return None
    if node.get(CHECKED_LINK):
        return True  # reported once, where the link is declared (checks.py)
    typ, target = node['reftype'], node['reftarget']
    obj = domain.objects.get(target)
    if obj is None:
        logger.warning('unknown %s %r: no object has this id', Term(typ), target,
                       location=node, type='vision', subtype='ref')
    else:
        logger.warning('unknown %s %r: %r is a %s', Term(typ), target, target, Term(obj.objtype),
                       location=node, type='vision', subtype='ref')
    return True


def position(obj: VisionObject) -> tuple[str, int]:
    """Where an object is defined, in the order of a serial build's reading."""
    return obj.docname, obj.lineno


def domain_for(types: ObjectTypes) -> type[VisionDomain]:
    """The domain of one build's types: their object types, directives and roles.

    A subclass per registry, so that two projects built in one process (tests)
    do not share the class's dictionaries.
    """
    return type('VisionDomain', (VisionDomain,), {
        'object_types': {kind.key: ObjType(_lazy_name(kind.name), kind.key) for kind in types},
        'directives': object_directives(types),
        'roles': {kind.key: VisionXRefRole(kind.key) for kind in types},
    })


def _lazy_name(name: str) -> Any:
    """The type's name, translated when shown (search results, the inventory)."""
    from sphinx.locale import get_translation

    return get_translation('vision')(name)


def register_types(app: Sphinx, config: Config) -> None:
    """Once ``conf.py`` is read: the domain and the roles of its object types."""
    try:
        types = object_types(config)
    except ObjectTypeError as error:
        raise ConfigError(str(error)) from None
    app.add_domain(domain_for(types), override=True)
    for kind in types:
        # ``{goal}`` without the domain prefix works like ``{vision:goal}``.
        app.add_role(kind.key, VisionXRefRole(kind.key), override=True)


def setup(app: Any) -> None:
    app.add_domain(VisionDomain)
    app.connect('config-inited', register_types, priority=events.OBJECT_TYPES)
    app.connect('warn-missing-reference', warn_missing_reference)
