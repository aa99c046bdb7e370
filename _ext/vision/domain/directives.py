"""The object directives: theme, policy, goal, initiative, indicator, opinion.

Each works in MyST (``:::{goal} G1-1``) and in rST (``.. goal:: G1-1``); the
argument is the id, options carry the title, links and fields, and the body
is the object's text. A directive registers a :class:`VisionObject` with the
domain and leaves a :class:`vision_backlinks` placeholder that is filled when
every document is known. Mistakes are located warnings; the object is still
rendered so the editor sees it in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import events, labels
from . import naming, object_checks, vision_domain
from .model import VisionObject, anchor_for, is_valid_id
from .nodes import vision_backlinks, vision_fields, vision_object, vision_object_title
from .roles import make_xref

if TYPE_CHECKING:
    from .sphinx_domain import VisionDomain

logger = logging.getLogger(__name__)

#: Readable forms of the id patterns, for messages.
ID_EXAMPLES = {
    'theme': 'T', 'policy': 'P1', 'goal': 'G1-1', 'initiative': 'I1 or I1-2',
    'indicator': 'K1 or K1-2', 'opinion': 'O1', 'meeting': 'M1',
}


def id_list(argument: str | None) -> tuple[str, ...]:
    """``G1-1, G1-2`` (commas and/or spaces) -> ``('G1-1', 'G1-2')``."""
    return tuple(part for part in (argument or '').replace(',', ' ').split() if part)


class VisionObjectDirective(SphinxDirective):
    """Common behaviour; subclasses set ``objtype``, options and link types."""

    objtype: ClassVar[str]
    #: option name -> the object type its ids point to.
    link_options: ClassVar[dict[str, str]] = {}
    #: options that must be given.
    required_options: ClassVar[tuple[str, ...]] = ('title',)
    #: options kept as plain fields.
    field_options: ClassVar[tuple[str, ...]] = ()

    required_arguments = 1
    has_content = True
    common_options: ClassVar[dict] = {
        'title': directives.unchanged,
        'tags': id_list,
    }

    @property
    def domain(self) -> VisionDomain:
        return vision_domain(self.env)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        object_id = object_checks.ascii_id(self.objtype, self.arguments[0].strip(), location)
        for name in self.link_options:
            if self.options.get(name):
                self.options[name] = object_checks.ascii_ids(
                    self.objtype, object_id, name, self.options[name], location)
        self._check_options(object_id)
        if 'unit' in self.field_options:
            object_checks.check_unit(self.objtype, object_id, self.options, location)
        body = None
        if self.content:
            body = nodes.container(classes=['vision-object-body'])
            self.state.nested_parse(self.content, self.content_offset, body)
            object_checks.check_body(self.objtype, object_id, body, location)
        obj = VisionObject(
            objtype=self.objtype,
            id=object_id,
            title=self._title(body),
            docname=self.env.docname,
            lineno=self.lineno,
            anchor=anchor_for(self.objtype, object_id),
            links={name: self.options[name] for name in self.link_options if self.options.get(name)},
            fields={name: self.options[name] for name in self.field_options if self.options.get(name)},
            tags=self.options.get('tags', ()),
            body=body.astext() if body is not None else '',
        )
        if not is_valid_id(self.objtype, object_id):
            logger.warning('malformed %s id %r: expected the form %s', self.objtype, object_id,
                           ID_EXAMPLES[self.objtype], location=location,
                           type='vision', subtype='id')
        else:
            self.domain.note_object(obj, location)
        return [self._render(obj, body)]

    def _title(self, body: nodes.Element | None) -> str:
        return self.options.get('title', '').strip()

    def _check_options(self, object_id: str) -> None:
        for name in self.required_options:
            if not self.options.get(name, '') or not str(self.options[name]).strip():
                logger.warning(self._missing_message(name), self.objtype, object_id,
                               location=self.get_location(), type='vision',
                               subtype=f'missing-{name}')

    def _missing_message(self, option: str) -> str:
        if option == 'title':
            return 'missing title: %s %r needs a :title: option'
        return f'%s %r has no :{option}: option'

    def _render(self, obj: VisionObject, body: nodes.Element | None) -> nodes.Element:
        # Its anchor is given at write time by AssignAnchors.
        node = vision_object('', classes=['vision-object', f'vision-{obj.objtype}'],
                             objtype=obj.objtype, objid=obj.id, docname=obj.docname,
                             lineno=obj.lineno)
        self.set_source_info(node)
        title = vision_object_title('', '', classes=['vision-object-title'])
        label, separator, name = naming.heading_parts(obj)
        title += nodes.inline(label, label, classes=['vision-object-label'])
        if separator:
            title += nodes.Text(separator)
        if name:
            title += nodes.inline(obj.title, name, classes=['vision-object-name'])
        node += title
        if body is not None:
            node += body
        fields = self._fields(obj)
        if fields.children:
            node += fields
        node += vision_backlinks(objtype=obj.objtype, objid=obj.id, docname=self.env.docname)
        return node

    def _fields(self, obj: VisionObject) -> vision_fields:
        # "compact": docutils' HTML writer tests a field list for simplicity
        # with a visitor that knows only docutils' own nodes.
        field_list = vision_fields(classes=['vision-fields', 'compact'])
        for name, label in labels.FIELD_LABELS.items():
            if name in obj.links and name in self.link_options:
                body = nodes.paragraph()
                for index, target in enumerate(obj.links[name]):
                    if index:
                        body += nodes.Text('、')
                    body += make_xref(self.link_options[name], target, self.env.docname)
            elif name in obj.fields:
                body = nodes.paragraph(obj.fields[name], obj.fields[name])
            elif name == 'tags' and obj.tags:
                body = nodes.paragraph('', '、'.join(obj.tags))
            else:
                continue
            field_list += nodes.field('', nodes.field_name(str(label), str(label)),
                                      nodes.field_body('', body))
        return field_list


class ThemeDirective(VisionObjectDirective):
    """The main theme (メインテーマ). Required: ``:title:``."""

    objtype = 'theme'
    option_spec: ClassVar[dict] = {**VisionObjectDirective.common_options}


class PolicyDirective(VisionObjectDirective):
    """A basic policy (基本的方針). Required: ``:title:`` (short title); optional
    ``:mark:`` (①, shown instead of the number), ``:tags:``. Body: the full statement."""

    objtype = 'policy'
    field_options = ('mark',)
    option_spec: ClassVar[dict] = {**VisionObjectDirective.common_options,
                                   'mark': directives.unchanged}


class GoalDirective(VisionObjectDirective):
    """A goal (目指す姿). Required: ``:title:``, ``:policy:``."""

    objtype = 'goal'
    link_options = {'policy': 'policy'}
    required_options = ('title', 'policy')
    option_spec: ClassVar[dict] = {**VisionObjectDirective.common_options,
                                   'policy': id_list}

    def _fields(self, obj: VisionObject) -> vision_fields:
        # A goal is shown under its policy; its policy link is in the policy's backlinks.
        return vision_fields()


class InitiativeDirective(VisionObjectDirective):
    """An initiative (取組). Required: ``:title:``, ``:goals:``."""

    objtype = 'initiative'
    link_options = {'goals': 'goal'}
    required_options = ('title', 'goals')
    option_spec: ClassVar[dict] = {**VisionObjectDirective.common_options, 'goals': id_list}


class IndicatorDirective(VisionObjectDirective):
    """An indicator (指標). Required: ``:title:``, ``:goals:``; optional ``:unit:``,
    ``:baseline:``, ``:target:``, ``:year:``, ``:source:``."""

    objtype = 'indicator'
    link_options = {'goals': 'goal'}
    required_options = ('title', 'goals')
    field_options = ('unit', 'baseline', 'target', 'year', 'source')
    option_spec: ClassVar[dict] = {
        **VisionObjectDirective.common_options, 'goals': id_list,
        **{name: directives.unchanged for name in field_options},
    }


class OpinionDirective(VisionObjectDirective):
    """A committee opinion (意見). Required: ``:goals:``; optional ``:meeting:``.
    The body is the opinion's text, which is also its title in tables."""

    objtype = 'opinion'
    link_options = {'goals': 'goal', 'meeting': 'meeting'}
    required_options = ('goals',)
    option_spec: ClassVar[dict] = {
        'goals': id_list, 'meeting': id_list, 'tags': id_list,
    }

    def _title(self, body: nodes.Element | None) -> str:
        # The text readers see, without the markup of links or emphasis.
        return body.astext().replace('\n', '') if body is not None else ''



OBJECT_DIRECTIVES: dict[str, type[Directive]] = {
    directive.objtype: directive
    for directive in (ThemeDirective, PolicyDirective, GoalDirective, InitiativeDirective,
                      IndicatorDirective, OpinionDirective)
}


class AssignAnchors(SphinxPostTransform):
    """Give each object node its anchor if it owns its id.

    Of duplicates, the domain decides the owner once all pages are read
    (:meth:`VisionDomain.note_object`); deciding here, not while reading,
    keeps serial, parallel and incremental output identical and HTML ids
    unique.
    """

    default_priority = events.ASSIGN_ANCHORS

    def run(self, **kwargs) -> None:
        objects = vision_domain(self.env).objects
        for node in self.document.findall(vision_object):
            owner = objects.get(node['objid'])
            owns = (owner is not None and owner.objtype == node['objtype']
                    and (owner.docname, owner.lineno) == (node['docname'], node['lineno']))
            node['ids'] = [owner.anchor] if owner is not None and owns else []


def setup(app) -> None:
    app.add_post_transform(AssignAnchors)
    # ``:::{goal}`` without the domain prefix works like ``:::{vision:goal}``.
    for name, directive in OBJECT_DIRECTIVES.items():
        app.add_directive(name, directive)
