"""The structure diagram (体系図): ordinance -> main theme -> basic policies -> goals.

The levels are the registry's (:mod:`vision.object_types`): the banner type
(the main theme), then the hierarchy's levels; the ordinance is
``vision_ordinance`` in ``conf.py`` (no box when it is empty).

``{vision-structure}`` leaves a placeholder; when the page is written, the
diagram's mermaid text and its text alternative (the same tree as a nested
list of links) are generated from the domain's objects, so the drawing never
disagrees with the text. Options:

``:policy: P2``      only that policy and its goals;
``:initiatives:``   also each goal's initiatives;
``:caption: ...``   instead of the generated caption.
``:landscape:``     in print, the whole vision on a landscape page of its own,
                    drawn wider (labels wrap less) so that its text prints at
                    9 pt or more; the HTML is unchanged.

In HTML each box links to its object. The page is a view of many objects
(``VisionDomain.note_view``), so :mod:`vision.views.dependencies` rewrites it when
an object it shows changes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .. import events, labels
from ..build_state import PerDocument
from ..config import document_name
from ..domain import naming, vision_domain
from ..domain.nodes import vision_landscape
from ..domain.selection import ViewSpec
from ..messages import translated
from ..object_types import ObjectTypes, object_types
from ..stage import has_watermark
from .mermaid import diagram, diagram_node, mermaid_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from ..domain.model import VisionObject
    from ..domain.sphinx_domain import VisionDomain

logger = logging.getLogger(__name__)
_ = get_translation('vision')

#: The std label of the ordinance's page, the root box's link target.
ORDINANCE_LABEL = 'ordinance'

#: Fills let the draft's watermark show through in print (it lies under the
#: page); where there is none (策定, or on screen) they are opaque.
SEE_THROUGH = ',fill-opacity:0.6'

#: The box style of each level (neutral theme; text stays black on light fills):
#: the ordinance, the banner (main theme), then the hierarchy's levels from the top.
CLASS_DEFS = {
    'ordinance': 'fill:#e9ecef,stroke:#343a40,stroke-width:2px',
    'banner': 'fill:#fff3cd,stroke:#856404,stroke-width:2px',
    'level-1': 'fill:#dbe7f5,stroke:#1f4e79',
    'level-2': 'fill:#ffffff,stroke:#1f4e79',
    'level-3': 'fill:#f1f8ec,stroke:#3c763d',
}
#: The frames around the row of policies and around each policy's column.
ROW_STYLE = 'fill:none,stroke:#6c757d'
COLUMN_STYLE = 'fill:#f8f9fa,stroke:#adb5bd'


#: Compact spacing, so that the whole vision stays legible on an A4 page.
FRONT_MATTER = """---
config:
  themeVariables:
    fontSize: 20px
  flowchart:
    nodeSpacing: 8
    rankSpacing: 12
    padding: 6
    wrappingWidth: 220
    subGraphTitleMargin: {top: 0, bottom: 0}
---"""
#: The same for a landscape page in print: wider labels, so fewer lines and a
#: drawing short enough to fill the page's width at 9 pt or more.
LANDSCAPE_FRONT_MATTER = (FRONT_MATTER.replace('fontSize: 20px', 'fontSize: 28px')
                          .replace('wrappingWidth: 220', 'wrappingWidth: 420')
                          .replace('rankSpacing: 12', 'rankSpacing: 2'))


class structure_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the diagram when the page is written; keeps the directive's options."""


class StructureDiagramDirective(SphinxDirective):
    """``vision-structure``; its options name the registry's levels (:func:`structure_directive`)."""

    #: The option naming one object of the top level (``policy``), and the flag
    #: that adds the deepest level (``initiatives``).
    top_option: ClassVar[str] = ''
    deepest_option: ClassVar[str] = ''

    def run(self) -> list[nodes.Node]:
        placeholder = structure_placeholder(
            docname=self.env.docname, lineno=self.lineno,
            top=self.options.get(self.top_option, '').strip(),
            deepest=self.deepest_option in self.options,
            caption=self.options.get('caption', ''),
            default_caption=str(labels.STRUCTURE_CAPTION).format(
                document=str(_(document_name(self.config)))),
            landscape='landscape' in self.options,
            # Fixed here: an id given when the page is written would be the
            # writer's next id1, which LaTeX's assembled document also gives
            # to a section (a label defined twice).
            figure_id=f'vision-structure-{self.env.new_serialno("vision-structure")}')
        placeholder['ids'] = [placeholder['figure_id']]
        self.set_source_info(placeholder)
        types = object_types(self.config).hierarchy
        if self.deepest_option and not placeholder['deepest']:
            types = types[:-1]
        within = (placeholder['top'],) if placeholder['top'] else ()
        vision_domain(self.env).note_view(self.env.docname, ViewSpec(types, within=within))
        return [placeholder]


def structure_directive(types: ObjectTypes) -> type[StructureDiagramDirective]:
    """``vision-structure`` for these types: ``:policy: P2`` and ``:initiatives:`` by default."""
    levels = types.levels
    top = levels[0].key if levels else ''
    deepest = f'{levels[-1].key}s' if len(levels) > 2 else ''
    option_spec: dict[str, object] = {'caption': directives.unchanged,
                                      'landscape': directives.flag}
    if top:
        option_spec[top] = directives.unchanged_required
    if deepest:
        option_spec[deepest] = directives.flag
    return type('StructureDiagramDirective', (StructureDiagramDirective,), {
        'option_spec': option_spec, 'top_option': top, 'deepest_option': deepest})


def register_directive(app: Sphinx, config: Config) -> None:
    app.add_directive('vision-structure', structure_directive(object_types(config)),
                      override=True)


# -- The tree, then its two forms: mermaid text and nested list ------------------------------

class Box:
    """One box of the diagram: an object, or the ordinance (which is not an object)."""

    def __init__(self, key: str, kind: str, text: str, docname: str | None, anchor: str,
                 children: list[Box], short: tuple[str, ...] = (),
                 obj: VisionObject | None = None, style: str = '') -> None:
        self.key, self.kind, self.text = key, kind, text
        #: Its key in CLASS_DEFS: ``ordinance``, ``banner``, ``level-1`` ...
        self.style = style or kind
        #: The object drawn, None for the ordinance.
        self.obj = obj
        self.docname, self.anchor, self.children = docname, anchor, children
        #: The lines in the drawing, where the layout already says what a box is.
        self.short = short or (text,)


def _object_box(domain: VisionDomain, obj: VisionObject, initiatives: bool) -> Box:
    """The box of a hierarchy level's object, with its children at the next level."""
    levels = [kind.key for kind in domain.types.levels]
    depth = levels.index(obj.objtype) if obj.objtype in levels else len(levels)
    # The deepest level (initiatives) only when asked for, in a hierarchy of three or more.
    deepest = len(levels) if initiatives or len(levels) < 3 else len(levels) - 1
    children = []
    if depth + 1 < deepest:
        children = [_object_box(domain, child, initiatives)
                    for child in domain.children(obj.id, levels[depth + 1])]
    short = (naming.short_name(obj),) if obj.kind.diagram_label == 'short' else ()
    return Box(obj.id, obj.objtype, naming.heading_text(obj), obj.docname, obj.anchor, children,
               short=short, obj=obj, style=f'level-{depth + 1}')


def structure_tree(env: BuildEnvironment, spec: dict) -> Box | None:
    """The tree the options ask for; None when the policy asked for is unknown."""
    domain = vision_domain(env)
    levels = domain.types.levels
    if not levels:
        return None
    top = levels[0].key
    if spec['top']:
        policy = domain.objects.get(spec['top'])
        if policy is None or policy.objtype != top:
            return None
        return _object_box(domain, policy, spec['deepest'])
    policies = [_object_box(domain, p, spec['deepest']) for p in domain.objects_of(top)]
    below_ordinance = policies
    banner = domain.types.banner
    themes = domain.objects_of(banner.key) if banner is not None else []
    if themes:
        theme = themes[0]
        below_ordinance = [Box(theme.id, theme.objtype, naming.heading_text(theme), theme.docname,
                               theme.anchor, policies,
                               short=naming.heading_parts(theme)[::2], obj=theme, style='banner')]
    ordinance = env.config.vision_ordinance
    if not ordinance:
        return Group(below_ordinance)
    docname, anchor = env.domains.standard_domain.labels.get(ORDINANCE_LABEL, (None, '', ''))[:2]
    return Box('ordinance', 'ordinance', str(_(ordinance)), docname, anchor, below_ordinance)


class Group(Box):
    """The whole vision without an ordinance: no box of its own, only its children."""

    def __init__(self, children: list[Box]) -> None:
        super().__init__('', '', '', None, '', children)


def _walk(box: Box):
    yield box
    for child in box.children:
        yield from _walk(child)


def _mermaid_id(box: Box) -> str:
    return 'n_' + re.sub(r'\W', '_', box.key)


def _href(builder: Builder, fromdocname: str, docname: str, anchor: str) -> str:
    uri = builder.get_relative_uri(fromdocname, docname)
    return f'{uri}#{anchor}' if anchor else uri


def _see_through(builder: Builder) -> str:
    """The fills' opacity: translucent only over a watermark (a draft's PDF)."""
    return SEE_THROUGH if has_watermark(builder.config, builder.format) else ''


def _landscape(builder: Builder, spec: dict) -> bool:
    """Whether this diagram goes on a landscape page: asked for, in LaTeX, the whole vision."""
    return bool(spec.get('landscape')) and builder.format == 'latex' and not spec['top']


def mermaid_source(tree: Box, builder: Builder, fromdocname: str, landscape: bool = False) -> str:
    """The drawing of *tree*, with links to the objects in HTML.

    The whole vision runs top-down: the ordinance, the theme, then a row of
    framed columns, one per policy with its goals stacked below it (narrow
    columns fit an A4 page at a legible size). Invisible links between the
    columns fix their order, which dagre would otherwise choose. A single
    policy runs left to right, its goals beside it.
    """
    boxes = [box for box in _walk(tree) if not isinstance(box, Group)]
    if tree.style == 'level-1':
        lines = [FRONT_MATTER, 'flowchart LR', *(_box(b) for b in boxes)]
        lines += [f'  {_mermaid_id(b)} --> {_mermaid_id(c)}' for b in boxes for c in b.children]
    else:
        lines = [LANDSCAPE_FRONT_MATTER if landscape else FRONT_MATTER, 'flowchart TB']
        above = [b for b in boxes if b.style in ('ordinance', 'banner')]
        policies = [b for b in boxes if b.style == 'level-1']
        links = [f'  {_mermaid_id(b)} --> {_mermaid_id(c)}'
                 for b in above for c in b.children if c.style != 'level-1']
        landscape = landscape and bool(above)
        if landscape:  # the ordinance beside the theme: a shorter drawing
            lines += ['  subgraph head [" "]', '    direction LR', *(_box(b) for b in above),
                      *links, '  end', '  style head fill:none,stroke:none']
        else:
            lines += [*(_box(b) for b in above), *links]
        group = policies[0].obj.kind.group_label if policies and policies[0].obj else ''
        title = mermaid_label(str(_(group)).format(count=len(policies))) if group else ' '
        lines += [f'  subgraph policies ["{title}"]', '    direction LR']
        for policy in policies:
            lines += _policy_column(policy, _see_through(builder))
        lines += ['    ' + ' ~~~ '.join(f'{_mermaid_id(p)}_column' for p in policies), '  end']
        if above:
            lines.append(f'  {"head" if landscape else _mermaid_id(above[-1])} --> policies')
        lines.append(f'  style policies {ROW_STYLE}')
    if builder.format == 'html':
        lines += [f'  click {_mermaid_id(b)} href "{_href(builder, fromdocname, b.docname, b.anchor)}"'
                  for b in boxes if b.docname]
    kinds = dict.fromkeys((b.kind, b.style) for b in boxes)
    lines += [f'  classDef {kind} {_class_def(style)}{_see_through(builder)}'
              for kind, style in kinds]
    return '\n'.join(lines) + '\n'


def _class_def(style: str) -> str:
    """A level's box style; levels below the third (a type added in conf.py) take the third's."""
    return CLASS_DEFS.get(style) or CLASS_DEFS['level-3']


def _box(box: Box) -> str:
    return f'  {_mermaid_id(box)}["{mermaid_label(*box.short)}"]:::{box.kind}'


def _policy_column(policy: Box, opacity: str) -> list[str]:
    """A frame holding the policy and, stacked below by invisible links, its goals."""
    column = list(_walk(policy))
    lines = [f'  subgraph {_mermaid_id(policy)}_column [" "]', '    direction TB']
    lines += ['  ' + _box(b) for b in column]
    lines.append('    ' + ' ~~~ '.join(_mermaid_id(b) for b in column))
    lines += [f'    {_mermaid_id(g)} --> {_mermaid_id(i)}'
              for g in column if g is not policy for i in g.children]
    lines += ['  end', f'  style {_mermaid_id(policy)}_column {COLUMN_STYLE}{opacity}']
    return lines


def nested_list(tree: Box, builder: Builder, fromdocname: str) -> nodes.bullet_list:
    """The same tree as nested lists of links: the diagram's text alternative."""
    if isinstance(tree, Group):
        return nodes.bullet_list('', *(nested_list(c, builder, fromdocname)[0]
                                       for c in tree.children))
    text = nodes.Text(tree.text)
    link: nodes.Node = text
    try:
        if tree.obj is not None:
            domain = vision_domain(builder.env)
            link = domain.make_link(builder, fromdocname, tree.obj, text, pageref=False)
        elif tree.docname:  # the ordinance: a section, not an object
            link = make_refnode(builder, fromdocname, tree.docname, tree.anchor, text)
    except NoUri:  # a LaTeX document without the target's page (the 概要版)
        link = text
    item = nodes.list_item('', nodes.paragraph('', '', link))
    if tree.children:
        item += nodes.bullet_list('', *(nested_list(c, builder, fromdocname)[0] for c in tree.children))
    return nodes.bullet_list('', item)


def _caption(env: BuildEnvironment, spec: dict) -> str:
    if spec['caption']:
        return spec['caption']
    if spec['top']:
        policy = vision_domain(env).objects[spec['top']]
        return str(labels.POLICY_STRUCTURE_CAPTION).format(policy=naming.object_label(policy))
    return spec['default_caption']


# -- Sphinx wiring ---------------------------------------------------------------------------

def _problem(tree: Box | None, spec: dict) -> str | None:
    if tree is None:
        return translated('unknown policy %r', spec['top'])
    if not any(box.style == 'level-1' for box in _walk(tree)):
        return translated('no policies are defined')
    return None


def warn_about_problems(app: Sphinx, builder: Builder) -> None:
    """Before writing, on every build: a bad diagram warns even when its page is not rewritten."""
    for docname, specs in sorted(SPECS.of(app.env).items()):
        for spec in specs:
            problem = _problem(structure_tree(app.env, spec), spec)
            if problem:
                logger.warning('structure diagram: %s', problem, location=(docname, spec['lineno']),
                               type='vision', subtype='diagram')


def draw_structure_diagrams(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for placeholder in list(doctree.findall(structure_placeholder)):
        spec = placeholder.attributes
        tree = structure_tree(app.env, spec)
        if tree is None or _problem(tree, spec):
            placeholder['ids'] = []
            placeholder.replace_self([])  # warned about before writing
            continue
        fromdocname = docname if app.builder.format == 'html' else spec['docname']
        landscape = _landscape(app.builder, spec)
        figure = diagram_node(
            mermaid_source(tree, app.builder, fromdocname, landscape), caption=_caption(app.env, spec),
            alt=nested_list(tree, app.builder, fromdocname), location=placeholder)
        figure['classes'].append('vision-structure-diagram')
        # The figure's id, then any the placeholder received (a label above it).
        figure['ids'] = [spec['figure_id'], *(i for i in spec['ids'] if i != spec['figure_id'])]
        if landscape:
            drawing = figure.next_node(diagram)
            assert drawing is not None  # diagram_node always draws
            drawing['fill_page'] = True
            placeholder.replace_self(vision_landscape('', figure))
        else:
            placeholder.replace_self(figure)


def _specs_of(doctree: nodes.document) -> list[dict]:
    return [dict(node.attributes) for node in doctree.findall(structure_placeholder)]


#: The options of each page's structure diagrams.
SPECS: PerDocument[list[dict]] = PerDocument('structure_diagrams')


def sources_to_draw(app: Sphinx, builder: Builder) -> list[str]:
    """Answer ``vision-diagram-sources``: this build's structure diagrams join the batch."""
    sources = []
    for docname, specs in sorted(SPECS.of(app.env).items()):
        for spec in specs:
            tree = structure_tree(app.env, spec)
            if tree is not None and not _problem(tree, spec):
                sources.append(mermaid_source(tree, builder, docname, _landscape(builder, spec)))
    return sources


def placeholder_caption(node: nodes.Node) -> str:
    """The figure's caption as far as known when reading; Sphinx numbers the placeholder (図4-1)."""
    assert isinstance(node, structure_placeholder)
    return node['caption'] or node['default_caption']


def setup(app: Sphinx) -> None:
    app.add_enumerable_node(structure_placeholder, 'figure', placeholder_caption, override=True)
    app.connect('config-inited', register_directive)
    app.add_env_collector(SPECS.collector(_specs_of))
    app.connect('write-started', warn_about_problems)
    app.connect('doctree-resolved', draw_structure_diagrams)
    app.connect(events.DIAGRAM_SOURCES, sources_to_draw)
