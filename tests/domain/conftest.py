"""Snapshots of HTML and LaTeX fragments, stored in ``snapshots/`` and
reviewed like code. ``UPDATE_SNAPSHOTS=1 pytest tests/domain`` rewrites them
after an intended change; review the diff before committing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).with_name('snapshots')


class Snapshots:
    def check(self, name: str, text: str) -> None:
        path = SNAPSHOTS / name
        text = text.rstrip('\n') + '\n'
        if os.environ.get('UPDATE_SNAPSHOTS') == '1':
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding='utf-8')
            return
        assert path.is_file(), f'no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it'
        assert text == path.read_text(encoding='utf-8'), f'{name} differs from its snapshot'


@pytest.fixture
def snapshot() -> Snapshots:
    return Snapshots()
