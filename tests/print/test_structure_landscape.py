"""The whole 体系図 on a landscape page of its own in print, filling it; the HTML unchanged."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest


@pytest.mark.sphinx('latex', testroot='print-structure')
def test_landscape_structure_fills_a_turned_page(app):
    app.build()
    tex = (app.outdir / 'diagrams.tex').read_text(encoding='utf-8')
    pages = re.findall(r'\\begin\{landscape\}(.*?)\\end\{landscape\}', tex, re.S)
    # Only the whole vision turns; a single policy's diagram is already wide and low.
    assert len(pages) == 1, pages
    assert re.search(r'\\includegraphics\[width=\\linewidth,height=[^]]*keepaspectratio\]'
                     r'\{\{mermaid-[0-9a-f]{32}\}\.pdf\}', pages[0])
    assert '\\caption{新産業ビジョンの体系図}' in pages[0]
    assert tex.count('\\sphinxincludegraphics{{mermaid-') == 1  # the P2 diagram, in the text

    subprocess.run(['make', '-C', str(app.outdir), 'all-pdf', 'LATEXMKOPTS=-silent'],
                   capture_output=True, check=True, timeout=300)
    pdf = app.outdir / 'diagrams.pdf'
    with pikepdf.open(pdf) as document:
        turned = [n for n, p in enumerate(document.pages, 1) if int(p.obj.get('/Rotate', 0)) == 90]
    assert len(turned) == 1
    text = re.sub(r'\s+', '', subprocess.run(
        ['pdftotext', '-f', str(turned[0]), '-l', str(turned[0]), '-enc', 'UTF-8', str(pdf), '-'],
        capture_output=True, text=True, check=True).stdout)
    assert '新産業ビジョンの体系図' in text and '多様な地域産業の基盤強化' in text


@pytest.mark.sphinx('html', testroot='print-structure', srcdir='print-structure-html')
def test_landscape_changes_nothing_in_html(app):
    app.build()
    html = (app.outdir / 'structure.html').read_text(encoding='utf-8')
    assert 'landscape' not in html
    assert html.count('class="vision-diagram-drawing"') == 2
