"""Mermaid source of the schedule timeline (vision.timeline)."""

from __future__ import annotations

from vision.committee import Step
from vision.era import PartialDate
from vision.timeline import timeline_source


def step(iso, status, title):
    return Step(PartialDate.parse(iso), status, title)


def test_one_box_per_step_in_order_with_era_dates():
    source = timeline_source([step('2023-09-07', 'planned', '第5回「会議」'), step('2023-11', 'planned', '報告')])
    body = source.split('---\n')[-1].splitlines()
    assert body == [
        'flowchart TB',
        '    s1["令和5年9月7日<br>第5回「会議」"]:::planned',
        '    s2["令和5年11月<br>報告"]:::planned',
        '    s1 --> s2',
        '    classDef held fill:#e9ecef,stroke:#343a40,color:#212529',
        '    classDef planned fill:#ffffff,stroke:#343a40,stroke-dasharray:5 3,color:#212529',
    ]


def test_status_is_written_when_held_and_planned_are_mixed():
    source = timeline_source([step('2019-04-30', 'held', 'A'), step('2019-05-01', 'planned', 'B')])
    assert 's1["平成31年4月30日（開催済み）<br>A"]:::held' in source
    assert 's2["令和元年5月1日（予定）<br>B"]:::planned' in source


def test_data_cannot_put_markup_or_syntax_into_the_diagram():
    source = timeline_source([step('2023-09-07', 'planned', '<script>x</script>"] --> evil["&#lt;')])
    line = next(line for line in source.splitlines() if line.startswith('    s1['))
    assert line == '    s1["令和5年9月7日<br>＜script＞x＜/script＞＂］ --＞ evil［＂＆＃lt；"]:::planned'
