"""One copy of the Japanese typesetting data (issue 27): kinsoku and eras.

The diagrams, the 新旧対照表, the site's dates and the era dates read
``vision.typesetting``; no other module keeps a table of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vision import typesetting
from vision.datafiles import era
from vision.diagrams import phrases
from vision.editions import compare_latex
from vision.web import nowrap_dates

PACKAGE = Path(__file__).resolve().parents[2] / '_ext' / 'vision'
TABLE_NAMES = {'NO_LINE_START', 'NO_LINE_END', 'ERAS', 'ERA_FIRST_YEAR', 'ERA_NAMES'}


def own_tables(tree: ast.AST) -> list[str]:
    """Names of the typesetting tables a module assigns, and era lists it spells out."""
    found = [target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name) and target.id in TABLE_NAMES]
    found += [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
              and isinstance(node.value, str) and '平成' in node.value and '令和' in node.value
              and len(node.value) < 80]  # a regex or list of eras, not a docstring
    return found


@pytest.mark.parametrize('path', sorted(PACKAGE.rglob('*.py')), ids=lambda p: p.name)
def test_no_module_keeps_its_own_table(path):
    if path.name == 'typesetting.py':
        return
    assert own_tables(ast.parse(path.read_text(encoding='utf-8'))) == []


def test_the_check_sees_a_copied_table():
    """The control."""
    tree = ast.parse("NO_LINE_END = frozenset('（')\nPATTERN = r'(?:令和|平成)\\d+年'\n")
    assert own_tables(tree) == ['NO_LINE_END', '(?:令和|平成)\\d+年']


def test_every_output_reads_the_same_tables():
    assert phrases.NO_LINE_START is compare_latex.NO_LINE_START is typesetting.NO_LINE_START
    assert phrases.NO_LINE_END is compare_latex.NO_LINE_END is typesetting.NO_LINE_END
    assert era.ERAS is typesetting.ERAS
    for name in typesetting.ERA_NAMES:
        assert nowrap_dates.ERA_DATE.fullmatch(f'{name}元年5月1日')


def test_the_merged_kinsoku_table_keeps_both_old_ones():
    """Nothing either old table forbade is allowed now (diagrams and comparison)."""
    diagrams = ('ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿー'
                '、。，．・：；！？)）]］｝〕〉》」』】〙〗〟’”ゝゞヽヾ々')
    comparison = '、。，．・：；？！）」』】〕〉》ー―ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%'
    assert set(diagrams + comparison) <= typesetting.NO_LINE_START
    assert set('(（[［｛〔〈《「『【〘〖〝‘“') <= typesetting.NO_LINE_END
