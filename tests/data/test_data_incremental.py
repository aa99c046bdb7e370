"""Editing a data file re-reads exactly the pages that use it, and the
incremental result equals a clean build of the edited sources."""

from __future__ import annotations

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope='module')
def diagram_cache(tmp_path_factory) -> Path:
    """One mermaid cache for all builds here: the timeline is drawn once."""
    return tmp_path_factory.mktemp('mermaid-cache')


def build(srcdir: Path, diagram_cache: Path) -> list[str]:
    """Build ``srcdir`` into ``srcdir/_build/html``; return the docnames read."""
    read: list[str] = []
    app = SphinxTestApp('html', srcdir=srcdir, status=StringIO(), warning=StringIO(),
                        confoverrides={'vision_diagram_cache': str(diagram_cache)})
    app.connect('env-before-read-docs', lambda _app, _env, docnames: read.extend(docnames))
    try:
        app.build()
        assert app._warning.getvalue() == ''
    finally:
        app.cleanup()
    return sorted(read)


def output_tree(srcdir: Path) -> dict[str, bytes]:
    outdir = srcdir / '_build' / 'html'
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob('*'))
        if path.is_file() and '.doctrees' not in path.parts
    }


@pytest.mark.parametrize(('data_file', 'old', 'new', 'pages'), [
    ('meetings.yaml', 'topics: 令和最初の会議', 'topics: 令和最初の会議（変更）', ['history', 'schedule']),
    ('members.yaml', 'title: 試験大学教授', 'title: 試験大学名誉教授', ['members']),
])
def test_edit_rebuilds_exactly_its_pages(rootdir, tmp_path, monkeypatch, diagram_cache,
                                         data_file, old, new, pages):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1693872000')
    incremental = tmp_path / 'incremental'
    shutil.copytree(rootdir / 'test-data-tables', incremental)
    assert build(incremental, diagram_cache) == ['history', 'index', 'members', 'schedule']

    path = incremental / 'data' / data_file
    text = path.read_text(encoding='utf-8')
    assert old in text
    path.write_text(text.replace(old, new), encoding='utf-8')
    future = path.stat().st_mtime + 10  # newer than the doctrees, whatever the clock's resolution
    os.utime(path, (future, future))
    assert build(incremental, diagram_cache) == pages

    clean = tmp_path / 'clean'
    shutil.copytree(incremental, clean, ignore=shutil.ignore_patterns('_build'))
    build(clean, diagram_cache)
    assert output_tree(incremental) == output_tree(clean)
    assert new.split(': ')[1] in (incremental / '_build' / 'html' / f'{pages[0]}.html').read_text(encoding='utf-8')
