"""Keep Sphinx's forked workers from walking the heap they inherit.

With ``-j N`` Sphinx forks a fresh process for every chunk of documents that
it reads or writes (``sphinx.util.parallel.ParallelTasks``). The child
inherits the parent's whole heap: the environment, the domain's objects and
the chunk's resolved doctrees. Its full garbage collections walk all of that
on every pass, and they write to each object's header, which makes the kernel
copy every page that the child shares with the parent. At 2,000 objects,
each chunk of 44 pages had five or six pauses of 0.5–1 s. The only writer
under ``-j 2`` took longer than a serial build's whole writing phase
(``bench/``).

The ``gc`` module's documentation recommends this for a fork without exec:
freeze the inherited objects in the child, so that its collections see only
the objects it makes itself. The child is short-lived and sends its results
back through a pipe, so nothing that it would have freed is kept beyond its
chunk.

The hook is process-wide and cannot be removed, so it is registered only
once. It does nothing in the parent. It does nothing for ``subprocess``
either, whose children exec at once.
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_registered = False


def freeze_inherited_heap_in_forked_children() -> None:
    global _registered
    if not _registered:
        os.register_at_fork(after_in_child=gc.freeze)
        _registered = True


def setup(app: Sphinx) -> None:
    freeze_inherited_heap_in_forked_children()
