"""The inline SVG's repair for valid HTML keeps mermaid's drawing pixel for pixel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from vision.diagrams.inline_svg import valid_inline_svg

SCREENSHOT = Path(__file__).with_name('screenshot_svgs.mjs')
PAGE = '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>図</title></head><body>{}</body></html>'


@pytest.mark.sphinx('html', testroot='diagrams-mermaid')
def test_repaired_svg_draws_the_same(app, tmp_path):
    app.build()
    drawn = sorted(Path(app.outdir).parent.glob('.mermaid-cache/*.svg'))
    assert drawn
    pages = []
    for index, path in enumerate(drawn):
        svg = path.read_text(encoding='utf-8')
        repaired = valid_inline_svg(svg)
        assert '<p>' in svg and '<rect/>' in svg
        assert '<p>' not in repaired and '<rect/>' not in repaired
        for name, markup in (('mermaid', svg), ('repaired', repaired)):
            pages.append(tmp_path / f'{name}-{index}.html')
            pages[-1].write_text(PAGE.format(markup), encoding='utf-8')
    subprocess.run(['node', str(SCREENSHOT), *map(str, pages)], check=True, timeout=120,
                   cwd=SCREENSHOT.parent)
    for index in range(len(drawn)):
        before, after = ((tmp_path / f'{name}-{index}.png').read_bytes()
                         for name in ('mermaid', 'repaired'))
        assert len(before) > 1000
        assert before == after, drawn[index].name

def test_sizes_are_kept_and_only_missing_ones_added():
    svg = '<rect x="1" width="5" height="6"/><rect class="a"/><rect width="2"></rect>'
    assert valid_inline_svg(svg) == ('<rect x="1" width="5" height="6"/>'
                                     '<rect class="a" width="0" height="0"/>'
                                     '<rect width="2" height="0"></rect>')


def test_label_paragraph_becomes_a_block_span():
    svg = '<span class="nodeLabel"><p>地域<br/>経済</p></span><span><p style="color: red">x</p></span>'
    assert valid_inline_svg(svg) == ('<span class="nodeLabel"><span style="display: block;">地域<br/>経済'
                                     '</span></span><span><span style="display: block; color: red">x'
                                     '</span></span>')
