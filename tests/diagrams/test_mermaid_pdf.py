"""Diagrams in the print office's PDF: vector drawings, Japanese labels as text, fonts embedded."""

from __future__ import annotations

import re
import subprocess

import pytest
from helpers import poppler


@pytest.mark.sphinx('latex', testroot='diagrams-mermaid', srcdir='diagrams-pdf')
def test_pdf_has_the_diagram_as_centred_captioned_vector_figure(app):
    app.build()
    tex = (app.outdir / 'diagrams.tex').read_text(encoding='utf-8')
    figure = re.search(r'\\begin\{figure\}.*?\\end\{figure\}', tex, re.S).group()
    assert '\\centering' in figure
    assert re.search(r'\\sphinxincludegraphics\{\{mermaid-[0-9a-f]{32}\}\.pdf\}', figure)
    assert '\\caption{条例からメインテーマへ}' in figure

    subprocess.run(['make', '-C', str(app.outdir), 'all-pdf', 'LATEXMKOPTS=-silent'],
                   capture_output=True, check=True, timeout=300)
    pdf = str(app.outdir / 'diagrams.pdf')
    text = re.sub(r'\s+', '', poppler('pdftotext', '-enc', 'UTF-8', pdf, '-'))
    # Labels of the drawing itself, not of the caption: the drawing is text, not pixels.
    assert '地域経済の持続可能な発展条例' in text
    assert 'わくわく感が生む世田谷の新たな価値と豊かさ' in text
    assert poppler('pdfimages', '-list', pdf).splitlines()[2:] == []  # no raster image anywhere

    fonts = poppler('pdffonts', pdf).splitlines()[2:]
    assert any('BIZUDGothic' in row for row in fonts)  # the drawing's pinned font
    assert [row for row in fonts if row.split()[-5] != 'yes'] == []
