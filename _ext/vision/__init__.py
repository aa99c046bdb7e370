"""The ``vision`` Sphinx extension: the Setagaya new industrial vision's domain,
data files, diagrams and print set-up.

Each submodule has one job and its own ``setup(app)``; this package wires them
together and declares parallel safety for all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (backlinks, committee_tables, config, datafiles, dependencies, diagrams,
               directives, domain, export, forked_workers, html, index_readings, latex,
               residents_html, search, search_index_entries, stage, structure_diagram,
               untranslated, views)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = '0.1.0'

_SUBMODULES = (config, index_readings, domain, directives, backlinks, views, html,
               latex, dependencies, export, diagrams, structure_diagram, datafiles,
               committee_tables, search, search_index_entries, stage, residents_html,
               untranslated, forked_workers)


def setup(app: Sphinx) -> dict[str, object]:
    for module in _SUBMODULES:
        module.setup(app)
    return {
        'version': __version__,
        'env_version': 3,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
