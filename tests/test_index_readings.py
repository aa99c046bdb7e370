"""Index terms need readings so mendex sorts them; a missing one is located."""

from __future__ import annotations

import pytest
from sphinx.util.console import strip_colors


@pytest.mark.sphinx('latex', testroot='readings')
def test_missing_reading_is_a_located_warning(app, warning):
    app.build()
    warnings = strip_colors(warning.getvalue())
    assert "index.md:6: WARNING: index term '商店街' has no reading in readings.yaml [vision.readings]" in warnings
    assert '事業承継' not in warnings


@pytest.mark.sphinx('latex', testroot='readings')
def test_dictionary_is_written_for_mendex(app):
    app.build()
    basename = app.config.latex_documents[0][1].removesuffix('.tex')
    dic = (app.outdir / f'{basename}.dic').read_text(encoding='utf-8')
    assert dic == '事業承継 じぎょうしょうけい\n'
