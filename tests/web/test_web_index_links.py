"""The HTML 索引 in Chromium (issue 29): every entry's link lands on its anchor, in view."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from web_harness import serve

SCRIPT = Path(__file__).with_name('index_links.js')


@pytest.fixture(scope='module')
def landed(site) -> dict:
    with serve(site) as base:
        proc = subprocess.run(['node', str(SCRIPT)], input=json.dumps({'base': base}),
                              capture_output=True, text=True, cwd=SCRIPT.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize('width', ['390', '1280'])
def test_every_index_entry_lands_on_its_anchor_in_view(landed, width):
    seen = landed[width]
    # The test root's entries, under their 五十音 rows (by data/readings.yaml).
    assert seen['headings'] == ['か行', 'ま行']
    assert len(seen['landed']) >= 2
    for entry in seen['landed']:
        assert entry['found'], entry
        # Not hidden under the sticky header, and on the screen.
        assert entry['top'] >= entry['headerBottom'] - 1, entry
        assert entry['top'] < entry['height'], entry
