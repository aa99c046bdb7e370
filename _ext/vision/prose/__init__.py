"""Japanese prose checks with textlint (issue 24).

- :mod:`.masking` turns a MyST page into the text textlint should read, line
  for line: directive fences, options, code and mermaid fences and roles'
  targets are blanked; object titles stay, as headings; quoted text (the
  committee's words) is marked so its findings can be dropped;
- :mod:`.textlint` runs textlint once over every page's masked copy;
- :mod:`.server` keeps one textlint process for the preview (a
  :class:`vision.processes.node_process.NodeProcess`);
- :mod:`.report` logs each finding as a located warning ``[prose.<rule>]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import report

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    report.setup(app)
