"""The EPUB: pages that hold inline SVG (the diagrams) declare it in the package.

EPUB 3 requires each content document that embeds SVG to carry the ``svg``
property on its manifest item (EPUBCheck OPF-014). Sphinx's EPUB 3 builder
writes no item properties, so this builder adds them to ``content.opf``
after Sphinx has written it and before the book is zipped. The book's file
name is ``epub_basename`` in ``conf.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.epub3 import Epub3Builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_XHTML_ITEM = re.compile(r'<item (?P<attrs>id="[^"]*" href="(?P<href>[^"]+)" '
                         r'media-type="application/xhtml\+xml") />')
_INLINE_SVG = re.compile(r'<svg[\s>]')


class VisionEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with the ``svg`` property where a page needs it."""

    def build_content(self) -> None:
        super().build_content()
        opf = Path(self.outdir, 'content.opf')
        opf.write_text(_XHTML_ITEM.sub(self._with_properties, opf.read_text(encoding='utf-8')),
                       encoding='utf-8')

    def _with_properties(self, item: re.Match[str]) -> str:
        page = Path(self.outdir, item['href'])
        if page.is_file() and _INLINE_SVG.search(page.read_text(encoding='utf-8')):
            return f'<item {item["attrs"]} properties="svg" />'
        return item[0]


def setup(app: Sphinx) -> None:
    app.add_builder(VisionEpubBuilder, override=True)
