"""In the PDF a long roster breaks across pages and repeats its header
(real upLaTeX run on a roster of 50 invented members)."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

HEADER = '氏名・肩書（順不同、敬称略）'


@pytest.fixture
def fifty_members(rootdir, tmp_path):
    members = [{'seat': n, 'group': f'試験団体{n}', 'name': f'試験 {n}郎',
                'title': '試験株式会社 代表取締役・試験大学 特任教授・試験協議会 理事兼事務局長'}
               for n in range(1, 51)]
    return yaml.safe_dump({'members': members}, allow_unicode=True)


@pytest.mark.sphinx('latex', testroot='data-longtable')
def test_long_roster_repeats_its_header_on_every_page(app, fifty_members):
    (app.srcdir / 'data' / 'members.yaml').write_text(fifty_members, encoding='utf-8')
    app.build(force_all=True)
    subprocess.run(['make', '-C', str(app.outdir), 'all-pdf'], check=True, capture_output=True,
                   env={'LATEXMKOPTS': '-silent', 'PATH': '/usr/bin:/bin'})
    pdf = next(app.outdir.glob('*.pdf'))
    pages = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], check=True,
                           capture_output=True, text=True).stdout.split('\f')
    # pdftotext puts spaces and line breaks between runs of glyphs: ignore them.
    with_table = [re.sub(r'\s+', '', page) for page in pages if '試験' in page]
    assert len(with_table) >= 2, 'the roster should need more than one page'
    for page in with_table:
        assert HEADER in page
    assert '試験1郎' in with_table[0] and '試験50郎' in with_table[-1]
    assert '次のページに続く' in with_table[0]
