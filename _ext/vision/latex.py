"""Print rendering: objects as breakable LaTeX environments, page references.

An object is ``\\begin{visionobject}...\\end{visionobject}`` (defined in
``sphinxvision.sty`` on top of ``framed``, which Sphinx loads), not a table:
a long object flows across pages. Its heading is ``\\visionobjecttitle`` and
its label is the anchor the HTML uses, so cross-references and their page
numbers point at it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from . import labels
from .nodes import skip, vision_object, vision_object_title, vision_pageref

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

STYLE_FILE = Path(__file__).with_name('sphinxvision.sty')


def visit_object(self: LaTeXTranslator, node: vision_object) -> None:
    self.body.append(f'\n\\begin{{visionobject}}{{{node["objtype"]}}}')
    self.body.append(''.join(self.hypertarget(anchor) for anchor in node['ids']) + '\n')


def depart_object(self: LaTeXTranslator, node: vision_object) -> None:
    self.body.append('\n\\end{visionobject}\n')


def visit_title(self: LaTeXTranslator, node: vision_object_title) -> None:
    self.body.append('\\visionobjecttitle{')


def depart_title(self: LaTeXTranslator, node: vision_object_title) -> None:
    self.body.append('}\n')


def visit_pageref(self: LaTeXTranslator, node: vision_pageref) -> None:
    label = self.idescape(f'{node["refdocname"]}:{node["refid"]}')
    self.body.append(self.escape(str(labels.PAGE_REFERENCE)).replace(
        '\\{page\\}', f'\\pageref{{{label}}}'))
    raise nodes.SkipNode


def copy_style_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == 'latex':
        shutil.copyfile(STYLE_FILE, Path(app.outdir, STYLE_FILE.name))


def setup(app: Sphinx) -> None:
    app.add_node(vision_object, override=True, latex=(visit_object, depart_object))
    app.add_node(vision_object_title, override=True, latex=(visit_title, depart_title))
    app.add_node(vision_pageref, override=True, latex=(visit_pageref, None),
                 html=(skip, None), text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_latex_package('sphinxvision')
    app.connect('build-finished', copy_style_file)
