"""The structure diagram (体系図): ordinance -> main theme -> basic policies -> goals.

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
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .. import events, labels
from ..domain import naming, vision_domain
from ..domain.selection import HIERARCHY, ViewSpec
from ..per_document import PerDocument
from ..stage import is_draft
from .mermaid import diagram, diagram_node, mermaid_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from ..domain.model import VisionObject
    from ..domain.sphinx_domain import VisionDomain

logger = logging.getLogger(__name__)

#: The std label of the ordinance's page, the root box's link target.
ORDINANCE_LABEL = 'ordinance'

#: Fills let the draft's watermark show through in print (it lies under the
#: page); where there is none (策定, or on screen) they are opaque.
SEE_THROUGH = ',fill-opacity:0.6'

#: The box style of each level (neutral theme; text stays black on light fills).
CLASS_DEFS = {
    'ordinance': 'fill:#e9ecef,stroke:#343a40,stroke-width:2px',
    'theme': 'fill:#fff3cd,stroke:#856404,stroke-width:2px',
    'policy': 'fill:#dbe7f5,stroke:#1f4e79',
    'goal': 'fill:#ffffff,stroke:#1f4e79',
    'initiative': 'fill:#f1f8ec,stroke:#3c763d',
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


#: A landscape page of its own (pdflscape turns it in viewers); the figure stays
#: on it (``H``-like: it is the page's only content).
LANDSCAPE_BEGIN = '\n\\begin{landscape}\n'
LANDSCAPE_END = '\n\\end{landscape}\n'


class structure_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the diagram when the page is written; keeps the directive's options."""


class StructureDiagramDirective(SphinxDirective):
    option_spec: ClassVar = {
        'policy': directives.unchanged_required,
        'initiatives': directives.flag,
        'caption': directives.unchanged,
        'landscape': directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        placeholder = structure_placeholder(
            docname=self.env.docname, lineno=self.lineno,
            policy=self.options.get('policy', '').strip(),
            initiatives='initiatives' in self.options,
            caption=self.options.get('caption', ''),
            landscape='landscape' in self.options,
            # Fixed here: an id given when the page is written would be the
            # writer's next id1, which LaTeX's assembled document also gives
            # to a section (a label defined twice).
            figure_id=f'vision-structure-{self.env.new_serialno("vision-structure")}')
        placeholder['ids'] = [placeholder['figure_id']]
        self.set_source_info(placeholder)
        types = HIERARCHY if placeholder['initiatives'] else HIERARCHY[:-1]
        vision_domain(self.env).note_view(
            self.env.docname, ViewSpec(types, policy=placeholder['policy']))
        return [placeholder]


# -- The tree, then its two forms: mermaid text and nested list ------------------------------

class Box:
    """One box of the diagram: an object, or the ordinance (which is not an object)."""

    def __init__(self, key: str, kind: str, text: str, docname: str | None, anchor: str,
                 children: list[Box], short: tuple[str, ...] = (),
                 obj: VisionObject | None = None) -> None:
        self.key, self.kind, self.text = key, kind, text
        #: The object drawn, None for the ordinance.
        self.obj = obj
        self.docname, self.anchor, self.children = docname, anchor, children
        #: The lines in the drawing, where the layout already says what a box is.
        self.short = short or (text,)


def _object_box(domain: VisionDomain, obj: VisionObject, initiatives: bool) -> Box:
    children = []
    if obj.objtype == 'policy':
        children = [_object_box(domain, goal, initiatives) for goal in domain.children(obj.id, 'goal')]
    elif obj.objtype == 'goal' and initiatives:
        children = [_object_box(domain, i, initiatives) for i in domain.children(obj.id, 'initiative')]
    short = (naming.short_name(obj),) if obj.objtype in ('policy', 'goal') else ()
    return Box(obj.id, obj.objtype, naming.heading_text(obj), obj.docname, obj.anchor, children,
               short=short, obj=obj)


def structure_tree(env: BuildEnvironment, spec: dict) -> Box | None:
    """The tree the options ask for; None when the policy asked for is unknown."""
    domain = vision_domain(env)
    if spec['policy']:
        policy = domain.objects.get(spec['policy'])
        if policy is None or policy.objtype != 'policy':
            return None
        return _object_box(domain, policy, spec['initiatives'])
    policies = [_object_box(domain, p, spec['initiatives']) for p in domain.objects_of('policy')]
    below_ordinance = policies
    themes = domain.objects_of('theme')
    if themes:
        theme = themes[0]
        below_ordinance = [Box(theme.id, 'theme', naming.heading_text(theme), theme.docname,
                               theme.anchor, policies,
                               short=naming.heading_parts(theme)[::2], obj=theme)]
    docname, anchor = env.domains.standard_domain.labels.get(ORDINANCE_LABEL, (None, '', ''))[:2]
    return Box('ordinance', 'ordinance', str(labels.ORDINANCE_NAME), docname, anchor,
               below_ordinance)


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
    watermark = (builder.format == 'latex' and is_draft(builder.config.vision_stage)
                 and builder.config.vision_edition != 'summary')  # the 概要版 has none
    return SEE_THROUGH if watermark else ''


def _landscape(builder: Builder, spec: dict) -> bool:
    """Whether this diagram goes on a landscape page: asked for, in LaTeX, the whole vision."""
    return bool(spec.get('landscape')) and builder.format == 'latex' and not spec['policy']


def mermaid_source(tree: Box, builder: Builder, fromdocname: str, landscape: bool = False) -> str:
    """The drawing of *tree*, with links to the objects in HTML.

    The whole vision runs top-down: the ordinance, the theme, then a row of
    framed columns, one per policy with its goals stacked below it (narrow
    columns fit an A4 page at a legible size). Invisible links between the
    columns fix their order, which dagre would otherwise choose. A single
    policy runs left to right, its goals beside it.
    """
    boxes = list(_walk(tree))
    if tree.kind == 'policy':
        lines = [FRONT_MATTER, 'flowchart LR', *(_box(b) for b in boxes)]
        lines += [f'  {_mermaid_id(b)} --> {_mermaid_id(c)}' for b in boxes for c in b.children]
    else:
        lines = [LANDSCAPE_FRONT_MATTER if landscape else FRONT_MATTER, 'flowchart TB']
        above = [b for b in boxes if b.kind in ('ordinance', 'theme')]
        policies = [b for b in boxes if b.kind == 'policy']
        links = [f'  {_mermaid_id(b)} --> {_mermaid_id(c)}'
                 for b in above for c in b.children if c.kind != 'policy']
        if landscape:  # the ordinance beside the theme: a shorter drawing
            lines += ['  subgraph head [" "]', '    direction LR', *(_box(b) for b in above),
                      *links, '  end', '  style head fill:none,stroke:none']
        else:
            lines += [*(_box(b) for b in above), *links]
        title = mermaid_label(str(labels.POLICIES_GROUP).format(count=len(policies)))
        lines += [f'  subgraph policies ["{title}"]', '    direction LR']
        for policy in policies:
            lines += _policy_column(policy, _see_through(builder))
        lines += ['    ' + ' ~~~ '.join(f'{_mermaid_id(p)}_column' for p in policies), '  end',
                  f'  {"head" if landscape else _mermaid_id(above[-1])} --> policies',
                  f'  style policies {ROW_STYLE}']
    if builder.format == 'html':
        lines += [f'  click {_mermaid_id(b)} href "{_href(builder, fromdocname, b.docname, b.anchor)}"'
                  for b in boxes if b.docname]
    kinds = dict.fromkeys(b.kind for b in boxes)
    lines += [f'  classDef {kind} {CLASS_DEFS[kind]}{_see_through(builder)}' for kind in kinds]
    return '\n'.join(lines) + '\n'


def _box(box: Box) -> str:
    return f'  {_mermaid_id(box)}["{mermaid_label(*box.short)}"]:::{box.kind}'


def _policy_column(policy: Box, opacity: str) -> list[str]:
    """A frame holding the policy and, stacked below by invisible links, its goals."""
    column = list(_walk(policy))
    lines = [f'  subgraph {_mermaid_id(policy)}_column [" "]', '    direction TB']
    lines += ['  ' + _box(b) for b in column]
    lines.append('    ' + ' ~~~ '.join(_mermaid_id(b) for b in column))
    lines += [f'    {_mermaid_id(g)} --> {_mermaid_id(i)}'
              for g in column if g.kind == 'goal' for i in g.children]
    lines += ['  end', f'  style {_mermaid_id(policy)}_column {COLUMN_STYLE}{opacity}']
    return lines


def nested_list(tree: Box, builder: Builder, fromdocname: str) -> nodes.bullet_list:
    """The same tree as nested lists of links: the diagram's text alternative."""
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
    if spec['policy']:
        policy = vision_domain(env).objects[spec['policy']]
        return str(labels.POLICY_STRUCTURE_CAPTION).format(policy=naming.object_label(policy))
    return str(labels.STRUCTURE_CAPTION)


# -- Sphinx wiring ---------------------------------------------------------------------------

def _problem(tree: Box | None, spec: dict) -> str | None:
    if tree is None:
        return f'unknown policy {spec["policy"]!r}'
    if not any(box.kind == 'policy' for box in _walk(tree)):
        return 'no policies are defined'
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
        figure['ids'] = [spec['figure_id']]
        if landscape:
            drawing = figure.next_node(diagram)
            assert drawing is not None  # diagram_node always draws
            drawing['fill_page'] = True
            placeholder.replace_self([nodes.raw('', LANDSCAPE_BEGIN, format='latex'), figure,
                                      nodes.raw('', LANDSCAPE_END, format='latex')])
        else:
            placeholder.replace_self(figure)


def _specs_of(doctree: nodes.document) -> list[dict]:
    return [dict(node.attributes) for node in doctree.findall(structure_placeholder)]


#: The options of each page's structure diagrams: ``env.vision_structure_diagrams``.
SPECS: PerDocument[list[dict]] = PerDocument('vision_structure_diagrams')


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
    return node['caption'] or str(labels.STRUCTURE_CAPTION)


def setup(app: Sphinx) -> None:
    app.add_enumerable_node(structure_placeholder, 'figure', placeholder_caption, override=True)
    app.add_directive('vision-structure', StructureDiagramDirective)
    app.add_latex_package('pdflscape')
    app.add_env_collector(SPECS.collector(_specs_of))
    app.connect('write-started', warn_about_problems)
    app.connect('doctree-resolved', draw_structure_diagrams)
    app.connect(events.DIAGRAM_SOURCES, sources_to_draw)
