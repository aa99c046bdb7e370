"""Build correctness: incremental builds and ``-j 2`` builds write the same
files as clean serial builds. Whole output trees are compared byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main
from sphinx.search import js_index

ROOTS = Path(__file__).resolve().parent.parent / 'roots'


def build(srcdir: Path, outdir: Path, *options: str) -> None:
    status = build_main(['-b', 'html', '-q', '-d', str(outdir / '.doctrees'), *options,
                         str(srcdir), str(outdir / 'html')])
    assert status == 0


def tree(outdir: Path) -> dict[str, bytes]:
    """Every written file. The environment pickle and doctrees are Sphinx's
    cache, not output, and live outside ``html/``."""
    html = outdir / 'html'
    files = {p.relative_to(html).as_posix(): p.read_bytes()
             for p in sorted(html.rglob('*')) if p.is_file()}
    files['searchindex.js'] = without_dead_terms(files['searchindex.js'])
    return files


def without_dead_terms(searchindex: bytes) -> bytes:
    """The search index without terms that no page contains any more.

    Sphinx itself (not this extension) keeps a word that disappeared from
    every page in an incremental build, as ``"word": []``: it matches nothing,
    so it is not a difference readers can see. Every other byte is compared.
    """
    data = js_index.loads(searchindex.decode('utf-8'))
    for key in ('terms', 'titleterms'):
        data[key] = {term: docs for term, docs in data[key].items() if docs != []}
    return js_index.dumps(data).encode('utf-8')


def assert_same_tree(actual: Path, expected: Path) -> None:
    actual_files, expected_files = tree(actual), tree(expected)
    assert sorted(actual_files) == sorted(expected_files)
    differing = [name for name in expected_files if actual_files[name] != expected_files[name]]
    assert not differing


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text
    path.write_text(text.replace(old, new), encoding='utf-8')
    # A later modification time than the last read, whatever the clock's resolution.
    later = path.stat().st_mtime + 10
    os.utime(path, (later, later))


MOVED_GOAL = ':::{goal} G1-2\n:policy: P1\n:title: 動く目指す姿\n:::\n'


def change_title(src: Path) -> None:
    edit(src / 'a.md', '古い題名', '新しい題名')


def delete_goal(src: Path) -> None:
    # b.md still links to it: its link must turn into plain text (and warn).
    edit(src / 'a.md', MOVED_GOAL, '')


def move_goal(src: Path) -> None:
    edit(src / 'a.md', MOVED_GOAL, '')
    edit(src / 'c.md', 'を参照。\n', 'を参照。\n\n' + MOVED_GOAL)


def add_opinion(src: Path) -> None:
    edit(src / 'b.md', '参照：', ':::{opinion} O2\n:goals: G1-1\n新しい意見\n:::\n\n参照：')


def goal_changes_policy(src: Path) -> None:
    # I1 links G1-1: it leaves P1's list of initiatives and joins P2's.
    edit(src / 'a.md', ':policy: P1\n:title: 古い題名', ':policy: P2\n:title: 古い題名')


SCENARIOS = {
    'change-title': change_title,
    'goal-changes-policy': goal_changes_policy,
    'delete-goal': delete_goal,
    'move-goal': move_goal,
    'add-opinion': add_opinion,
}


@pytest.mark.parametrize('scenario', sorted(SCENARIOS))
def test_incremental_build_equals_clean_build(scenario, tmp_path):
    incremental, clean = tmp_path / 'incremental', tmp_path / 'clean'
    for project in (incremental, clean):
        shutil.copytree(ROOTS / 'test-domain-incremental', project / 'src')
    build(incremental / 'src', incremental)
    before = tree(incremental)
    for project in (incremental, clean):
        SCENARIOS[scenario](project / 'src')
    build(incremental / 'src', incremental)
    build(clean / 'src', clean)
    assert tree(incremental) != before  # the change is visible at all
    assert_same_tree(incremental, clean)


def written_times(outdir: Path) -> dict[str, int]:
    return {p.relative_to(outdir / 'html').as_posix(): p.stat().st_mtime_ns
            for p in (outdir / 'html').rglob('*.html')}


def test_incremental_build_rewrites_only_pages_that_show_the_change(tmp_path):
    """A new title of G1-1 reaches the pages that show it, and no others: the
    list of P2's initiatives (none links to G1-1) is left as it was."""
    shutil.copytree(ROOTS / 'test-domain-incremental', tmp_path / 'src')
    build(tmp_path / 'src', tmp_path)
    first = written_times(tmp_path)
    change_title(tmp_path / 'src')
    build(tmp_path / 'src', tmp_path)
    second = written_times(tmp_path)
    rewritten = {page for page in first if second[page] != first[page]}
    # a: G1-1 itself; b: O1 links it; c: {goal}`G1-1`; p2: I1 links it;
    # index: system table and matrix; list-p1: I1 with its link to G1-1.
    shows_g1_1 = {'a.html', 'b.html', 'c.html', 'p2.html', 'index.html', 'list-p1.html'}
    assert shows_g1_1 <= rewritten
    assert 'list-p2.html' not in rewritten


def test_parallel_build_equals_serial_build(tmp_path):
    """A whole made-up site: Sphinx reads and writes in parallel only from six
    documents up, which the small test roots do not reach."""
    serial, parallel = tmp_path / 'serial', tmp_path / 'parallel'
    site = ROOTS / 'test-site'
    build(site / 'docs', serial, '-c', str(site))
    build(site / 'docs', parallel, '-c', str(site), '-j', '2')
    assert_same_tree(parallel, serial)
