"""Every problem in a data file is a warning located in the YAML file, and the
build goes on (test root ``data-invalid``: one directive per broken file)."""

from __future__ import annotations

import re
import shutil
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors


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
    # broken YAML syntax: where the parser gave up
    "data/syntax.yaml:5:1: WARNING: invalid YAML: expected ',' or ']', but got '<stream end>'"
    " (while parsing a flow sequence) [vision.data-yaml]",
    # a wrong type: at the value
    "data/wrong-type.yaml:2:11: WARNING: members[0].seat: must be integer, got string '①' [vision.data-schema]",
    # an unknown field: at its key
    'data/unknown-field.yaml:5:5: WARNING: members[0].nickname: unknown field [vision.data-schema]',
    # a required field missing: at the mapping that lacks it
    'data/missing-name.yaml:5:5: WARNING: members[1].name: required [vision.data-schema]',
    # a key given twice (YAML would silently keep the last)
    'data/duplicate-key.yaml:5:5: WARNING: members[0].name: duplicate key [vision.data-schema]',
    # an empty file
    'data/empty.yaml:1:1: WARNING: (document): must be object, got null None [vision.data-schema]',
    # a duplicate seat number: at the second one
    'data/duplicate-seat.yaml:5:11: WARNING: members[1].seat: duplicate seat 1 (also members[0]) [vision.data-check]',
    # meeting dates out of order
    'data/dates-order.yaml:8:11: WARNING: meetings[1].date: 2023-03-20 is not after meetings[0].date 2023-05-29:'
    ' meetings must be in date order [vision.data-check]',
    # dates: the form, the calendar, and the status as of the report's date
    "data/bad-form.yaml:5:11: WARNING: meetings[0].date: must have the form YYYY-MM-DD, got '2023/03/20'"
    ' [vision.data-schema]',
    "data/bad-form.yaml:9:13: WARNING: steps[0].status: 'done' is not one of ['held', 'planned'] [vision.data-schema]",
    'data/bad-date.yaml:5:11: WARNING: meetings[0].date: 2023-02-30 is not a calendar date [vision.data-check]',
    'data/bad-date.yaml:9:13: WARNING: steps[0].status: held, but dated 2023-11, after as_of 2023-09-05'
    ' [vision.data-check]',
    # safe loading: no object construction
    'data/python-object.yaml:3:12: WARNING: YAML tag !!python/object/apply:os.system is refused:'
    ' data files hold plain data only [vision.data-yaml]',
])
def test_problem_is_located_in_the_data_file(invalid, expected):
    warnings, _html = invalid
    assert expected in warnings


@pytest.mark.parametrize(('line', 'message'), [
    (21, 'data file data/absent.yaml not found [vision.data-missing]'),
    (24, "data file '../../etc/passwd' is refused: only files under data/ may be read [vision.data-path]"),
    (27, "data file '/etc/passwd' is refused: only files under data/ may be read [vision.data-path]"),
    (30, "data file 'data/../conf.py' is refused: only files under data/ may be read [vision.data-path]"),
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
