"""An editor's save, built incrementally, gives the bytes of a clean build:
every output file, ``searchindex.js`` included (no term or entry masked),
serially and with ``-j 2``.

Sphinx alone drops the index entries of pages it does not rewrite from
``searchindex.js`` (Sphinx issue #12599); ``vision.search.index_entries``
works around it. The root has seven pages, so ``-j 2`` really reads and
writes in parallel (Sphinx does from six documents up).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from saving import edit
from sphinx.cmd.build import build_main
from sphinx.search import js_index

ROOT = Path(__file__).resolve().parent.parent / 'roots' / 'test-editors-incremental'


def build(project: Path, *options: str) -> None:
    status = build_main(['-b', 'html', '-q', '-W', '-d', str(project / 'doctrees'), *options,
                         str(project / 'src'), str(project / 'html')])
    assert status == 0


def output(project: Path) -> dict[str, bytes]:
    html = project / 'html'
    return {p.relative_to(html).as_posix(): p.read_bytes()
            for p in sorted(html.rglob('*')) if p.is_file()}


def index_entries(project: Path) -> dict:
    return js_index.loads((project / 'html' / 'searchindex.js').read_text(encoding='utf-8'))[
        'indexentries']


def body_edit(src: Path) -> None:
    edit(src / 'p3.md', '方針3 の本文である。', '方針3 の本文を改めた。')


def index_edit(src: Path) -> None:
    edit(src / 'p2.md', '```{index} 産業\n```', '```{index} 観光\n```')


def removed_entry(src: Path) -> None:
    edit(src / 'p6.md', '```{index} 交流\n```\n', '')


def removed_page(src: Path) -> None:
    edit(src / 'index.md', 'p6\n', '')
    (src / 'p6.md').unlink()


def reordered_pages(src: Path) -> None:
    edit(src / 'index.md', 'p2\np3\n', 'p3\np2\n')


SCENARIOS = {'body-edit': body_edit, 'index-edit': index_edit, 'removed-entry': removed_entry,
             'removed-page': removed_page, 'reordered-pages': reordered_pages}


@pytest.fixture(autouse=True)
def fixed_dates(monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1693872000')
    monkeypatch.setenv('FORCE_SOURCE_DATE', '1')


@pytest.mark.parametrize('jobs', ['1', '2'])
@pytest.mark.parametrize('scenario', sorted(SCENARIOS))
def test_incremental_build_equals_clean_build(scenario, jobs, tmp_path):
    incremental, clean = tmp_path / 'incremental', tmp_path / 'clean'
    shutil.copytree(ROOT, incremental / 'src')
    build(incremental, '-j', jobs)
    before = output(incremental)
    assert len(index_entries(incremental)) == 6  # one entry per page
    assert 'p6.html' in before
    SCENARIOS[scenario](incremental / 'src')
    build(incremental, '-j', jobs)
    shutil.copytree(incremental / 'src', clean / 'src')
    build(clean, '-j', jobs)
    after, expected = output(incremental), output(clean)
    assert after != before
    assert sorted(after) == sorted(expected)
    assert [name for name in expected if after[name] != expected[name]] == []


def test_parallel_build_equals_serial_build(tmp_path):
    serial, parallel = tmp_path / 'serial', tmp_path / 'parallel'
    for project in (serial, parallel):
        shutil.copytree(ROOT, project / 'src')
    build(serial)
    build(parallel, '-j', '2')
    assert output(parallel) == output(serial)


def test_unchanged_pages_keep_their_index_entries(tmp_path):
    """The bug itself, stated plainly: after editing p1 only, p2's entry
    「産業」 is still in the index (Sphinx alone drops it)."""
    project = tmp_path / 'project'
    shutil.copytree(ROOT, project / 'src')
    build(project)
    edit(project / 'src' / 'p1.md', '方針1 の本文である。', '方針1 の本文を改めた。')
    build(project)
    entries = index_entries(project)
    assert '産業' in entries and '世田谷' in entries
    docnames = js_index.loads((project / 'html' / 'searchindex.js').read_text(encoding='utf-8'))[
        'docnames']
    assert docnames[entries['産業'][0][0]] == 'p2'
