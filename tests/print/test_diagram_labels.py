"""Diagram labels break between Japanese phrases, checked as Chromium lays them out.

The same labels are drawn for the HTML and the PDF, so the HTML's inline
SVG (the site's real pages) shows how the printed diagrams break too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from vision.diagrams.phrases import NO_LINE_END, NO_LINE_START, phrase_markup, phrases

ROOT = Path(__file__).resolve().parents[2]
LABEL_LINES = ROOT / 'tests' / 'diagrams' / 'label_lines.mjs'


def test_phrases_keep_words_and_kinsoku():
    assert phrases('ソーシャルビジネスの推進') == ['ソーシャルビジネスの', '推進']
    assert phrases('世田谷区地域経済の持続可能な発展条例') == ['世田谷区地域経済の', '持続可能な', '発展条例']
    assert phrases('事業活動及びエシカル消費の推進') == ['事業活動及び', 'エシカル', '消費の', '推進']
    for text in ('（仮称）新産業ビジョン 策定', 'チャレンジできる世田谷区', '区民生活常任委員会（報告（仮称）新産業ビジョン素案）'):
        parts = phrases(text)
        assert ''.join(parts) == text
        assert all(len(p.strip()) > 1 for p in parts), parts
        assert not any(p[0] in NO_LINE_START for p in parts[1:]), parts
        assert not any(p[-1] in NO_LINE_END for p in parts[:-1]), parts


def test_phrase_markup_escapes_each_phrase():
    assert phrase_markup('A&Bの推進', lambda s: s.replace('&', '＆')) == 'A＆Bの<wbr>推進'


def laid_out_labels(page: Path, width: int) -> list[dict]:
    proc = subprocess.run(['node', str(LABEL_LINES), str(page), str(width)], capture_output=True,
                          text=True, check=True, timeout=120,
                          env={**os.environ, 'NODE_PATH': str(ROOT / 'node_modules')})
    return json.loads(proc.stdout)


@pytest.mark.parametrize('page', ['structure.html', 'schedule.html'])
def test_laid_out_labels_break_only_between_phrases(site_html, page):
    assert site_html.returncode == 0, site_html.stderr
    labels = laid_out_labels(site_html.outdir / page, 1280)
    wrapped = [label for label in labels if len(label['lines']) > 1]
    assert wrapped, 'no label wraps: the check would pass vacuously'
    for label in labels:
        lines = label['lines']
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (label, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (label, line)
        assert all(len(line) > 1 for line in lines), label
        # Every break falls on a phrase boundary (or at a space or <br>).
        boundaries, offset = set(), 0
        for phrase in (p for part in label['label'].split('\n') for p in phrases(part)):
            offset += len(re.sub(r'\s+', '', phrase))
            boundaries.add(offset)
        position = 0
        for line in lines[:-1]:
            position += len(re.sub(r'\s+', '', line))
            assert position in boundaries or _at_space_or_break(label['label'], position), (label, line)


def _at_space_or_break(label: str, position: int) -> bool:
    """Whether the *position*-th non-space character of *label* follows a space."""
    seen = 0
    for index, char in enumerate(label):
        if char.isspace():
            continue
        if seen == position:
            return index > 0 and label[index - 1].isspace()
        seen += 1
    return False
