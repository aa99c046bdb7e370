"""Chapter heads are set in one face: the digits of 「第1章」 in sans with the Gothic."""

from __future__ import annotations

import re
import subprocess

import pytest


@pytest.mark.sphinx('latex', testroot='print-matter', srcdir='print-chapter-head', freshenv=True)
def test_chapter_head_digits_match_the_gothic(app):
    app.build()
    subprocess.run(['make', '-C', str(app.outdir), 'all-pdf', 'LATEXMKOPTS=-silent'],
                   capture_output=True, check=True, timeout=300)
    xml = subprocess.run(['pdftohtml', '-xml', '-i', '-stdout', '-zoom', '1', str(app.outdir / 'print.pdf')],
                         capture_output=True, text=True, check=True).stdout
    fonts = {number: (int(size), family) for number, size, family
             in re.findall(r'<fontspec id="(\d+)" size="(\d+)" family="([^"]+)"', xml)}
    # The chapter head is the only text set \huge (about 20 pt); the watermark is far larger.
    head = [(re.sub(r'<[^>]+>', '', text), fonts[font][1])
            for font, text in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml)
            if 18 <= fonts[font][0] <= 24]
    digits = [family for text, family in head if text.strip() == '1']
    assert digits, head
    assert all('Heros' in family for family in digits), head
    assert any('Gothic' in family for _, family in head), head
