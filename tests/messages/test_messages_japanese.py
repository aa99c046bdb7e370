"""The editors' messages are Japanese (issue 24): the extension's through the
``vision-messages`` catalogue, Sphinx's through its own Japanese catalogue,
each with its ``file:line:`` location and its ``[code]``."""

from __future__ import annotations

import logging

import pytest
from sphinx.util.console import strip_colors

from vision.messages import japanese, records


def warning_lines(warning) -> list[str]:
    return [line for line in strip_colors(warning.getvalue()).splitlines() if line]


@pytest.mark.sphinx('html', testroot='messages', freshenv=True)
def test_warnings_are_japanese_located_and_coded(app, warning):
    app.build()
    lines = warning_lines(warning)
    index = f'{app.srcdir}/index.md'
    # Sphinx's own, from its Japanese catalogue (the test runs in an English locale).
    assert f"{index}:3: WARNING: toctree に存在しないドキュメントへの参照が含まれています 'nothere' " \
           '[toc.not_readable]' in lines, lines
    # The extension's, from vision-messages.
    assert f'{index}:13: WARNING: 「<!--」で始めたコメントが「-->」で閉じられていません：その後の 2 行が' \
           '表示されません。コメントの終わりに「-->」を書いてください [vision.lost-text]' in lines, lines
    assert not [line for line in lines if 'is never closed' in line or 'nonexisting document' in line]


def test_the_filter_changes_only_the_extensions_records():
    """The control: a record of another logger keeps its English; a format the
    catalogue does not hold is left as it is."""
    english = "'<!--' opens a comment that is never closed by '-->': the %d line(s) after it are not shown; " \
              "end the comment with '-->'"
    assert japanese(english) != english
    ours = logging.LogRecord('sphinx.vision.page_text.report', logging.WARNING, 'x', 1, english, (3,), None)
    theirs = logging.LogRecord('sphinx.builders', logging.WARNING, 'x', 1, english, (3,), None)
    unknown = logging.LogRecord('sphinx.vision.x', logging.WARNING, 'x', 1, 'no such %s', ('msgid',), None)
    for record in (ours, theirs, unknown):
        assert records.JapaneseRecords().filter(record)
    assert ours.getMessage().startswith('「<!--」で始めたコメント') and 'その後の 3 行' in ours.getMessage()
    assert theirs.getMessage() == english % 3
    assert unknown.getMessage() == 'no such msgid'
