"""Mermaid ``timeline`` source for the schedule, one section per era year."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from .committee import Step
from .era import era_year, month_day

#: Characters with a meaning in mermaid's timeline syntax, replaced by their
#: full-width forms (the text stays readable and the diagram cannot be broken
#: or given markup by data).
_MERMAID_SAFE = str.maketrans({
    ':': '：', ';': '；', '#': '＃', '<': '＜', '>': '＞', '&': '＆', '%': '％',
    '\n': ' ', '\r': ' ', '"': '＂', '{': '｛', '}': '｝', '`': '｀',
})


def mermaid_text(text: str) -> str:
    return text.translate(_MERMAID_SAFE).strip()


def timeline_source(steps: Iterable[Step], title: str | None = None) -> str:
    """A mermaid timeline: ``section 令和5年`` then ``9月7日 : 第5回…``."""
    lines = ['timeline']
    if title:
        lines.append(f'    title {mermaid_text(title)}')
    for year, in_year in groupby(steps, key=lambda step: era_year(step.date)):
        lines.append(f'    section {year}')
        lines += (f'        {month_day(step.date)} : {mermaid_text(step.title)}' for step in in_year)
    return '\n'.join(lines) + '\n'
