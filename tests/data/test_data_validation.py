"""Every problem in a data file is a warning located in the YAML file, and the
build goes on (test root ``data-invalid``: one directive per broken file)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

EXTENSIONS = Path(__file__).resolve().parents[2] / '_ext'


@pytest.fixture(scope='module')
def invalid(rootdir, tmp_path_factory):
    """One real build of the root; its warnings, one per line."""
    srcdir = tmp_path_factory.mktemp('data-invalid') / 'root'
    shutil.copytree(rootdir / 'test-data-invalid', srcdir)
    warning = StringIO()
    app = SphinxTestApp('html', srcdir=srcdir, status=StringIO(), warning=warning)
    try:
        app.build()
    finally:
        app.cleanup()
    html = (app.outdir / 'index.html').read_text(encoding='utf-8')
    return strip_colors(warning.getvalue()).splitlines(), html


@pytest.mark.parametrize('expected', [
    # broken YAML syntax: where the parser gave up (PyYAML's words quoted)
    "data/syntax.yaml:5:1: WARNING: YAML の書き方の誤り：expected ',' or ']', but got '<stream end>'"
    "（while parsing a flow sequence） [vision.data-yaml]",
    # a wrong type: at the value
    "data/wrong-type.yaml:2:11: WARNING: members[0].seat：整数で書いてください（文字列 '①' が書かれています）"
    ' [vision.data-schema]',
    # an unknown field: at its key
    'data/unknown-field.yaml:5:5: WARNING: members[0].nickname：知らない項目です：綴りを確かめてください'
    ' [vision.data-schema]',
    # a required field missing: at the mapping that lacks it
    'data/missing-name.yaml:5:5: WARNING: members[1].name：必ず書く項目ですが、書かれていません [vision.data-schema]',
    # a key given twice (YAML would silently keep the last)
    'data/duplicate-key.yaml:5:5: WARNING: members[0].name：同じ名前の項目が2回書かれています（後の方だけが'
    '使われます）。どちらかを消してください [vision.data-schema]',
    # an empty file
    'data/empty.yaml:1:1: WARNING: （ファイル全体）：空です：「名前: 値」の組で書いてください [vision.data-schema]',
    # a duplicate seat number: at the second one
    'data/duplicate-seat.yaml:5:11: WARNING: members[1].seat：席次 1 が重複しています（members[0] と同じ）'
    ' [vision.data-check]',
    # meeting dates out of order
    'data/dates-order.yaml:8:11: WARNING: meetings[1].date：2023-03-20 は meetings[0].date の 2023-05-29 より'
    '後ではありません：meetings は日付の順に並べてください [vision.data-check]',
    # dates: the form, the calendar, and the status as of the report's date
    "data/bad-form.yaml:5:11: WARNING: meetings[0].date：YYYY-MM-DD の形で書いてください（'2023/03/20' が"
    '書かれています） [vision.data-schema]',
    "data/bad-form.yaml:9:13: WARNING: steps[0].status：'done' は使えません：['held', 'planned'] のどれかを"
    '書いてください [vision.data-schema]',
    'data/bad-date.yaml:5:11: WARNING: meetings[0].date：2023-02-30 は暦にない日付です：日付を確かめてください'
    ' [vision.data-check]',
    'data/bad-date.yaml:9:13: WARNING: steps[0].status：開催済み（held）ですが、日付 2023-11 が時点（as_of）'
    '2023-09-05 より後です [vision.data-check]',
    # safe loading: no object construction
    'data/python-object.yaml:3:12: WARNING: YAML のタグ !!python/object/apply:os.system は使えません：'
    'データファイルには普通のデータだけを書いてください [vision.data-yaml]',
])
def test_problem_is_located_in_the_data_file(invalid, expected):
    warnings, _html = invalid
    assert expected in warnings


@pytest.mark.parametrize(('line', 'message'), [
    (21, 'データファイル data/absent.yaml がありません：ファイル名を確かめてください [vision.data-missing]'),
    (24, "データファイル '../../etc/passwd' は読みません：data/ の中のファイルだけを読めます [vision.data-path]"),
    (27, "データファイル '/etc/passwd' は読みません：data/ の中のファイルだけを読めます [vision.data-path]"),
    (30, "データファイル 'data/../conf.py' は読みません：data/ の中のファイルだけを読めます [vision.data-path]"),
])
def test_file_problem_is_located_at_the_directive(invalid, line, message):
    warnings, _html = invalid
    pattern = re.compile(rf'.*/index\.md:{line}: WARNING: {re.escape(message)}$')
    assert any(pattern.match(w) for w in warnings), warnings


def test_each_problem_is_reported_once_and_nothing_else(invalid):
    warnings, _html = invalid
    assert len(warnings) == 17, '\n'.join(warnings)
    assert len(set(warnings)) == len(warnings)


def test_valid_entries_are_still_rendered(invalid):
    _warnings, html = invalid
    # wrong-type.yaml: the member with a bad seat is left out, the other shown
    assert '試験 花子' in html
    assert 'root:' not in html and 'unsafe' not in html


def test_a_file_used_by_several_pages_is_reported_once_also_in_parallel(rootdir, tmp_path):
    """history.md and schedule.md both use meetings.yaml; with -j 2 they are
    read in different processes. A build that re-reads another page only
    reports the problem again."""
    srcdir = tmp_path / 'root'
    shutil.copytree(rootdir / 'test-data-tables', srcdir)
    meetings = srcdir / 'data' / 'meetings.yaml'
    meetings.write_text(meetings.read_text(encoding='utf-8').replace('status: held', 'status: done', 1),
                        encoding='utf-8')
    expected = ("data/meetings.yaml:6:13: WARNING: meetings[0].status：'done' は使えません："
                "['held', 'planned'] のどれかを書いてください [vision.data-schema]")
    for build in ('first', 'index.md edited'):
        if build == 'index.md edited':
            index = srcdir / 'index.md'
            index.write_text(index.read_text(encoding='utf-8') + '\n本文。\n', encoding='utf-8')
            os.utime(index, (index.stat().st_mtime + 10,) * 2)
        warning = StringIO()
        app = SphinxTestApp('html', srcdir=srcdir, status=StringIO(), warning=warning, parallel=2)
        try:
            app.build()
        finally:
            app.cleanup()
        data_warnings = [w for w in strip_colors(warning.getvalue()).splitlines() if w.startswith('data/')]
        assert data_warnings == [expected]


def test_problems_fail_a_build_with_w(rootdir, tmp_path):
    srcdir = tmp_path / 'root'
    shutil.copytree(rootdir / 'test-data-invalid', srcdir)
    proc = subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'html', '-W', '--keep-going', '-q',
                           str(srcdir), str(tmp_path / 'out')], capture_output=True, text=True,
                          env={**os.environ, 'PYTHONPATH': str(EXTENSIONS)})
    assert proc.returncode == 1
    assert 'data/duplicate-seat.yaml:5:11: WARNING: members[1].seat：席次 1 が重複しています' in proc.stderr
    assert 'Traceback' not in proc.stderr
