"""The domain index: every object by type, in the HTML (``vision-index.html``)
and at the end of the PDF with the other indices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from .. import labels
from .model import OBJECT_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import VisionObject


def entry_name(obj: VisionObject) -> str:
    """The heading; an opinion's heading is only its number, so its text follows."""
    if obj.objtype == 'opinion':
        return f'{labels.object_label(obj)}　{obj.title}'
    return labels.heading_text(obj)


class VisionIndex(Index):
    name = 'index'
    localname = labels.INDEX_NAME
    shortname = labels.INDEX_SHORT_NAME

    def generate(self, docnames: Iterable[str] | None = None
                 ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        wanted = set(docnames) if docnames is not None else None
        content = []
        for objtype in OBJECT_TYPES:
            entries = [
                IndexEntry(entry_name(obj), 0, obj.docname, obj.anchor, '', '', '')
                for obj in self.domain.objects_of(objtype)
                if wanted is None or obj.docname in wanted
            ]
            if entries:
                content.append((str(labels.TYPE_LABELS[objtype]), entries))
        return content, False
