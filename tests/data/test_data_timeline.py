"""Mermaid source of the schedule timeline (vision.datafiles.timeline)."""

from __future__ import annotations

from vision.datafiles.committee import Step
from vision.datafiles.era import PartialDate
from vision.datafiles.timeline import timeline_source


def step(iso, status, title):
    return Step(PartialDate.parse(iso), status, title)


def test_one_group_per_era_year_and_one_box_per_step():
    source = timeline_source([step('2023-09-07', 'planned', '第5回「会議」'), step('2023-11', 'planned', '報告'),
                              step('2024-03', 'planned', '策定')])
    assert source.split('---\n')[-1].splitlines() == [
        'flowchart TB',
        '    subgraph y1 ["令和5年"]',
        '    direction LR',
        '    s1["9月7日<br>第5回<wbr>「会議」"]:::planned',
        '    s2["11月<br>報告"]:::planned',
        '    s1 --> s2',
        '    end',
        '    subgraph y2 ["令和6年"]',
        '    direction LR',
        '    s3["3月<br>策定"]:::planned',
        '    end',
        '    y1 --> y2',
        '    classDef held fill:#e9ecef,stroke:#343a40,color:#212529',
        '    classDef planned fill:#ffffff,stroke:#343a40,stroke-dasharray:5 3,color:#212529',
    ]


def test_boxes_are_translucent_only_over_a_watermark():
    """Issue 28: opacity only where it does something (a draft's PDF has the watermark)."""
    steps = [step('2023-09-07', 'held', 'A'), step('2024-03', 'planned', 'B')]
    assert 'opacity' not in timeline_source(steps)
    over = [line for line in timeline_source(steps, see_through=True).splitlines() if 'classDef' in line]
    assert len(over) == 2 and all(line.endswith(',fill-opacity:0.6') for line in over)


def test_the_watermark_rule():
    from types import SimpleNamespace

    from vision.stage import has_watermark
    draft = SimpleNamespace(vision_stage='素案', vision_edition='')
    assert has_watermark(draft, 'latex')
    assert not has_watermark(draft, 'html')
    assert not has_watermark(SimpleNamespace(vision_stage='策定', vision_edition=''), 'latex')
    assert not has_watermark(SimpleNamespace(vision_stage='素案', vision_edition='summary'), 'latex')


def test_era_boundary_splits_a_year_and_status_is_written_when_mixed():
    source = timeline_source([step('2019-04-30', 'held', 'A'), step('2019-05-01', 'planned', 'B')])
    assert 'subgraph y1 ["平成31年"]' in source and 'subgraph y2 ["令和元年"]' in source
    assert 's1["4月30日<wbr>（開催済み）<br>A"]:::held' in source
    assert 's2["5月1日<wbr>（予定）<br>B"]:::planned' in source


def test_data_cannot_put_markup_or_syntax_into_the_diagram():
    source = timeline_source([step('2023-09-07', 'planned', '<script>x</script>"] --> evil["&#lt;')])
    line = next(line for line in source.splitlines() if line.startswith('    s1['))
    assert line == '    s1["9月7日<br>＜script＞x＜/script＞＂］<wbr> --＞ evil<wbr>［＂＆＃lt；"]:::planned'
