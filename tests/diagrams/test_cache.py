"""A second build draws nothing: every diagram comes from the cache."""

from __future__ import annotations

import pytest

from vision.diagrams.mermaid import renderer_for


@pytest.mark.sphinx('html', testroot='diagrams-mermaid', srcdir='diagrams-cache', freshenv=True)
def test_second_build_renders_nothing(make_app, app_params, rootdir):
    args, kwargs = app_params
    first = make_app(*args, **kwargs)
    first.build()
    assert renderer_for(first).drawn_count == 2  # the broken one is cached with its error
    html = (first.outdir / 'index.html').read_bytes()

    second = make_app(*args, **kwargs)  # fresh environment: every page read and written again
    second.build()
    assert renderer_for(second).drawn_count == 0
    assert 'vision: 図を 0 個描き、2 個は前に描いたものを使いました' in second._status.getvalue()
    assert (second.outdir / 'index.html').read_bytes() == html
