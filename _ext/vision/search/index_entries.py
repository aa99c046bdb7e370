"""Keep the index entries of pages that were not rewritten in ``searchindex.js``.

Sphinx issue #12599 (open upstream): on an incremental build the HTML
builder reloads the previous search index for the words and titles of the
pages it does not rewrite, but not for their index entries (the
``indexentries`` key, from ``{index}`` directives). Those entries vanish
until the next clean build, so residents' search no longer finds them.

The workaround: when writing starts, remember the previous index's entries
per page and clear the list that the index builder fills while pages are
written; before the index is dumped, give each page that was not written
its previous entries back, in the order a clean build feeds them (by
docname). Only the ``indexentries`` part of the index is touched, so a
different word splitter or ranking (``search.py``) does not interact with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..build_state import build_state
from ..sphinx_compat import clear_index_entries

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder

#: One index entry as the index builder keeps it: (entry, target id, 'main' or '').
Entry = tuple[str, str, str]

_PREVIOUS = 'search_previous_entries'


def previous_entries(frozen: Any) -> dict[str, list[Entry]]:
    """Each page's index entries from a loaded ``searchindex.js``.

    The file keeps entries lower-cased and ``main`` as a boolean; the index
    builder lower-cases them again when it writes, so this round trip gives
    the same bytes.
    """
    if not isinstance(frozen, dict) or not isinstance(frozen.get('indexentries'), dict):
        return {}
    docnames = frozen.get('docnames') or []
    entries: dict[str, set[Entry]] = {}
    for entry, places in frozen['indexentries'].items():
        for docindex, target_id, main in places:
            if 0 <= docindex < len(docnames):
                entries.setdefault(docnames[docindex], set()).add(
                    (entry, target_id, 'main' if main else ''))
    return {docname: sorted(found) for docname, found in entries.items()}


def _load_previous(builder: StandaloneHTMLBuilder) -> dict[str, list[Entry]]:
    path = builder.outdir / builder.searchindex_filename
    try:
        with open(path, encoding='utf-8') as stream:
            return previous_entries(builder.indexer_format.load(stream))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}  # no usable previous index: this build writes every page


def remember_previous_entries(app: Sphinx, builder: Builder) -> None:
    """At ``write-started``: keep the old entries; start this build's list empty.

    The index builder appends to ``env._search_index_index_entries`` (the
    same dict object), so after writing it holds exactly the pages written now.
    """
    if not getattr(builder, 'search', False) or not hasattr(builder, 'indexer_format'):
        return
    build_state(builder.env).transient[_PREVIOUS] = _load_previous(cast('StandaloneHTMLBuilder', builder))
    clear_index_entries(builder.env)


def restore_entries(app: Sphinx) -> list:
    """At ``html-collect-pages`` (after writing, before the index is dumped)."""
    builder = app.builder
    indexer = getattr(builder, 'indexer', None)
    previous = build_state(builder.env).transient.pop(_PREVIOUS, None)
    if indexer is None or previous is None:
        return []
    written = dict(indexer._index_entries)
    indexer._index_entries.clear()
    # Pages in the index are the documents that still exist and have a title.
    for docname in sorted(set(indexer._titles) & set(app.env.all_docs)):
        if docname in written:
            indexer._index_entries[docname] = written[docname]
        elif docname in previous:
            indexer._index_entries[docname] = previous[docname]
    return []


def setup(app: Sphinx) -> None:
    app.connect('write-started', remember_previous_entries)
    app.connect('html-collect-pages', restore_entries)
