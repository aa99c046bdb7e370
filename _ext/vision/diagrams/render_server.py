"""A diagram browser kept running between builds, for the editors' preview.

A normal build starts ``mermaid_render.mjs`` (and so Chromium) once per batch
of missing diagrams: about 1.5 s before the first diagram is drawn. The
preview rebuilds after every save in one process, so it keeps one
``mermaid_render.mjs --serve`` process, whose browser page stays open, and
sends each batch to it as one JSON line. Enabled by ``vision_diagram_server``
(the preview sets it); the drawings and the cache are the same either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..processes.node_process import NodeProcess

if TYPE_CHECKING:
    from pathlib import Path


class RenderServerError(Exception):
    """The serving process could not be started or stopped answering."""


class RenderServer(NodeProcess):
    """One ``node mermaid_render.mjs --serve`` process, started on first use.

    It answers a request with report lines ending with ``{"done": true}``.
    """

    error = RenderServerError
    name = 'diagram browser'
    stderr_tail = 2000

    def __init__(self, node: str, script: Path) -> None:
        super().__init__(node, script, '--serve')

    def run(self, request: dict) -> list[str]:
        """The report lines for ``request`` (as the file mode prints them)."""
        with self._exchange(request) as answers:
            lines: list[str] = []
            for line in answers:
                if line.startswith('{"done"'):
                    return lines
                if line.startswith('{'):
                    lines.append(line)
            raise self._stopped()
