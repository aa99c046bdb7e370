"""Under ``-j N``, Sphinx's forked workers leave the heap they inherit to
the parent (vision/forked_workers.py): their garbage collections walk only
the objects they make themselves."""

from __future__ import annotations

import gc

import pytest
from sphinx.util.parallel import ParallelTasks


def freeze_count_in_a_worker() -> int:
    """Fork a worker the way Sphinx's parallel read and write do, and ask it."""
    counts: list[int] = []
    tasks = ParallelTasks(1)
    tasks.add_task(gc.get_freeze_count, None, lambda arg, result: counts.append(result))
    tasks.join()
    return counts[0]


@pytest.mark.sphinx('html', testroot='domain-core')
def test_a_forked_worker_freezes_what_it_inherits(app):
    app.build()
    inherited = len(gc.get_objects())
    assert gc.get_freeze_count() == 0, 'the parent collects as before'
    assert freeze_count_in_a_worker() >= inherited
