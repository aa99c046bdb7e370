"""The introduction (はじめに), in both editions: ``{vision-preface}`` in the root document.

```{vision-preface}
世田谷区は、…
```

In HTML it is a section headed はじめに on the start page. In the PDF it is
the front matter after the cover: an unnumbered chapter, then the contents
(ward plans put はじめに before the 目次), both numbered in roman. The
chapter numbers are not shifted: はじめに is not a chapter of the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import labels

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

logger = logging.getLogger(__name__)


class vision_preface(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """The introduction's paragraphs; its heading is the writer's."""


class PrefaceDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        if self.env.docname != self.config.root_doc:
            logger.warning('vision-preface belongs in the root document (%s), not here',
                           self.config.root_doc, location=self.get_location(),
                           type='vision', subtype='preface')
        node = vision_preface()
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        return [node]


def visit_preface_html(self: HTML5Translator, node: vision_preface) -> None:
    heading = self.encode(str(labels.PREFACE_HEADING))
    self.body.append(f'<section class="vision-preface" id="preface">\n<h2>{heading}</h2>\n')


def depart_preface_html(self: HTML5Translator, node: vision_preface) -> None:
    self.body.append('</section>\n')


def visit_preface_latex(self: LaTeXTranslator, node: vision_preface) -> None:
    # The contents follow はじめに here, instead of where Sphinx's template puts them.
    self.elements['tableofcontents'] = ''
    self.body.append(f'\n\\visionpreface{{{self.encode(str(labels.PREFACE_HEADING))}}}\n')


def depart_preface_latex(self: LaTeXTranslator, node: vision_preface) -> None:
    self.body.append('\n\\sphinxtableofcontents\n')


def visit_preface_text(self, node: vision_preface) -> None:
    pass


def setup(app: Sphinx) -> None:
    app.add_node(vision_preface, html=(visit_preface_html, depart_preface_html),
                 latex=(visit_preface_latex, depart_preface_latex),
                 text=(visit_preface_text, visit_preface_text),
                 man=(visit_preface_text, visit_preface_text),
                 texinfo=(visit_preface_text, visit_preface_text))
    app.add_directive('vision-preface', PrefaceDirective)
