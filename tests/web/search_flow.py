"""Run ``search_flow.js`` (a resident's search, to the page a hit opens) on a built site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from web_harness import serve

FLOW = Path(__file__).with_name('search_flow.js')


def search_flow(site: Path, **job) -> dict:
    with serve(site) as base:
        proc = subprocess.run(['node', str(FLOW)], input=json.dumps({'base': base, **job}),
                              capture_output=True, text=True, cwd=FLOW.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
