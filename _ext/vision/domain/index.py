"""The domain index: every object by type, in the HTML (``vision-index.html``)
and at the end of the PDF with the other indices."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from sphinx.domains import Index, IndexEntry

from .. import labels
from . import naming

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .store import ObjectStore



class VisionIndex(Index):
    name = 'index'
    localname = labels.INDEX_NAME
    shortname = labels.INDEX_SHORT_NAME

    def generate(self, docnames: Iterable[str] | None = None
                 ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        wanted = set(docnames) if docnames is not None else None
        content = []
        domain = cast('ObjectStore', self.domain)
        for kind in domain.types:
            entries = [
                IndexEntry(naming.listed_name(obj), 0, obj.docname, obj.anchor, '', '', '')
                for obj in domain.objects_of(kind.key)
                if wanted is None or obj.docname in wanted
            ]
            if entries:
                content.append((kind.label, entries))
        return content, False
