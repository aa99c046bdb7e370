"""A diagram in HTML: the drawing for the eye, one name and one text alternative for the ear.

The figure (``diagram_node``) holds::

    <figure class="vision-diagram" …>             named by its <figcaption>, or by aria-label
      <div class="vision-diagram-drawing">
        <svg aria-hidden="true" …>…</svg>        mermaid's inline SVG, hidden from assistive technology
        <p class="vision-diagram-enlarge"><a href="_images/vision-diagram-….svg">図を拡大</a></p>
      </div>
      <div class="vision-diagram-text">…</div>    the text alternative (a nested list of links …)
      <figcaption>図4-1 …</figcaption>
    </figure>

Screen readers meet the figure's name once (its caption) and its text
alternative once: the drawing's own text is not read a second time, and
mermaid's English ``aria-roledescription`` (``flowchart-v2``) is dropped. The
drawing is no Tab stop: it scales to its column, so it never scrolls, and
「図を拡大」 opens it at full size, as a file of its own in ``_images/``
(without links, whose targets are relative to the page). How the parts show on
screens, phones, in dark mode and in print is ``vision-residents.css``'s job.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .. import labels
from .inline_svg import valid_inline_svg, without_links

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

#: mermaid's own size for an SVG that scales down to its container.
_MAX_WIDTH = re.compile(r'\sstyle="max-width: ([\d.]+)px;"')
_VIEW_BOX = re.compile(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"')
_ROLE = re.compile(r'\srole="graphics-document document"')
_ROLE_DESCRIPTION = re.compile(r'\saria-roledescription="[^"]*"')
_WIDTH = re.compile(r'\swidth="100%"')


def _svg_start(svg: str) -> tuple[int, int]:
    start = svg.index('<svg')
    return start, svg.index('>', start)


def _edit_start_tag(svg: str, edit) -> str:
    start, end = _svg_start(svg)
    return svg[:start] + edit(svg[start:end]) + svg[end:]


def hidden_drawing(svg: str) -> str:
    """The inline SVG: hidden from assistive technology, no role description, no Tab stop."""
    def edit(tag: str) -> str:
        tag = _ROLE_DESCRIPTION.sub('', _ROLE.sub('', tag))
        return f'{tag} aria-hidden="true"'
    return _edit_start_tag(svg, edit)


def full_size(svg: str, title: str) -> str:
    """A standalone SVG file at the drawing's own size, titled, on white, without links."""
    match = _VIEW_BOX.search(svg[:_svg_start(svg)[1]])
    def edit(tag: str) -> str:
        tag = _ROLE_DESCRIPTION.sub('', _ROLE.sub(' role="img"', tag))
        if match:
            tag = _WIDTH.sub(f' width="{match[1]}" height="{match[2]}"', tag)
        return _MAX_WIDTH.sub(' style="background-color: #ffffff;"', tag)
    svg = _edit_start_tag(without_links(svg), edit)
    end = _svg_start(svg)[1] + 1
    escaped = title.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    return f'{svg[:end]}<title>{escaped}</title>{svg[end:]}'


def _write_if_changed(path: Path, text: str) -> None:
    """Write *text* unless the file holds it already; atomically (parallel writers share names)."""
    if path.is_file() and path.read_text(encoding='utf-8') == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f'.{path.name}.{os.getpid()}')
    partial.write_text(text, encoding='utf-8')
    partial.replace(path)


def _name_the_figure(self: HTML5Translator, node: nodes.Element) -> None:
    """A figure without a caption is named by the diagram's label (its start tag is already written)."""
    figure = node.parent
    if not isinstance(figure, nodes.figure) or any(isinstance(c, nodes.caption) for c in figure):
        return
    for index in range(len(self.body) - 1, -1, -1):
        if self.body[index].startswith('<figure'):
            label = self.attval(node['label'])
            self.body[index] = self.body[index].replace('<figure', f'<figure aria-label="{label}"', 1)
            return


def visit_diagram_html(self: HTML5Translator, node: nodes.Element) -> None:
    source = Path(node['file'])
    svg = valid_inline_svg(source.read_text(encoding='utf-8'))
    svg_id = source.stem
    # The same diagram twice on a page: its ids (and the CSS scoped by them) must differ.
    seen = self.__dict__.setdefault('_vision_svg_ids', {})
    seen[svg_id] = seen.get(svg_id, 0) + 1
    inline = without_links(svg)
    if seen[svg_id] > 1:
        inline = inline.replace(svg_id, f'{svg_id}-{seen[svg_id]}')
    _name_the_figure(self, node)
    enlarge = ''
    if self.builder.name != 'epub':  # an e-book links only to its spine (EPUBCheck RSC-011)
        file_name = f'vision-diagram-{svg_id}.svg'
        _write_if_changed(Path(self.builder.outdir, self.builder.imagedir, file_name),
                          full_size(svg, node['label']))
        href = self.attval(f'{self.builder.imgpath}/{file_name}')
        enlarge = (f'<p class="vision-diagram-enlarge"><a href="{href}">'
                   f'{self.encode(str(labels.ENLARGE_DIAGRAM))}</a></p>')
    self.body.append(f'<div class="vision-diagram-drawing">{hidden_drawing(inline)}\n{enlarge}</div>\n')
    self.body.append('<div class="vision-diagram-text">\n')


def depart_diagram_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append('</div>\n')
