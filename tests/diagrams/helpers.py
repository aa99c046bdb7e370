"""Shared checks for the diagram tests: what Chromium and poppler see."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

SHOW_OFFLINE = Path(__file__).with_name('show_offline.mjs')


def show_offline(page: Path) -> dict:
    """The page's diagrams as seen from ``file://`` with the network blocked."""
    proc = subprocess.run(['node', str(SHOW_OFFLINE), str(page)], capture_output=True,
                          text=True, check=True, timeout=120)
    return json.loads(proc.stdout)


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
