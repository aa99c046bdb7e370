"""Data the extension keeps per document on Sphinx's build environment.

One shape for every such store. A :class:`PerDocument` names the attribute of
the environment that holds it (``env.vision_diagrams`` ...) and gives typed
access to it; its collector (:meth:`PerDocument.collector`) drops a document's
entry when the document is read again or removed, and takes the entries of
the documents that a parallel worker read. The store is pickled with the
environment, so an incremental build keeps the entries of unchanged pages.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import TYPE_CHECKING, Generic, TypeVar

from sphinx.environment.collectors import EnvironmentCollector

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

T = TypeVar('T')


class PerDocument(Generic[T]):
    """``docname -> T`` kept on the environment under ``attribute``."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def of(self, env: BuildEnvironment) -> dict[str, T]:
        store: dict[str, T] | None = getattr(env, self.attribute, None)
        if store is None:
            store = {}
            setattr(env, self.attribute, store)
        return store

    def collector(self, collect: Callable[[nodes.document], T | None] | None = None
                  ) -> type[EnvironmentCollector]:
        """A collector class for ``app.add_env_collector``.

        ``collect`` gives a read document's entry (nothing stored if it gives
        a false value); without it, the entries are written while reading.
        """
        store = self

        class Collector(EnvironmentCollector):
            def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
                store.of(env).pop(docname, None)

            def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: Set[str],
                            other: BuildEnvironment) -> None:
                for docname in docnames & store.of(other).keys():
                    store.of(env)[docname] = store.of(other)[docname]

            def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
                found = collect(doctree) if collect is not None else None
                if found:
                    store.of(app.env)[app.env.docname] = found

        Collector.__name__ = Collector.__qualname__ = f'Collector[{self.attribute}]'
        return Collector
