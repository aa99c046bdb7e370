"""A diagram browser kept running between builds, for the editors' preview.

A normal build starts ``mermaid_render.mjs`` (and so Chromium) once per batch
of missing diagrams: about 1.5 s before the first diagram is drawn. The
preview rebuilds after every save in one process, so it keeps one
``mermaid_render.mjs --serve`` process, whose browser page stays open, and
sends each batch to it as one JSON line. Enabled by ``vision_diagram_server``
(the preview sets it); the drawings and the cache are the same either way.
"""

from __future__ import annotations

import atexit
import json
import subprocess
import threading
from pathlib import Path


class RenderServerError(Exception):
    """The serving process could not be started or stopped answering."""


class RenderServer:
    """One ``node mermaid_render.mjs --serve`` process, started on first use."""

    def __init__(self, node: str, script: Path) -> None:
        self.node = node
        self.script = script
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def run(self, request: dict) -> list[str]:
        """The report lines for ``request`` (as the file mode prints them)."""
        with self._lock:
            proc = self._process()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(json.dumps(request, ensure_ascii=False) + '\n')
                proc.stdin.flush()
            except OSError as exc:
                self.close()
                raise RenderServerError(f'diagram browser stopped: {exc}') from exc
            lines: list[str] = []
            for line in proc.stdout:
                if line.startswith('{"done"'):
                    return lines
                if line.startswith('{'):
                    lines.append(line)
            stderr = proc.stderr.read() if proc.stderr else ''
            self.close()
            raise RenderServerError(stderr.strip()[-2000:] or 'diagram browser stopped')

    def _process(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            try:
                self._proc = subprocess.Popen(
                    [self.node, str(self.script), '--serve'], cwd=self.script.parent,
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    text=True, encoding='utf-8')
            except OSError as exc:
                raise RenderServerError(f'cannot run {self.node!r}: {exc}') from exc
        return self._proc

    def close(self) -> None:
        """Stop the process (closing stdin lets it close its browser first)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
