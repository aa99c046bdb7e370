"""Mistakes that used to crash the build or lose text without a word.

Each kind is a warning at ``file:line`` that says what was lost or misread
and how to fix it; alone it fails a ``-W`` build, and the build goes on
(the rest of the page is still written).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

ROOTS = Path(__file__).resolve().parent.parent / 'roots'


def build(make_app, srcdir: Path, strict: bool = False) -> tuple[list[str], int, str]:
    warning = io.StringIO()
    app = make_app('html', srcdir=srcdir, warning=warning, warningiserror=strict, freshenv=True)
    app.build()
    text = strip_colors(warning.getvalue())
    assert 'Traceback' not in text and 'Exception occurred' not in text, text
    return [line for line in text.splitlines() if 'WARNING' in line], app.statuscode, text


def assert_located(make_app, srcdir: Path, expected: str, page: str = 'index') -> list[str]:
    """``expected`` starts one warning; the page is still written; -W fails on it alone."""
    lines, status, text = build(make_app, srcdir)
    assert any(line.startswith(expected) for line in lines), text
    assert status == 0
    assert (srcdir / '_build' / 'html' / f'{page}.html').is_file()
    assert build(make_app, srcdir, strict=True)[1] == 1
    return lines


@pytest.mark.parametrize(('date', 'reason'), [
    ('1023-04-30', 'is before 1873-01-01, when Japan adopted the Gregorian calendar'),
    ('1872-12-31', 'is before 1873-01-01'),
    ('2019-02-29', 'is not a calendar date'),
    ('0000-04-30', 'is not a calendar date'),
])
def test_a_meeting_date_with_no_era_is_a_located_warning(make_app, tmp_path, date, reason):
    srcdir = tmp_path / 'src'
    shutil.copytree(ROOTS / 'test-data-tables', srcdir)
    meetings = srcdir / 'data' / 'meetings.yaml'
    meetings.write_text(meetings.read_text(encoding='utf-8').replace('2019-04-30', date),
                        encoding='utf-8')
    assert_located(make_app, srcdir, f'data/meetings.yaml:5:11: WARNING: meetings[0].date: '
                                     f'{date} {reason}', page='history')


BASE = ('# 見出し\n\n:::{policy} P1\n:title: 方針\n本文\n:::\n\n'
        ':::{goal} G1-1\n:policy: P1\n:title: 姿\n:::\n\n')  # 12 lines: a mistake starts at 13
AFTER = '\n後の段落である。\n'

#: Each kind of mistake: the text after BASE, the line, and how its warning starts.
KINDS = {
    'percent-in-wrapped-paragraph': (
        '割合は25\n%であった。\n', 14,
        "this line starts with '%', so MyST drops it as a comment, but it continues the "
        "paragraph above: '%であった。' is not shown"),
    'percent-in-wrapped-list-item': (
        '- 開業の割合は\n  %で示す。\n', 14, "this line starts with '%', so MyST drops it"),
    'unclosed-html-comment': (
        '<!-- 確認中のメモ\n\n本文の続き\n', 13,
        "'<!--' opens a comment that is never closed by '-->': the 4 line(s) after it are "
        'not shown'),
    'full-width-fence': (
        '：：：｛goal｝ G1-2\n:policy: P1\n:title: 姿2\n：：：\n', 13,
        "'：：：｛goal｝ G1-2' is written with full-width characters, so it is shown as text, "
        "not read as a directive fence: write ':::{goal} G1-2'"),
    'full-width-closing-fence': (
        ':::{goal} G1-2\n:policy: P1\n:title: 姿2\n：：：\n', 16,
        "'：：：' is written with full-width characters"),
    'two-colon-fence': (
        '::{goal} G1-2\n:policy: P1\n:::\n', 13,
        "'::{goal} G1-2' is shown as text: a directive's fence has three colons"),
    'full-width-role-braces': (
        '参照：｛goal｝`G1-1`\n', 13,
        "'｛goal｝`G1-1`' is not read as a role (full-width braces or backticks, smart quotes "
        "or a space before the backtick) and is shown as text: write '{goal}`G1-1`'"),
    'full-width-backticks': ('参照：{goal}｀G1-1｀\n', 13, "'{goal}｀G1-1｀' is not read as a role"),
    'space-before-backtick': ('参照：{goal} `G1-1`\n', 13, "'{goal} `G1-1`' is not read as a role"),
    'smart-backticks': ('参照：{goal}‘G1-1’\n', 13, "'{goal}‘G1-1’' is not read as a role"),
    'bom-before-directive': (
        '\ufeff:::{goal} G1-2\n:policy: P1\n:title: 姿2\n:::\n', 13,
        'an invisible byte-order mark (U+FEFF) is at column 1 of this line'),
    'bom-in-a-heading': ('\ufeff## 節\n', 13, 'an invisible byte-order mark (U+FEFF)'),
    'row-with-a-cell-more': (
        '| 年度 | 件数 |\n| --- | --- |\n| 令和4年度 | 10 | 注 |\n', 15,
        "this table row has 3 cells but the header has 2: '注' is dropped"),
    'row-with-a-cell-less': (
        '| 年度 | 件数 | 割合 |\n| --- | --- | --- |\n| 令和4年度 | 10 |\n', 15,
        'this table row has 2 cells but the header has 3: the last are shown empty'),
    'table-without-delimiter-row': (
        '| 年度 | 件数 |\n| 令和4年度 | 10 |\n', 13,
        "2 line(s) with '|' did not become a table and are shown as a paragraph: a table needs "
        "its header row, then a delimiter row such as '| --- | --- |'"),
    'table-without-outer-pipes': (
        '年度 | 件数\n令和4年度 | 10\n', 13, "2 line(s) with '|' did not become a table"),
    'zero-padded-id': (
        ':::{opinion} O05\n:goals: G1-1\n意見である。\n:::\n', 13,
        "opinion id 'O05' has a leading zero: write 'O5' ('O05' and 'O5' would be two "
        'different objects)'),
    'zero-padded-link': (
        ':::{initiative} I1\n:goals: G01-1\n:title: 取組\n:::\n', 13,
        "initiative 'I1': :goals: 'G01-1' has a leading zero: write 'G1-1'"),
    'indicator-without-unit': (
        ':::{indicator} K1\n:goals: G1-1\n:title: 開業率\n:baseline: 3.5\n:target: 5\n:::\n', 13,
        "indicator 'K1' has a value (:baseline:, :target:) but no :unit:, so readers cannot "
        'tell what it counts'),
    'include-of-itself': (
        '```{include} index.md\n```\n', 13,
        "this {include} of 'index.md' includes a file that includes this one (index.md → "
        'index.md), so it would never end: it is left out'),
}


def project(tmp_path: Path, page: str) -> Path:
    srcdir = tmp_path / 'src'
    shutil.copytree(ROOTS / 'test-domain-core', srcdir,
                    ignore=shutil.ignore_patterns('*.md', '*.rst', '_build'))
    (srcdir / 'index.md').write_text(page, encoding='utf-8')
    return srcdir


@pytest.mark.parametrize('kind', sorted(KINDS))
def test_each_kind_of_lost_or_misread_text_is_a_located_warning(make_app, tmp_path, kind):
    source, line, expected = KINDS[kind]
    srcdir = project(tmp_path, BASE + source + AFTER)
    lines = assert_located(make_app, srcdir, f'{srcdir}/index.md:{line}: WARNING: {expected}')
    assert all(line.startswith(f'{srcdir}/index.md:') for line in lines), lines
    if kind != 'unclosed-html-comment':  # that one is the text it hides
        html = (srcdir / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
        assert '後の段落である。' in html


def test_includes_that_include_each_other_are_located_and_the_build_goes_on(make_app, tmp_path):
    srcdir = project(tmp_path, BASE + '```{include} part_a.inc\n```\n' + AFTER)
    (srcdir / 'part_a.inc').write_text('部分A\n\n```{include} part_b.inc\n```\n', encoding='utf-8')
    (srcdir / 'part_b.inc').write_text('部分B\n\n:::{include} part_a.inc\n:::\n', encoding='utf-8')
    lines = assert_located(make_app, srcdir, f'{srcdir}/part_b.inc:3: WARNING: this {{include}} '
                                             "of 'part_a.inc' includes a file that includes "
                                             'this one (part_b.inc → part_a.inc)')
    assert len(lines) == 1, lines
    html = (srcdir / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
    assert '部分A' in html and '部分B' in html and '後の段落である。' in html


def test_mistakes_in_an_included_file_are_located_in_that_file(make_app, tmp_path):
    srcdir = project(tmp_path, BASE + '```{include} part.inc\n```\n' + AFTER)
    (srcdir / 'part.inc').write_text('部分\n割合は25\n%であった。\n', encoding='utf-8')
    assert_located(make_app, srcdir, f"{srcdir}/part.inc:3: WARNING: this line starts with '%'")


#: What looks close to the mistakes above but is right: no warning.
VALID = (
    '% 編集メモ：冒頭のコメント\n\n本文である。\n\n'
    '<!-- 閉じたコメント -->\n\n'
    '参照は{goal}`G1-1`と{goal}`この姿 <G1-1>`、「{policy}`P1`」。\n\n'
    '| 年度 | 件数 |\n| --- | --- |\n| 令和4年度 | 10 |\n| 令和5年度 | `a\\|b` |\n\n'
    '```text\n：：：｛goal｝ G9-9\n| a |\n%コード\n```\n\n'
    ':::{indicator} K1\n:goals: G1-1\n:title: 開業率\n:unit: %\n:baseline: 3.5\n:::\n\n'
    ':::{opinion} O10\n:goals: G1-1\n意見である。\n:::\n'
)


def test_the_right_forms_give_no_warning(make_app, tmp_path):
    """The control: comments, tables, roles and ids written right, code left alone."""
    srcdir = project(tmp_path, BASE + VALID)
    lines, status, text = build(make_app, srcdir, strict=True)
    assert (lines, status) == ([], 0), text
