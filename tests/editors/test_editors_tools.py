"""``make check`` and ``make new`` (tools/check.py, tools/new_object.py), run
as editors run them, on a copy of a complete made-up site (``tests/roots/test-site``),
so that an edit of the real site's pages fails nothing here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_ROOT = ROOT / 'tests' / 'roots' / 'test-site'


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of the made-up site: its configuration, pages and data."""
    shutil.copytree(SITE_ROOT, tmp_path, dirs_exist_ok=True)
    return tmp_path


def run(tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    # The extension from this checkout, as `pip install .` would provide it.
    env = {**os.environ, 'PYTHONPATH': str(ROOT / '_ext')}
    return subprocess.run([sys.executable, str(ROOT / 'tools' / tool), *args], cwd=cwd,
                          capture_output=True, text=True, check=False, env=env)


def files(directory: Path) -> dict[str, float]:
    return {p.relative_to(directory).as_posix(): p.stat().st_mtime_ns
            for p in directory.rglob('*') if '__pycache__' not in p.parts}


def test_check_passes_on_the_site_and_writes_nothing(site):
    before = files(site)
    proc = run('check.py', cwd=site)
    assert proc.returncode == 0, proc.stderr
    assert '問題はありません' in proc.stdout
    assert files(site) == before


def test_check_reports_every_problem_and_fails(site):
    p1 = site / 'docs' / 'policies' / 'p1.md'
    text = p1.read_text(encoding='utf-8')
    text = text.replace(':::{goal} G1-2\n:policy: P1', ':::{goal} G1-2\n:policy: P2')
    text = text.replace(':::{goal} G1-3', ':::{goal} G１-３')
    p1.write_text(text + '\n{goal}`G8-8`\n', encoding='utf-8')
    members = site / 'data' / 'members.yaml'
    members.write_bytes(members.read_text(encoding='utf-8').encode('cp932', 'replace'))
    before = files(site)
    proc = run('check.py', cwd=site)
    assert proc.returncode == 1
    problems = [line for line in proc.stderr.splitlines() if ': WARNING: ' in line]
    located = re.compile(r'^\S+:\d+(:\d+)?: WARNING: ')
    assert all(located.match(line) for line in problems), problems
    for expected in ("p1.md:15: WARNING: 目指す姿 'G1-2' は基本的方針 'P2' の下にあります",
                     "p1.md:20: WARNING: 目指す姿の番号 'G１-３' に全角の文字",
                     "WARNING: 目指す姿 'G8-8' はありません",
                     'data/members.yaml:'):
        assert any(expected in line for line in problems), (expected, problems)
    assert f'問題が{len(problems)}件あります' in proc.stderr
    assert files(site) == before


@pytest.mark.parametrize(('objtype', 'goal', 'page', 'new_id'), [
    ('initiative', 'G1-1', 'policies/p1.md', 'I1'),
    ('indicator', 'G2-2', 'policies/p2.md', 'K1'),
    ('opinion', 'G1-1', 'opinions.md', 'O4'),
])
def test_new_adds_a_numbered_object_that_check_accepts(site, objtype, goal, page, new_id):
    proc = run('new_object.py', objtype, goal, cwd=site)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f'docs/{page}:')
    text = (site / 'docs' / page).read_text(encoding='utf-8')
    assert f':::{{{objtype}}} {new_id}\n:goals: {goal}\n' in text
    # A second one gets the next number, after the first.
    run('new_object.py', objtype, goal, cwd=site)
    text = (site / 'docs' / page).read_text(encoding='utf-8')
    second = f'{new_id[0]}{int(new_id[1:]) + 1}'
    assert text.index(f' {new_id}\n') < text.index(f' {second}\n')
    proc = run('check.py', cwd=site)
    assert proc.returncode == 0, proc.stderr


def test_new_initiative_goes_under_its_goal(site):
    run('new_object.py', 'initiative', 'G1-1', '見本の支援', cwd=site)
    text = (site / 'docs' / 'policies' / 'p1.md').read_text(encoding='utf-8')
    assert text.index(':::{goal} G1-1') < text.index(':::{initiative} I1') \
        < text.index(':::{goal} G1-2')
    assert ':title: 見本の支援' in text


def test_new_refuses_an_unknown_goal(site):
    before = files(site)
    proc = run('new_object.py', 'initiative', 'G9-9', cwd=site)
    assert proc.returncode == 1
    assert '目指す姿 G9-9 がありません' in proc.stderr
    assert files(site) == before


@pytest.fixture
def small_site(tmp_path) -> Path:
    shutil.copytree(ROOT / 'tests' / 'roots' / 'test-editors-tools', tmp_path, dirs_exist_ok=True)
    return tmp_path


@pytest.mark.parametrize(('args', 'expected'), [
    (('initiative', ''), 'make new: GOAL がありません。'),
    (('', 'G1-1'), 'make new: TYPE がありません。'),
    (('measure', 'G1-1'), 'make new: TYPE=measure は使えません（使える種類：indicator, initiative, '
                          'opinion）'),
    (('initiative', 'G7-1'), 'make new: 目指す姿 G7-1 がありません'),
])
def test_new_names_the_missing_or_wrong_argument_and_what_it_accepts(small_site, args, expected):
    before = files(small_site)
    proc = run('new_object.py', *args, cwd=small_site)
    assert proc.returncode == 1
    assert proc.stderr.startswith(expected), proc.stderr
    if 'GOAL' in expected or 'G7-1' in expected:
        assert '指定できる目指す姿：G1-1, G1-2' in proc.stderr
    assert files(small_site) == before


@pytest.mark.parametrize('typed', ['Ｇ１-１', 'Ｇ１－１', 'g1-1', 'G1ー1'])
def test_new_takes_a_certain_reading_of_the_goal_and_says_so(small_site, typed):
    proc = run('new_object.py', 'initiative', typed, cwd=small_site)
    assert proc.returncode == 0, proc.stderr
    assert f'make new: GOAL={typed} を G1-1 として読みました' in proc.stdout
    text = (small_site / 'docs' / 'index.md').read_text(encoding='utf-8')
    assert ':::{initiative} I1\n:goals: G1-1\n' in text


def test_new_takes_a_zero_padded_goal_as_its_canonical_id(small_site):
    proc = run('new_object.py', 'initiative', 'G01-01', cwd=small_site)
    assert proc.returncode == 0, proc.stderr
    assert 'make new: GOAL=G01-01 を G1-1 として読みました' in proc.stdout


@pytest.mark.browser
def test_check_finds_a_mermaid_syntax_error_and_writes_nothing(site):
    """The dummy builder draws nothing, but make check draws the editors' diagrams to check them."""
    theme = site / 'docs' / 'theme.md'
    lines = theme.read_text(encoding='utf-8').splitlines()
    theme.write_text('\n'.join([*lines, '', '```mermaid', 'flowchart LR', '  A[条例 -->', '```', '']),
                     encoding='utf-8')
    before = files(site)
    proc = run('check.py', cwd=site)
    assert proc.returncode == 1
    assert f'theme.md:{len(lines) + 2}: WARNING: mermaid の図が描けません：' in proc.stderr
    assert '問題が1件あります' in proc.stderr
    assert files(site) == before


@pytest.mark.parametrize('typed', ['G1-1,G1-2', 'G1-1, G1-2', 'G1-1、G1-2', 'Ｇ１-１，Ｇ１-２'])
def test_new_takes_several_goals(small_site, typed):
    proc = run('new_object.py', 'indicator', typed, '開業率', cwd=small_site)
    assert proc.returncode == 0, proc.stderr
    text = (small_site / 'docs' / 'index.md').read_text(encoding='utf-8')
    assert ':::{indicator} K1\n:goals: G1-1, G1-2\n:title: 開業率\n' in text
    assert text.index(':::{goal} G1-1') < text.index(':::{indicator} K1') \
        < text.index(':::{goal} G1-2')


def test_new_names_each_unknown_goal_of_several(small_site):
    proc = run('new_object.py', 'initiative', 'G1-1, G7-7', cwd=small_site)
    assert proc.returncode == 1
    assert proc.stderr.startswith('make new: 目指す姿 G7-7 がありません')
    assert '指定できる目指す姿：G1-1, G1-2' in proc.stderr
