"""The object directives, one per type of the registry (:mod:`vision.object_types`).

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
from ..messages import Term
from ..object_types import object_types
from ..translation import lookup as translation
from ..translation.messages import messages_node
from . import naming, object_checks
from .model import VisionObject, anchor_for
from .nodes import (
    vision_anchor,
    vision_backlinks,
    vision_fields,
    vision_mark,
    vision_object,
    vision_object_title,
)
from .roles import make_xref
from .store import object_store

if TYPE_CHECKING:
    from ..object_types import ObjectType, ObjectTypes
    from .store import ObjectStore

logger = logging.getLogger(__name__)


def id_list(argument: str | None) -> tuple[str, ...]:
    """``G1-1, G1-2`` (commas and/or spaces) -> ``('G1-1', 'G1-2')``."""
    return tuple(part for part in (argument or '').replace(',', ' ').split() if part)


class VisionObjectDirective(SphinxDirective):
    """Common behaviour; :func:`directive_for` makes one subclass per type from its record."""

    objtype: ClassVar[str]
    kind: ClassVar[ObjectType]
    #: option name -> the object type its ids point to.
    link_options: ClassVar[dict[str, str]] = {}
    #: options that must be given.
    required_options: ClassVar[tuple[str, ...]] = ('title',)
    #: options kept as plain fields.
    field_options: ClassVar[tuple[str, ...]] = ()

    required_arguments = 1
    has_content = True

    @property
    def domain(self) -> ObjectStore:
        return object_store(self.env)

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
        source_title = self._title(body)
        title = self._translated_title(source_title, body, location)
        source_body = body.astext() if body is not None else ''
        translated_body = self._translated_body(body, source_body)
        obj = VisionObject(
            objtype=self.objtype,
            id=object_id,
            title=title.text,
            source_title=source_title if title.text != source_title else '',
            docname=self.env.docname,
            lineno=self.lineno,
            anchor=anchor_for(self.objtype, object_id),
            kind=self.kind,
            links={name: self.options[name] for name in self.link_options if self.options.get(name)},
            fields={name: self.options[name] for name in self.field_options if self.options.get(name)},
            tags=self.options.get('tags', ()),
            body=(title.text if self.kind.text_is_title and title.state == translation.TRANSLATED
                  else translated_body),
            source_body=source_body if translated_body != source_body else '',
            translations=self._translations(source_title, body, source_body, location),
        )
        if not self.kind.is_valid_id(object_id):
            logger.warning('malformed %s id %r: expected the form %s', Term(self.objtype), object_id,
                           self.kind.id_example, location=location,
                           type='vision', subtype='id')
        else:
            self.domain.note_object(obj, location)
        rendered = self._render(obj, body, title)
        if self.kind.text_is_title:
            return [rendered]
        # The :title: for Sphinx's gettext builder (the body's paragraphs are found as they are).
        return [rendered, messages_node([source_title], *self.get_source_info())]

    def _translated_title(self, source_title: str, body: nodes.Element | None, location: object,
                          language: str | None = None) -> translation.Translated:
        """The title in this build's language; stored so, every view shows it translated.

        A type shown with its text (an opinion) is titled by its body, which
        Sphinx's Locale transform translates paragraph by paragraph: the title
        is the translated paragraphs' text, if every one is translated (their
        warnings are the page's, :mod:`vision.translation.marks`).
        """
        if language is None and not translation.translating(self.env):
            return translation.Translated(source_title, translation.TRANSLATED)
        if not self.kind.text_is_title:
            source, line = self.get_source_info()
            return translation.translate(self.env, source_title, location, source=source, line=line,
                                         language=language)
        parts = []
        for paragraph in body.findall(nodes.paragraph) if body is not None else ():
            found = translation.translate(self.env, translation.message_of(paragraph), None,
                                          source=paragraph.source, line=paragraph.line, warn=False,
                                          language=language)
            if found.state != translation.TRANSLATED:
                return translation.Translated(source_title, found.state)
            parts.append(translation.plain_text(found.text))
        return translation.Translated(''.join(parts) or source_title, translation.TRANSLATED)

    def _translated_body(self, body: nodes.Element | None, source_body: str,
                         language: str | None = None) -> str:
        """The body's plain text in this build's language (a policy's statement, the
        main theme's text), for the views that show it away from its page (the
        概要版, ``vision.json``): its paragraphs as Sphinx's Locale transform will
        translate them, or the Japanese if any is not translated (the page's own
        paragraph is marked and warned about, :mod:`vision.translation.marks`)."""
        if body is None or (language is None and not translation.translating(self.env)):
            return source_body
        paragraphs = list(body.findall(nodes.paragraph))
        if not paragraphs or len(paragraphs) != len(body.children):
            return source_body
        parts = []
        for paragraph in paragraphs:
            found = translation.translate(self.env, translation.message_of(paragraph), None,
                                          source=paragraph.source, line=paragraph.line, warn=False,
                                          language=language)
            if found.state != translation.TRANSLATED:
                return source_body
            parts.append(translation.plain_text(found.text))
        return '\n\n'.join(parts)

    def _translations(self, source_title: str, body: nodes.Element | None, source_body: str,
                      location: object) -> dict[str, tuple[str, str]]:
        """The title and body in each translation's language of the site, where translated
        (for ``vision.json``, which carries every language); nothing is warned here."""
        found = {}
        for language in translation.other_languages(self.env):
            title = self._translated_title(source_title, body, location, language)
            if title.state != translation.TRANSLATED:
                continue
            text = self._translated_body(body, source_body, language)
            if self.kind.text_is_title:
                text = title.text
            elif text == source_body and source_body:
                text = ''
            found[language] = (title.text, text)
        return found

    def _title(self, body: nodes.Element | None) -> str:
        if self.kind.text_is_title:
            # The text readers see, without the markup of links or emphasis.
            return body.astext().replace('\n', '') if body is not None else ''
        return self.options.get('title', '').strip()

    def _check_options(self, object_id: str) -> None:
        for name in self.required_options:
            if not self.options.get(name, '') or not str(self.options[name]).strip():
                self._warn_missing(name, object_id)

    def _warn_missing(self, option: str, object_id: str) -> None:
        location, subtype = self.get_location(), f'missing-{option}'
        if option == 'title':
            logger.warning('missing title: %s %r needs a :title: option', Term(self.objtype),
                           object_id, location=location, type='vision', subtype=subtype)
        else:
            logger.warning('%s %r has no :%s: option', Term(self.objtype), object_id, option,
                           location=location, type='vision', subtype=subtype)

    def _render(self, obj: VisionObject, body: nodes.Element | None,
                title_text: translation.Translated) -> nodes.Element:
        # Its anchor is given at write time by AssignAnchors.
        node = vision_object('', classes=['vision-object', f'vision-{obj.objtype}'],
                             objtype=obj.objtype, objid=obj.id, docname=obj.docname,
                             lineno=obj.lineno)
        self.set_source_info(node)
        self.add_name(node)
        title = vision_object_title('', '', classes=['vision-object-title'])
        label, separator, name = naming.heading_parts(obj)
        title += nodes.inline(label, label, classes=['vision-object-label'])
        if separator:
            title += nodes.Text(separator)
        if name and title_text.shown_in_source_language and not self.kind.text_is_title:
            title += translation.marked(nodes.inline(obj.title, name, classes=['vision-object-name']),
                                        title_text.state)
        elif name:
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
        if not self.kind.show_fields:  # a goal is shown under its policy, which lists it
            return vision_fields()
        types = object_types(self.config)
        shown: list[tuple[str, nodes.paragraph]] = []
        for name, target_type in self.kind.links:
            if name in obj.links and target_type in types:
                body = nodes.paragraph()
                for index, target in enumerate(obj.links[name]):
                    if index:
                        body += nodes.Text('、')
                    body += make_xref(target_type, target, self.env.docname)
                shown.append((types[target_type].label, body))
        for name in self.kind.fields:
            label = self.kind.field_label(name)
            if name in obj.fields and label is not None:
                shown.append((label, nodes.paragraph(obj.fields[name], obj.fields[name])))
        if obj.tags:
            label = str(labels.FIELD_LABELS['tags'])
            shown.append((label, nodes.paragraph('', '、'.join(obj.tags))))
        for label, body in shown:
            field_list += nodes.field('', nodes.field_name(label, label),
                                      nodes.field_body('', body))
        return field_list


def directive_for(kind: ObjectType) -> type[VisionObjectDirective]:
    """The directive of one type: its options from the record's links and fields."""
    option_spec: dict[str, object] = {} if kind.text_is_title else {'title': directives.unchanged}
    option_spec.update({name: id_list for name, _target in kind.links})
    option_spec.update({name: directives.unchanged for name in kind.fields})
    option_spec['tags'] = id_list
    option_spec['name'] = directives.unchanged  # a label for {ref}, like any directive's :name:
    return type(f'{kind.key.title().replace("_", "")}Directive', (VisionObjectDirective,), {
        '__doc__': f'The {kind.key} directive ({kind.name}), made from its type record.',
        'objtype': kind.key, 'kind': kind, 'option_spec': option_spec,
        'link_options': dict(kind.links), 'required_options': kind.required,
        'field_options': kind.fields,
    })


def object_directives(types: ObjectTypes) -> dict[str, type[Directive]]:
    """One directive per type that editors write, by its key."""
    return {kind.key: directive_for(kind) for kind in types.written}


class AssignAnchors(SphinxPostTransform):
    """Give each object node its anchor if it owns its id.

    Of duplicates, the domain decides the owner once all pages are read
    (:meth:`VisionDomain.note_object`); deciding here, not while reading,
    keeps serial, parallel and incremental output identical and HTML ids
    unique. The ids the node received while reading (a ``(label)=`` or an
    ``{index}`` just above it, a ``:name:``) stay after the anchor: links to
    them land on the object in every format.
    """

    default_priority = events.ASSIGN_ANCHORS

    def run(self, **kwargs) -> None:
        objects = object_store(self.env).objects
        for node in self.document.findall(nodes.Element):
            if not isinstance(node, (vision_object, vision_anchor)):
                continue
            owner = objects.get(node['objid'])
            owns = (owner is not None and owner.objtype == node['objtype']
                    and (owner.docname, owner.lineno) == (node['docname'], node['lineno']))
            anchor = [owner.anchor] if owner is not None and owns else []
            received = [i for i in node['ids'] if i not in anchor and i != node.get('anchor')]
            node['ids'] = anchor + received


def register_directives(app, config) -> None:
    """``:::{goal}`` without the domain prefix works like ``:::{vision:goal}``."""
    for name, directive in object_directives(object_types(config)).items():
        app.add_directive(name, directive, override=True)


def setup(app) -> None:
    # Registered so that builders without visitors of their own (xml, pseudoxml)
    # know the node: every other writer visits it as the target it subclasses.
    app.add_node(vision_anchor)
    app.add_node(vision_mark)
    app.add_post_transform(AssignAnchors)
    app.connect('config-inited', register_directives)
