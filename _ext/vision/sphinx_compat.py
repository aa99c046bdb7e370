"""The only place the extension touches Sphinx's private attributes (Sphinx 9.0).

Each function names what it reaches into and why no public API serves, so a
Sphinx upgrade is checked here alone (``sphinx==9.0.4`` is pinned in
``pyproject.toml``; ``tests/architecture/test_sphinx_compat.py`` fails when
another module uses a private Sphinx attribute).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder writing now, from a domain or a post-transform.

    Sphinx 9 deprecates ``env.app`` and ``SphinxTransform.app`` (sphinx-doc/sphinx
    #13072, #13627) and has no public way to the builder yet (#14136, open);
    Sphinx's own ReferencesResolver reads ``env._app`` too.
    """
    return env._app.builder


def clear_index_entries(env: BuildEnvironment) -> None:
    """Empty the per-page index entries the HTML builder's search index collects.

    ``env._search_index_index_entries`` (Sphinx 9.0) has no public accessor.
    """
    env._search_index_index_entries.clear()


def word_mappings(indexer: Any) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The search index's word -> pages maps, body and titles.

    ``IndexBuilder._mapping`` and ``._title_mapping`` (Sphinx 9.0) are private;
    Sphinx keeps words whose page set became empty on an incremental build.
    """
    return indexer._mapping, indexer._title_mapping


def figure_numbers(env: BuildEnvironment) -> dict[str, dict[str, dict[str, tuple]]]:
    """``env.toc_fignumbers``: docname -> figure type -> id -> number.

    Public but undocumented as writable (Sphinx 9.0); :mod:`vision.print_edition.numbering`
    rewrites its numbers as 表3-1, which Sphinx joins with '.' in two places
    with no hook for the separator.
    """
    return env.toc_fignumbers
