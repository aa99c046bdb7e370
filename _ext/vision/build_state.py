"""Everything the extension keeps between a build's phases, behind one façade.

As sphinx-needs keeps its data behind ``SphinxNeedsData(env)``, the extension
keeps one :class:`BuildState` on the environment (``env.vision_build_state``),
reached only through :func:`build_state`:

* the per-document stores (each page's diagrams, its structure diagrams'
  options, its data-file problems, its search text and terms), each a
  :class:`PerDocument`: its collector (:meth:`PerDocument.collector`) drops a
  document's entry when the document is read again or removed, and takes the
  entries of the documents that a parallel worker read;
* what this build learned for every page it writes (the PDF edition's file,
  size and pages);
* what one build compares across its phases (the objects as they were before
  reading), in ``transient``, which is never pickled.

The state is pickled with the environment, so an incremental build keeps the
entries of unchanged pages. :data:`VERSION` is the extension's
``env_version``: bump it when the state's shape changes, and Sphinx reads every
page again instead of unpickling an environment of the old shape. The objects
themselves are the ``vision`` domain's data, where Sphinx keeps a domain's.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sphinx.environment.collectors import EnvironmentCollector

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

T = TypeVar('T')


#: The state's shape, and the stored doctrees' (objects packed: vision.domain.packing),
#: given to Sphinx as the extension's ``env_version``.
VERSION = 10


@dataclass
class BuildState:
    """The extension's data on one environment (see the module's docstring)."""

    #: Each per-document store by its name: ``name -> docname -> entry``.
    stores: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The PDF edition the site links to (``file``, ``size``, ``pages``), or None.
    pdf_edition: dict[str, Any] | None = None
    #: The same for the 概要版's PDF.
    summary_pdf_edition: dict[str, Any] | None = None
    #: The same for the print edition's PDF (「印刷用PDF」), when the site offers one.
    print_pdf_edition: dict[str, Any] | None = None
    #: What one build keeps from one phase to the next; never pickled.
    transient: dict[str, Any] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, 'transient': {}}


def build_state(env: BuildEnvironment) -> BuildState:
    """The environment's state, made on first use."""
    state: BuildState | None = getattr(env, _ATTRIBUTE, None)
    if state is None:
        state = BuildState()
        setattr(env, _ATTRIBUTE, state)
    return state


_ATTRIBUTE = 'vision_build_state'


class PerDocument(Generic[T]):
    """``docname -> T`` kept in the build state under ``name``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def of(self, env: BuildEnvironment) -> dict[str, T]:
        return build_state(env).stores.setdefault(self.name, {})

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

        Collector.__name__ = Collector.__qualname__ = f'Collector[{self.name}]'
        return Collector
