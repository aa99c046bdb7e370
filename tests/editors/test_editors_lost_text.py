"""Mistakes that used to crash the build or lose text without a word.

Each kind is a warning at ``file:line`` that says what was lost or misread
and how to fix it; alone it fails a ``-W`` build, and the build goes on
(the rest of the page is still written).
"""

from __future__ import annotations

import ast
import io
import re
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


def located(make_app, srcdir: Path, page: str = 'index') -> list[str]:
    """The warnings of a build that went on (the page is written); -W fails on them."""
    lines, status, _text = build(make_app, srcdir)
    assert lines and status == 0
    assert (srcdir / '_build' / 'html' / f'{page}.html').is_file()
    assert build(make_app, srcdir, strict=True)[1] == 1
    return lines


@pytest.mark.parametrize('date', ['1023-04-30', '1872-12-31', '2019-02-29', '0000-04-30'])
def test_a_meeting_date_with_no_era_is_a_located_warning(make_app, tmp_path, date):
    srcdir = tmp_path / 'src'
    shutil.copytree(ROOTS / 'test-data-tables', srcdir)
    meetings = srcdir / 'data' / 'meetings.yaml'
    meetings.write_text(meetings.read_text(encoding='utf-8').replace('2019-04-30', date),
                        encoding='utf-8')
    lines = located(make_app, srcdir, page='history')
    assert any(line.startswith('data/meetings.yaml:5:11: WARNING: meetings[0].date：')
               and date in line and line.endswith('[vision.data-check]') for line in lines), lines


BASE = ('# 見出し\n\n:::{policy} P1\n:title: 方針\n本文\n:::\n\n'
        ':::{goal} G1-1\n:policy: P1\n:title: 姿\n:::\n\n')  # 12 lines: a mistake starts at 13
AFTER = '\n後の段落である。\n'

#: Each kind of mistake: the text after BASE, its line, the warning's code, and what the
#: warning quotes (what was lost or misread, and the fix). The quotes are the message's
#: arguments, so they are the same in the English source and in its Japanese.
KINDS = {
    'percent-in-wrapped-paragraph': ('割合は25\n%であった。\n', 14, 'lost-text', ["'%であった。'"]),
    'percent-in-wrapped-list-item': ('- 開業の割合は\n  %で示す。\n', 14, 'lost-text', ["'%で示す。'"]),
    'unclosed-html-comment': ('<!-- 確認中のメモ\n\n本文の続き\n', 13, 'lost-text', [' 4 ']),
    'full-width-fence': ('：：：｛goal｝ G1-2\n:policy: P1\n:title: 姿2\n：：：\n', 13, 'near-miss',
                         ["'：：：｛goal｝ G1-2'", "':::{goal} G1-2'"]),
    'full-width-closing-fence': (':::{goal} G1-2\n:policy: P1\n:title: 姿2\n：：：\n', 16,
                                 'near-miss', ["'：：：'", "':::'"]),
    'two-colon-fence': ('::{goal} G1-2\n:policy: P1\n:::\n', 13, 'near-miss',
                        ["'::{goal} G1-2'", "':::{goal} G1-2'"]),
    'full-width-role-braces': ('参照：｛goal｝`G1-1`\n', 13, 'near-miss',
                               ["'｛goal｝`G1-1`'", "'{goal}`G1-1`'"]),
    'full-width-backticks': ('参照：{goal}｀G1-1｀\n', 13, 'near-miss',
                             ["'{goal}｀G1-1｀'", "'{goal}`G1-1`'"]),
    'space-before-backtick': ('参照：{goal} `G1-1`\n', 13, 'near-miss',
                              ["'{goal} `G1-1`'", "'{goal}`G1-1`'"]),
    'smart-backticks': ('参照：{goal}‘G1-1’\n', 13, 'near-miss', ["'{goal}‘G1-1’'", "'{goal}`G1-1`'"]),
    'bom-before-directive': ('\ufeff:::{goal} G1-2\n:policy: P1\n:title: 姿2\n:::\n', 13, 'paste',
                             ['U+FEFF', 'zero width no-break space', ' 1 ']),
    'bom-in-a-heading': ('\ufeff## 節\n', 13, 'paste', ['U+FEFF']),
    'row-with-a-cell-more': ('| 年度 | 件数 |\n| --- | --- |\n| 令和4年度 | 10 | 注 |\n', 15, 'table',
                             ['3', '2', "'注'"]),
    'row-with-a-cell-less': ('| 年度 | 件数 | 割合 |\n| --- | --- | --- |\n| 令和4年度 | 10 |\n', 15,
                             'table', ['2', '3']),
    'table-without-delimiter-row': ('| 年度 | 件数 |\n| 令和4年度 | 10 |\n', 13, 'table',
                                    [' 2 ', "'| --- | --- |'"]),
    'table-without-outer-pipes': ('年度 | 件数\n令和4年度 | 10\n', 13, 'table',
                                  [' 2 ', "'| --- | --- |'"]),
    'zero-padded-id': (':::{opinion} O05\n:goals: G1-1\n意見である。\n:::\n', 13, 'id-zero',
                       ["'O05'", "'O5'"]),
    'zero-padded-link': (':::{initiative} I1\n:goals: G01-1\n:title: 取組\n:::\n', 13, 'id-zero',
                         ["'I1'", "'G01-1'", "'G1-1'"]),
    'indicator-without-unit': (':::{indicator} K1\n:goals: G1-1\n:title: 開業率\n:baseline: 3.5\n'
                               ':target: 5\n:::\n', 13, 'missing-unit',
                               ["'K1'", ':baseline:, :target:', ':unit:']),
    'word-dash-in-comment-end': ('<!-- 確認中のメモ —>\n', 13, 'lost-text', [' 2 ']),
    'percent-in-directive-body': (':::{goal} G1-2\n:policy: P1\n:title: 姿2\n本文の割合は25\n'
                                  '%である。\n:::\n', 17, 'lost-text', ["'%である。'"]),
    'apostrophe-backticks': ("参照：{goal}'G1-1'\n", 13, 'near-miss', ["{goal}'G1-1'", "'{goal}`G1-1`'"]),
    'zero-width-space-before-directive': ('\u200b:::{goal} G1-2\n:policy: P1\n:title: 姿2\n:::\n',
                                          13, 'paste', ['U+200B', 'zero width space']),
    'full-width-space-before-fence': ('\u3000:::{goal} G1-2\n:policy: P1\n:title: 姿2\n:::\n', 13,
                                      'near-miss', ["'\\u3000:::{goal} G1-2'", "':::{goal} …'"]),
    'full-width-space-before-heading': ('\u3000## 節\n', 13, 'near-miss', ["'## 節'"]),
    'indented-fence': ('\n    :::{goal} G1-2\n    :policy: P1\n    :::\n', 14, 'near-miss',
                       ["':::{goal} G1-2'"]),
    'tab-separated-cells': ('年度\t件数\n令和4年度\t10\n', 13, 'table', ["'| --- | --- |'"]),
    'full-width-pipes': ('｜ 年度 ｜ 件数 ｜\n｜ --- ｜ --- ｜\n', 13, 'table', ["'| --- | --- |'"]),
    'zero-padded-reference': ('参照：{goal}`G01-1`\n', 13, 'id-zero', ["'G01-1'", "'G1-1'"]),
    'include-of-itself': ('```{include} index.md\n```\n', 13, 'include',
                          ["'index.md'", 'index.md → index.md']),
}


def warning_at(lines: list[str], location: str, subtype: str, quotes: list[str]) -> bool:
    """One warning at ``location`` with the code ``subtype`` that quotes each of ``quotes``."""
    return any(line.startswith(f'{location}: WARNING: ') and line.endswith(f'[vision.{subtype}]')
               and all(quote in line for quote in quotes) for line in lines)


def project(tmp_path: Path, page: str) -> Path:
    srcdir = tmp_path / 'src'
    shutil.copytree(ROOTS / 'test-domain-core', srcdir,
                    ignore=shutil.ignore_patterns('*.md', '*.rst', '_build'))
    (srcdir / 'index.md').write_text(page, encoding='utf-8')
    return srcdir


@pytest.mark.parametrize('kind', sorted(KINDS))
def test_each_kind_of_lost_or_misread_text_is_a_located_warning(make_app, tmp_path, kind):
    source, line, subtype, quotes = KINDS[kind]
    srcdir = project(tmp_path, BASE + source + AFTER)
    lines = located(make_app, srcdir)
    assert warning_at(lines, f'{srcdir}/index.md:{line}', subtype, quotes), lines
    assert all(line.startswith(f'{srcdir}/index.md:') for line in lines), lines
    if kind != 'unclosed-html-comment':  # that one is the text it hides
        html = (srcdir / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
        assert '後の段落である。' in html


def test_includes_that_include_each_other_are_located_and_the_build_goes_on(make_app, tmp_path):
    srcdir = project(tmp_path, BASE + '```{include} part_a.inc\n```\n' + AFTER)
    (srcdir / 'part_a.inc').write_text('部分A\n\n```{include} part_b.inc\n```\n', encoding='utf-8')
    (srcdir / 'part_b.inc').write_text('部分B\n\n:::{include} part_a.inc\n:::\n', encoding='utf-8')
    lines = located(make_app, srcdir)
    assert len(lines) == 1, lines
    assert warning_at(lines, f'{srcdir}/part_b.inc:3', 'include',
                      ["'part_a.inc'", 'part_b.inc → part_a.inc']), lines
    html = (srcdir / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
    assert '部分A' in html and '部分B' in html and '後の段落である。' in html


def test_mistakes_in_an_included_file_are_located_in_that_file(make_app, tmp_path):
    srcdir = project(tmp_path, BASE + '```{include} part.inc\n```\n' + AFTER)
    (srcdir / 'part.inc').write_text('部分\n割合は25\n%であった。\n', encoding='utf-8')
    lines = located(make_app, srcdir)
    assert warning_at(lines, f'{srcdir}/part.inc:3', 'lost-text', ["'%であった。'"]), lines


#: What looks close to the mistakes above but is right: no warning.
VALID = (
    '% 編集メモ：冒頭のコメント\n\n本文である。\n\n'
    '<!-- 閉じたコメント -->\n\n'
    # A prose waiver is a comment on purpose, also inside a list item's paragraph.
    '- 条例\n  - 区民生活の向上\n    % prose-ok: prh 素案の文言のまま\n  - 経済発展並びに社会課題の解決\n\n'
    '　全角の空白で字下げした段落である。\n\n'
    '「{goal}`G1-1`」と書いた、It\'s a {goal}`G1-1`。\n\n'
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


PACKAGE = ROOTS.parents[1] / '_ext' / 'vision'
CATALOGUE = PACKAGE / 'locale' / 'ja' / 'LC_MESSAGES' / 'vision-messages.po'
PLACEHOLDER = re.compile(r'%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]')


def finding_messages() -> set[str]:
    """The message of every ``Finding(line, message, ...)`` of the page-text checks."""
    found = set()
    for path in (PACKAGE / 'page_text').glob('*.py'):
        for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
            if isinstance(node, ast.Call) and getattr(node.func, 'id', '') == 'Finding':
                message = node.args[1]
                assert isinstance(message, ast.Constant), (path, node.lineno)
                found.add(message.value)
    return found


def test_every_new_message_has_japanese_with_the_same_placeholders():
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with CATALOGUE.open('rb') as po:
        japanese = {str(entry.id): str(entry.string) for entry in read_po(po) if entry.id}
    messages = finding_messages()
    assert len(messages) == 12
    messages |= {'%s id %r has a leading zero: write %r (%r and %r would be two different objects)',
                 '%s %r: :%s: %r has a leading zero: write %r',
                 '%s reference %r has a leading zero: write %r',
                 '%s %r has a value (:%s:) but no :unit:, so readers cannot tell what it counts; '
                 'add :unit: (for example :unit: %%, 件 or 人)'}
    for message in messages:
        assert japanese.get(message), message
        assert PLACEHOLDER.findall(japanese[message]) == PLACEHOLDER.findall(message), message


def test_the_editors_guide_lists_each_new_warning_with_its_fix():
    guide = (ROOTS.parents[1] / 'EDITING.md').read_text(encoding='utf-8')
    section = guide[guide.index('### 消えてしまう文字・読まれない書き方'):]
    for code in ('vision.lost-text', 'vision.near-miss', 'vision.paste', 'vision.table',
                 'vision.include', 'vision.id-zero', 'vision.missing-unit'):
        assert f'[{code}]' in section, code
    assert {kind for _source, _line, kind, _quotes in KINDS.values()} <= {
        'lost-text', 'near-miss', 'paste', 'table', 'include', 'id-zero', 'missing-unit'}
    for fix in ('%であった。', '-->', '：：：｛goal｝', '::{goal}', 'U+FEFF', '| --- |',
                "の数字が0で始まっています：'O5' と書いてください", ':unit:', '1873', 'GOAL=Ｇ１-１',
                "TITLE=\"Let's 起業\""):
        assert fix in guide, fix
