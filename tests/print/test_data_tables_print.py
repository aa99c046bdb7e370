"""In print the data tables (資料編) are set small, a size below the text."""

from __future__ import annotations

import re

import pytest


@pytest.mark.sphinx('latex', testroot='data-tables', srcdir='print-data-tables')
def test_roster_is_set_small_in_latex_only(app):
    app.build()
    tex = next(app.outdir.glob('*.tex')).read_text(encoding='utf-8')
    groups = re.findall(r'\\begingroup\\small\n(.*?)\\endgroup', tex, re.S)
    assert groups and all('\\begin{longtable}' in group and '\\end{longtable}' in group
                          for group in groups), groups
    assert tex.count('\\begin{longtable}') == len(groups)  # every data table, nothing else
