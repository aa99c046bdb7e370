"""Mermaid source of the schedule timeline: the steps year by year.

One group per era year (令和5年, 令和6年), stacked top to bottom; inside a
group the steps run left to right, each box giving the month (and day) and
the step. A mermaid ``timeline`` diagram was tried first: it cannot wrap
Japanese text (there are no spaces to break at) and is too small to read once
scaled to the page. Planned steps have a dashed border and, when held and
planned steps are mixed, their status in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from .. import labels
from ..diagrams.mermaid import mermaid_label
from .committee import HELD, PLANNED, Step
from .era import era_year_in, month_day_in

_STYLES = {
    HELD: 'fill:#e9ecef,stroke:#343a40,color:#212529',
    PLANNED: 'fill:#ffffff,stroke:#343a40,stroke-dasharray:5 3,color:#212529',
}
#: Over a draft's watermark (vision.stage.has_watermark) the boxes let it show through.
_SEE_THROUGH = ',fill-opacity:0.6'

#: Boxes wrap their text at this width (px): three fit side by side on A4,
#: with text of this size (px) at least 9 pt once scaled to the page.
_WRAPPING_WIDTH = 160
_FONT_SIZE = 20


def timeline_source(steps: Sequence[Step], *, see_through: bool = False, language: str | None = 'ja') -> str:
    """A ``flowchart TB`` of one left-to-right group per era year, in the given order;
    translucent boxes when ``see_through`` (over a watermark), else opaque."""
    show_status = len({step.status for step in steps}) > 1
    lines = ['---', 'config:', '  themeVariables:', f'    fontSize: {_FONT_SIZE}px',
             '  flowchart:', f'    wrappingWidth: {_WRAPPING_WIDTH}', '    padding: 8', '---',
             'flowchart TB']
    number = 0
    years: list[str] = []
    for year, in_year in groupby(steps, key=lambda step: era_year_in(step.date, language)):
        years.append(f'y{len(years) + 1}')
        lines += [f'    subgraph {years[-1]} ["{mermaid_label(year)}"]', '    direction LR']
        boxes = []
        for step in in_year:
            number += 1
            boxes.append(f's{number}')
            when = month_day_in(step.date, language)
            if show_status:
                when += str(labels.STATUS_AFTER).format(status=labels.STATUS[step.status])
            lines.append(f'    s{number}["{mermaid_label(when, step.title)}"]:::{step.status}')
        lines += (f'    {a} --> {b}' for a, b in zip(boxes, boxes[1:]))
        lines.append('    end')
    lines += (f'    {a} --> {b}' for a, b in zip(years, years[1:]))
    opacity = _SEE_THROUGH if see_through else ''
    lines += (f'    classDef {status} {style}{opacity}' for status, style in _STYLES.items())
    return '\n'.join(lines) + '\n'
