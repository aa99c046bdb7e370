"""The page-text checks parse a page's Markdown only when its text could hold
a finding (issue 21: the second parse of every page was a tenth of a full
build). Property: for pages made of the fragments that the checks look for,
in any container (lists, quotes, directive bodies, indentation), the findings
are the same as when every check reads the parsed tokens.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vision.page_text import blocks, lost_text, near_miss, pipe_tables

MD = blocks.parser(None)
CHECKS = (lost_text.find, near_miss.find, pipe_tables.find)

FRAGMENTS = [
    '本文である。', '割合は25', '%であった。', '% メモ', '<!-- 確認中', '-->', '<!-- 閉じた -->',
    '| 年度 | 件数 |', '| --- | --- |', '| 令和4年度 | 10 | 注 |', '年度 ｜ 件数', 'a\tb',
    ':::{goal} G1-1', ':::', '：：：｛note｝', '::{note}', ':{note}', '```{mermaid}', '```',
    '参照は{goal}`G1-1`。', '参照は｛goal｝`G1-1`。', '参照は{goal} `G1-1`。', '{goal}‘G1-1’',
    '\ufeff## 節', '\u3000- 項目', '## 見出し', '～', '’', '', '',
]
PREFIXES = ['', '', '- ', '> ', '1. ', '  ', '    ', '\t', '>     ', '-     ', '      ', '\u3000']


def findings(page: blocks.Page) -> list:
    return sorted((f for check in CHECKS for f in check(page)), key=repr)


def forced(text: str) -> list:
    """The findings with the token checks run whatever the text says."""
    page = blocks.read(text, MD)
    tokens = page.tokens
    found = []
    found += list(lost_text._wrapped_comment_lines(page)) + list(lost_text._unclosed_comments(page))
    found += list(near_miss._invisible_characters(page)) + list(near_miss._token_findings(page))
    found += list(near_miss._wide_indents(page))
    assert tokens is page.tokens
    found += list(pipe_tables._table_findings(page))
    return sorted(found, key=repr)


lines = st.builds(lambda prefix, fragment: prefix + fragment,
                  st.sampled_from(PREFIXES), st.sampled_from(FRAGMENTS))


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.lists(lines, min_size=1, max_size=8))
def test_findings_do_not_depend_on_parsing_only_suspect_pages(page_lines):
    text = '\n'.join(page_lines) + '\n'
    assert findings(blocks.read(text, MD)) == forced(text)


def test_a_page_without_triggers_is_not_parsed():
    page = blocks.read('# 見出し\n\n本文である。{goal}`G1-1` を参照。\n\n:::{goal} G1-1\n:title: 目標\n:::\n', MD)
    assert findings(page) == []
    assert 'tokens' not in page.__dict__


def test_a_suspect_page_is_parsed_and_its_finding_located():
    page = blocks.read('本文\n\n参照は｛goal｝`G1-1`。\n', MD)
    found = findings(page)
    assert [(f.line, f.subtype) for f in found] == [(3, 'near-miss')]
    assert 'tokens' in page.__dict__
