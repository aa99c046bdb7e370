"""textlint kept running between builds of one process, for the editors' preview.

A one-shot build runs ``textlint`` once (:func:`.textlint.run`): about 3.4 s
here, nearly all of it Node's start and the presets' loading. The preview
rebuilds after every save and must show a body edit within 1 s, so it keeps
one ``node textlint_server.mjs`` process (textlint's own API,
``loadTextlintrc`` and ``createLinter``), started on first use, and sends it
the masked copies of the pages read in each build as one JSON line. Enabled
by ``vision_prose_server`` (the preview sets it); the findings are the same
either way.
"""

from __future__ import annotations

import atexit
import json
import subprocess
import tempfile
import threading
from pathlib import Path

from .textlint import NODE_MODULES, Finding, TextlintError, findings_of

SCRIPT = Path(__file__).with_name('textlint_server.mjs')


def stamp(config: Path) -> str:
    """What changes when the rules change: the configuration's and its dictionaries' mtimes."""
    files = [config, *sorted(config.parent.glob('*.yml'))]
    return ' '.join(f'{path.name}:{path.stat().st_mtime_ns}' for path in files if path.is_file())


class TextlintServer:
    """One ``node textlint_server.mjs`` process, started on first use."""

    def __init__(self, node: str = 'node', script: Path = SCRIPT) -> None:
        self.node = node
        self.script = script
        self._proc: subprocess.Popen | None = None
        #: Node's stderr, in a file (a pipe nobody reads could fill and stop it).
        self._stderr = tempfile.TemporaryFile(mode='w+', encoding='utf-8')
        self._lock = threading.Lock()
        atexit.register(self.close)

    def run(self, pages: dict[str, str], config: Path) -> dict[str, list[Finding]]:
        """Lint ``{relative path: masked text}``, as :func:`.textlint.run` does."""
        if not pages:
            return {}
        config = config.resolve()
        request = {'config': str(config), 'stamp': stamp(config), 'base': str(NODE_MODULES),
                   'pages': pages}
        with self._lock:
            proc = self._process()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(json.dumps(request, ensure_ascii=False) + '\n')
                proc.stdin.flush()
                line = proc.stdout.readline()
            except OSError as error:
                self.close()
                raise TextlintError(f'textlint stopped: {error}') from error
            if not line:
                self.close()
                self._stderr.seek(0)
                stderr = self._stderr.read()
                raise TextlintError(stderr.strip()[-500:] or 'textlint stopped')
        try:
            answer = json.loads(line)
        except json.JSONDecodeError as error:
            raise TextlintError(line.strip()[:500]) from error
        if 'error' in answer:
            raise TextlintError(str(answer['error'])[:500])
        return {name: findings_of(messages) for name, messages in answer['results'].items()}

    def _process(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            try:
                self._proc = subprocess.Popen(
                    [self.node, str(self.script)], cwd=self.script.parent,
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                    text=True, encoding='utf-8')
            except OSError as error:
                raise TextlintError(f'cannot run {self.node!r}: {error}') from error
        return self._proc

    def close(self) -> None:
        """Stop the process (closing its stdin ends it)."""
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
