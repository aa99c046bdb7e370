"""Run textlint once over the masked copies of every page.

The copies are written to a temporary directory under the same relative
paths as the sources (``policies/p1.md``), and one ``textlint --format json``
process reads them all with the project's configuration; its rules are loaded
from the project's ``node_modules``. The result is each page's findings:
``(line, rule, message)``. The preview uses :mod:`.server` instead, one Node
process kept between its builds.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: The project's node_modules, found from this package: ``_ext/vision/prose`` -> root.
NODE_MODULES = Path(__file__).resolve().parents[3] / 'node_modules'
TEXTLINT = NODE_MODULES / '.bin' / 'textlint'


@dataclass(frozen=True)
class Finding:
    line: int
    rule: str
    message: str


class TextlintError(Exception):
    """textlint could not run, or gave no result that can be read."""


def run(pages: dict[str, str], config: Path, timeout: float = 300) -> dict[str, list[Finding]]:
    """Lint ``{relative path: masked text}``; each path's findings, in order."""
    if not pages:
        return {}
    if not TEXTLINT.exists():
        raise TextlintError(str(TEXTLINT))
    with tempfile.TemporaryDirectory(prefix='vision-prose-') as tmp:
        for path, text in pages.items():
            target = Path(tmp, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding='utf-8')
        try:
            proc = subprocess.run(
                [str(TEXTLINT), '--format', 'json', '--config', str(config.resolve()),
                 '--rules-base-directory', str(NODE_MODULES), '--no-color', *sorted(pages)],
                cwd=tmp, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise TextlintError(str(error)) from error
        try:
            results = json.loads(proc.stdout)
        except json.JSONDecodeError as error:
            raise TextlintError((proc.stderr or proc.stdout).strip()[:500]) from error
        root = Path(tmp).resolve()
        found: dict[str, list[Finding]] = {}
        for result in results:
            relative = Path(result['filePath']).resolve().relative_to(root).as_posix()
            found[relative] = findings_of(result.get('messages', []))
    return found


def findings_of(messages: list[dict]) -> list[Finding]:
    """textlint's messages of one file (``line``, ``ruleId``, ``message``), in line order."""
    return sorted((Finding(int(m['line']), str(m['ruleId']), str(m['message'])) for m in messages),
                  key=lambda f: (f.line, f.rule))
