"""Mermaid source of the schedule timeline: one box per step, top to bottom.

A mermaid ``timeline`` diagram cannot wrap Japanese text (it has no spaces to
break at) and is drawn too small to read once scaled to the page, so the
timeline is a vertical flowchart: each box gives the era date, then the step.
Planned steps have a dashed border, and, when held and planned steps are
mixed, their status in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import labels
from .committee import HELD, PLANNED, Step
from .era import to_japanese

#: Characters with a meaning in mermaid's syntax or in HTML labels, replaced
#: by their full-width forms: the text stays readable, and data can neither
#: break the diagram nor put markup into it.
_MERMAID_SAFE = str.maketrans({
    '"': '＂', '<': '＜', '>': '＞', '&': '＆', '#': '＃', ';': '；', ':': '：',
    '`': '｀', '{': '｛', '}': '｝', '[': '［', ']': '］', '|': '｜',
    '\n': ' ', '\r': ' ',
})

_STYLES = {
    HELD: 'fill:#e9ecef,stroke:#343a40,color:#212529',
    PLANNED: 'fill:#ffffff,stroke:#343a40,stroke-dasharray:5 3,color:#212529',
}


def mermaid_text(text: str) -> str:
    return text.translate(_MERMAID_SAFE).strip()


def timeline_source(steps: Sequence[Step]) -> str:
    """A ``flowchart TB`` with one box per step, in the given (date) order."""
    show_status = len({step.status for step in steps}) > 1
    # Wide boxes: most steps fit on two lines (date, then the step).
    lines = ['---', 'config:', '  flowchart:', '    wrappingWidth: 420', '---', 'flowchart TB']
    for index, step in enumerate(steps, start=1):
        when = to_japanese(step.date)
        if show_status:
            when += f'（{labels.STATUS[step.status]}）'
        lines.append(f'    s{index}["{mermaid_text(when)}<br>{mermaid_text(step.title)}"]:::{step.status}')
    lines += (f'    s{index} --> s{index + 1}' for index in range(1, len(steps)))
    lines += (f'    classDef {status} {style}' for status, style in _STYLES.items())
    return '\n'.join(lines) + '\n'
