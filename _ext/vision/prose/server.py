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

import json
from pathlib import Path

from ..processes.node_process import NodeProcess
from .textlint import NODE_MODULES, Finding, TextlintError, findings_of

SCRIPT = Path(__file__).with_name('textlint_server.mjs')


def stamp(config: Path) -> str:
    """What changes when the rules change: the configuration's and its dictionaries' mtimes."""
    files = [config, *sorted(config.parent.glob('*.yml'))]
    return ' '.join(f'{path.name}:{path.stat().st_mtime_ns}' for path in files if path.is_file())


class TextlintServer(NodeProcess):
    """One ``node textlint_server.mjs`` process, started on first use; one answer line per request."""

    error = TextlintError
    name = 'textlint'
    stderr_tail = 500

    def __init__(self, node: str = 'node', script: Path = SCRIPT) -> None:
        super().__init__(node, script)

    def run(self, pages: dict[str, str], config: Path) -> dict[str, list[Finding]]:
        """Lint ``{relative path: masked text}``, as :func:`.textlint.run` does."""
        if not pages:
            return {}
        config = config.resolve()
        request = {'config': str(config), 'stamp': stamp(config), 'base': str(NODE_MODULES),
                   'pages': pages}
        with self._exchange(request) as answers:
            line = answers.readline()
            if not line:
                raise self._stopped()
        try:
            answer = json.loads(line)
        except json.JSONDecodeError as error:
            raise TextlintError(line.strip()[:500]) from error
        if 'error' in answer:
            raise TextlintError(str(answer['error'])[:500])
        return {name: findings_of(messages) for name, messages in answer['results'].items()}
