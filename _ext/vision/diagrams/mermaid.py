"""Diagrams drawn from mermaid text at build time: inline SVG in HTML, vector PDF in LaTeX.

Public API, for any module that draws a diagram (the structure diagram, the
data files' schedule timeline)::

    from vision.diagrams.mermaid import diagram_node

    figure = diagram_node(
        'flowchart LR\\n  A[条例] --> B[メインテーマ]',
        caption='条例とメインテーマ',      # shown under the figure; also the SVG's aria-label
        alt=bullet_list,                   # the same structure as a docutils nested list or table
        location=(docname, lineno),        # or a node: where warnings point
    )
    # then put ``figure`` in the doctree, at read time or in ``doctree-resolved``.

The result is a centred ``nodes.figure`` holding a :class:`diagram` node and its
caption. The *alt* node is the text alternative: kept in the HTML for screen
readers (visually hidden) and in the search index; left out of the PDF.

A diagram placed at read time is drawn in the batch before writing; one placed
later (in ``doctree-resolved``) is drawn on its own when met, unless its module
also answers the ``vision-diagram-sources`` event ``(app, builder) -> [source]``
so that it joins the batch. Nodes created after the ``doctree-resolved``
handler of this module (priority 700) are not drawn.

Editors' own mermaid diagrams (a ```` ```mermaid ```` fence in MyST, or the
``mermaid`` directive of sphinxcontrib-mermaid, which this module replaces) go
through the same pipeline. A mermaid syntax error is a warning at the fence's
``file:line`` with mermaid's message; the figure then shows the diagram's text
instead of a drawing, never nothing.
"""

from __future__ import annotations

import shutil
from json import loads
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import get_node_line
from yaml import safe_dump

from .. import events, labels
from ..build_state import PerDocument, build_state
from .html_figure import depart_diagram_html, visit_diagram_html
from .mermaid_render import SCRIPT, MermaidRenderer, Rendered, RendererUnavailable, font_installed
from .phrases import phrase_markup
from .render_server import RenderServer

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

logger = logging.getLogger(__name__)

CSS_FILE = 'vision-diagrams.css'

#: The output each builder format needs; other formats show the text alternative only.
FORMAT_FOR_BUILDER = {'html': 'svg', 'latex': 'pdf'}
#: ``make check`` runs the dummy builder, which writes no output. It still
#: draws the diagrams placed at read time (into the cache next to its
#: temporary output folder), so that a mermaid syntax error is a warning
#: there as in the full build.
CHECKING_BUILDERS = {'dummy': 'svg'}

#: Characters with a meaning in mermaid's syntax or in HTML labels, replaced
#: by their full-width forms: the text stays readable, and data can neither
#: break the diagram nor put markup into it.
_MERMAID_SAFE = str.maketrans({
    '"': '＂', '<': '＜', '>': '＞', '&': '＆', '#': '＃', ';': '；', ':': '：',
    '`': '｀', '{': '｛', '}': '｝', '[': '［', ']': '］', '|': '｜',
    '\n': ' ', '\r': ' ',
})


def mermaid_label(*lines: str) -> str:
    """Text for a quoted mermaid label (``A["..."]``): each line made safe, joined by ``<br>``.

    Within a line, the Japanese phrases are joined by ``<wbr>``
    (:mod:`vision.diagrams.phrases`): the only places where the line may break.

    The one escaper of every diagram the extension writes.
    """
    return '<br>'.join(phrase_markup(line.strip(), _mermaid_safe) for line in lines)


def _mermaid_safe(text: str) -> str:
    return text.translate(_MERMAID_SAFE)


#: Where warnings point: a node, or ``(docname, lineno)``.
Location = nodes.Element | tuple[str, int | None]


class diagram(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A drawing of ``node['source']`` (mermaid text); its children are the text alternative.

    ``node['label']`` names the drawing for assistive technology. After
    ``doctree-resolved``, ``node['file']`` is the rendered SVG or PDF.
    """


def diagram_node(source: str, *, caption: str, alt: nodes.Node, location: Location) -> nodes.figure:
    """A centred figure drawing *source* at build time, captioned, with *alt* as its text form."""
    figure = nodes.figure('', align='center', classes=['vision-diagram'])
    figure += _drawing(source, label=caption, alt=alt, location=location)
    if caption:
        figure += nodes.caption(caption, caption)
    return figure


def _drawing(source: str, *, label: str, alt: nodes.Node, location: Location) -> diagram:
    drawing = diagram('', nodes.container('', alt, classes=['vision-diagram-alt']),
                      source=source, label=label)
    if isinstance(location, nodes.Node):
        drawing.source, drawing.line = location.source, get_node_line(location)
    else:
        drawing['location'] = tuple(location)
    return drawing


def _warning_location(node: diagram) -> Location:
    return node.get('location') or node


# -- Editors' mermaid directive and fences ------------------------------------------------

class MermaidDirective(SphinxDirective):
    """The ``mermaid`` directive with sphinxcontrib-mermaid's options, drawn by our pipeline.

    MyST turns a ```` ```mermaid ```` fence into this directive (see
    :func:`_route_mermaid_fences`), so ``:caption:``, ``:alt:`` and ``:name:``
    can be given on the fence's first lines.
    """

    has_content = True
    optional_arguments = 1
    option_spec: ClassVar = {
        'caption': directives.unchanged,
        'alt': directives.unchanged,
        'name': directives.unchanged,
        'config': directives.unchanged,
        'title': directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        source = self._source()
        if source is None:
            return []
        if not source.strip():
            logger.warning('mermaid diagram without content', location=self.get_location(),
                           type='vision', subtype='diagram')
            return []
        alt_text = self.options.get('alt')
        alt: nodes.Element
        if alt_text:
            alt = nodes.paragraph(alt_text, alt_text)
        else:
            alt = nodes.literal_block(source, source, language='text')
        caption = self.options.get('caption', '')
        figure = diagram_node(self._with_front_matter(source), caption=caption, alt=alt,
                              location=(self.env.docname, self.lineno))
        if not caption:
            cast('diagram', figure[0])['label'] = alt_text or str(labels.UNTITLED_DIAGRAM)
        self.add_name(figure)
        return [figure]

    def _source(self) -> str | None:
        if not self.arguments:
            return '\n'.join(self.content)
        if self.content:
            logger.warning('mermaid directive has both a file name and content',
                           location=self.get_location(), type='vision', subtype='diagram')
            return None
        relative, absolute = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(relative)
        try:
            return Path(absolute).read_text(encoding='utf-8')
        except OSError as exc:
            logger.warning('cannot read mermaid file %s: %s', relative, exc.strerror,
                           location=self.get_location(), type='vision', subtype='diagram')
            return None

    def _with_front_matter(self, source: str) -> str:
        """sphinxcontrib-mermaid's ``:config:``/``:title:`` and ``mermaid_config``, as front matter."""
        front = {}
        if 'config' in self.options:
            try:
                front['config'] = loads(self.options['config'])
            except ValueError as exc:
                logger.warning('mermaid :config: is not JSON: %s', exc, location=self.get_location(),
                               type='vision', subtype='diagram')
        elif self.config.mermaid_config:
            front['config'] = self.config.mermaid_config
        if 'title' in self.options:
            front['title'] = self.options['title']
        if not front:
            return source
        return f'---\n{safe_dump(front, allow_unicode=True, sort_keys=True)}---\n{source}'


def _route_mermaid_fences(app: Sphinx, config: Config) -> None:
    """Send every mermaid diagram through the build-time pipeline, never to a CDN script.

    A ```` ```mermaid ```` fence is a directive, not a code listing; and
    sphinxcontrib-mermaid's client-side script (a module from a CDN, dead
    without network and from ``file://``) is switched off: its ``raw`` format
    injects it even into pages without diagrams.
    """
    if hasattr(config, 'myst_fence_as_directive'):
        config.myst_fence_as_directive = {*config.myst_fence_as_directive, 'mermaid'}
    config.mermaid_output_format = 'svg'


# -- Collecting every diagram before writing, to draw them in one batch -------------------

def _diagrams_of(doctree: nodes.document) -> list[tuple[str, int | None]]:
    return [(node['source'], _line(node)) for node in doctree.findall(diagram)]


#: Each document's diagrams as placed at read time.
#: Maps a docname to ``(source, line)`` pairs, so that they are drawn in one
#: batch before writing, and a broken one warns on every build, also when its
#: page is not written again.
DIAGRAMS: PerDocument[list[tuple[str, int | None]]] = PerDocument('diagrams')


def _line(node: diagram) -> int | None:
    return node['location'][1] if 'location' in node else get_node_line(node)


#: This build's renderer, in the build state's transient part.
_RENDERER = 'diagram_renderer'


def renderer_for(app: Sphinx) -> MermaidRenderer:
    """This build's renderer; its cache is ``.mermaid-cache`` next to the output directory."""
    transient = build_state(app.env).transient
    if _RENDERER not in transient:
        config = app.config
        if not font_installed(config.vision_diagram_font):
            logger.warning('diagram font %r is not installed: diagrams fall back to another font',
                           config.vision_diagram_font, type='vision', subtype='diagram')
        cache_dir = Path(config.vision_diagram_cache or Path(app.outdir).parent / '.mermaid-cache')
        server = RenderServer(config.vision_node, SCRIPT) if config.vision_diagram_server else None
        transient[_RENDERER] = MermaidRenderer(
            cache_dir, node=config.vision_node, chromium=config.vision_chromium,
            mermaid_config=mermaid_config(config), fonts=(config.vision_diagram_font,),
            server=server)
    return transient[_RENDERER]


def close_renderer(app: Sphinx) -> None:
    """Stop the diagram browser kept for ``app`` (``vision_diagram_server``), if any.

    The preview calls it when it replaces its application (``conf.py`` changed).
    """
    renderer = build_state(app.env).transient.pop(_RENDERER, None)
    if renderer is not None and renderer.server is not None:
        renderer.server.close()


#: Label text breaks only at ``<wbr>`` (between phrases), never inside a word.
#: mermaid lays a wrapped label out as a table of its wrapping width, which
#: grows to fit a phrase wider than that, and sizes the box from it.
LABEL_CSS = ('.nodeLabel, .edgeLabel, .cluster-label, .label, .label div, .label span '
             '{ word-break: keep-all; line-break: strict; }')


def mermaid_config(config: Config) -> dict:
    """mermaid's configuration: the project's pinned font, then ``vision_mermaid_config``.

    The font is pinned so that the drawing never depends on what fontconfig
    guesses for "sans-serif"; a TrueType font lets Chromium embed it in the
    PDF as a CID font (CFF fonts such as Noto CJK become Type 3).
    """
    family = f'"{config.vision_diagram_font}", "Noto Sans CJK JP", sans-serif'
    return {
        'theme': 'neutral',
        'fontFamily': family,
        'themeVariables': {'fontFamily': family},
        # Japanese labels break only at the <wbr> between phrases (vision.phrases).
        'themeCSS': LABEL_CSS,
        'securityLevel': 'strict',
        'deterministicIds': True,
        **config.vision_mermaid_config,
    }


def _render_batch(app: Sphinx, builder: Builder) -> None:
    checking = builder.name in CHECKING_BUILDERS
    fmt = CHECKING_BUILDERS[builder.name] if checking else FORMAT_FOR_BUILDER.get(builder.format)
    if fmt is None:
        return
    collected = DIAGRAMS.of(app.env)
    sources = [source for found in collected.values() for source, _line in found]
    # A check draws only what editors wrote; the extension's own diagrams are drawn to be shown.
    for extra in () if checking else app.emit(events.DIAGRAM_SOURCES, builder):
        sources.extend(extra)
    if not sources:
        return
    renderer = renderer_for(app)
    try:
        outcomes = renderer.render(sources, fmt)
    except RendererUnavailable as exc:
        logger.warning('cannot render diagrams: %s', exc, type='vision', subtype='diagram')
        return
    logger.info('vision: %d diagram(s) drawn, %d from the cache',
                renderer.drawn_count, len(outcomes) - renderer.drawn_count)
    for docname in sorted(collected):
        for source, line in collected[docname]:
            error = outcomes[source].error
            if error is not None:
                _warn_broken(error, (docname, line))


def _warn_broken(error: str, location: Location) -> None:
    logger.warning('mermaid diagram cannot be drawn: %s', error, location=location,
                   type='vision', subtype='diagram')


# -- Resolving: each diagram gets its file, or a located warning and its text ---------------

def _attach_drawings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    fmt = FORMAT_FOR_BUILDER.get(app.builder.format)
    # Diagrams placed at read time had their warning before writing began.
    warned = {source for source, _line in DIAGRAMS.of(app.env).get(docname, ())}
    for node in list(doctree.findall(diagram)):
        if isinstance(node.parent, nodes.figure) and not node.parent['ids']:
            # Placed after reading: the caption's permalink needs an id.
            doctree.set_id(node.parent)
        if fmt is None:
            node.replace_self(node.children)
            continue
        outcome = _outcome(app, node['source'], fmt)
        if outcome.path is not None:
            node['file'] = str(outcome.path)
            continue
        if node['source'] not in warned:
            _warn_broken(outcome.error or '', _warning_location(node))
        listing = nodes.literal_block(node['source'], node['source'], language='text')
        node.replace_self(listing)


def _outcome(app: Sphinx, source: str, fmt: str) -> Rendered:
    renderer = renderer_for(app)
    outcome = renderer.lookup(source, fmt)
    if outcome is not None:
        return outcome
    try:
        return renderer.render([source], fmt)[source]
    except RendererUnavailable as exc:
        return Rendered(None, str(exc))


# -- Writers ---------------------------------------------------------------------------------

def visit_diagram_latex(self, node: diagram) -> None:
    source = Path(node['file'])
    target = Path(self.builder.outdir) / f'mermaid-{source.stem}.pdf'
    if not target.is_file():
        shutil.copyfile(source, target)
    if node.get('fill_page'):  # as large as the page allows, room left for the caption
        self.body.append('\n\\includegraphics[width=\\linewidth,height=\\dimexpr\\textheight'
                         f'-4\\baselineskip\\relax,keepaspectratio]{{{{{target.stem}}}.pdf}}\n')
    else:
        self.body.append(f'\n\\sphinxincludegraphics{{{{{target.stem}}}.pdf}}\n')
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    # Its config values and directive first, so that ours replaces the directive
    # (our own config values are in vision.config).
    app.setup_extension('sphinxcontrib.mermaid')
    app.add_node(diagram, html=(visit_diagram_html, depart_diagram_html),
                 latex=(visit_diagram_latex, None))
    app.add_directive('mermaid', MermaidDirective, override=True)
    app.add_env_collector(DIAGRAMS.collector(_diagrams_of))
    app.add_css_file(CSS_FILE)
    app.connect('config-inited', _route_mermaid_fences)
    app.connect('write-started', _render_batch)
    app.connect('doctree-resolved', _attach_drawings, priority=events.ATTACH_DRAWINGS)
