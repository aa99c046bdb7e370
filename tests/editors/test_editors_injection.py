"""What editors type after ``make new``, ``make compare`` and ``make preview``
reaches the program exactly, and is never run as shell or make code.

Each case runs the real Makefile on a copy of a test root. A value that a
shell or make would interpret tries to create a file named ``PWNED``; the
tests check that no such file appears and that the value arrived unchanged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROOTS = ROOT / 'tests' / 'roots'

#: Titles an editor may write, and titles that try to run something.
TITLES = [
    "区'; touch PWNED; echo '",
    "Let's 起業",
    '売上US$1億円を目指す',
    '「"引用"」の題名',
    '`touch PWNED`',
    '前; touch PWNED',
    '$(touch PWNED)',
    '$(shell touch PWNED)',
    '$$HOME と ${HOME} と $HOME',
    "'\"`$;|&<>*?\\",
]


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOTS / 'test-editors-tools', tmp_path, dirs_exist_ok=True)
    for name in ('Makefile', 'tools'):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    (tmp_path / '_ext').symlink_to(ROOT / '_ext')
    (tmp_path / '.venv').symlink_to(ROOT / '.venv')
    return tmp_path


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith('MAKE')}
    return subprocess.run(['make', '--no-print-directory', '-s', *args, 'DEPS='], cwd=project,
                          capture_output=True, text=True, check=False, env=env, timeout=120)


def nothing_ran(project: Path) -> bool:
    return not any(project.rglob('PWNED')) and not Path('PWNED').exists()


@pytest.mark.parametrize('title', TITLES)
def test_make_new_writes_the_title_exactly_and_runs_nothing(project, title):
    proc = make(project, 'new', 'TYPE=initiative', 'GOAL=G1-1', f'TITLE={title}')
    assert proc.returncode == 0, proc.stderr
    assert nothing_ran(project)
    text = (project / 'docs' / 'index.md').read_text(encoding='utf-8')
    assert f':::{{initiative}} I1\n:goals: G1-1\n:title: {title}\n' in text


def test_make_new_values_from_the_environment_are_not_run_either(project):
    env_title = '$(shell touch PWNED) `touch PWNED`'
    env = {key: value for key, value in os.environ.items() if not key.startswith('MAKE')}
    proc = subprocess.run(['make', '-s', 'new', 'DEPS='], cwd=project, capture_output=True,
                          text=True, check=False, timeout=120,
                          env={**env, 'TYPE': 'indicator', 'GOAL': 'G1-2', 'TITLE': env_title})
    assert proc.returncode == 0, proc.stderr
    assert nothing_ran(project)
    assert f':title: {env_title}\n' in (project / 'docs' / 'index.md').read_text(encoding='utf-8')


@pytest.mark.parametrize('goal', ["G1-1'; touch PWNED; echo '", '$(shell touch PWNED)',
                                  '-h; touch PWNED'])
def test_make_new_goal_is_never_run(project, goal):
    proc = make(project, 'new', 'TYPE=initiative', f'GOAL={goal}')
    assert proc.returncode != 0
    assert nothing_ran(project)
    assert 'がありません' in proc.stderr


@pytest.mark.parametrize('base', ["素案'; touch PWNED; echo '", '$(shell touch PWNED)',
                                  '`touch PWNED`', '--output=PWNED'])
def test_make_compare_base_is_never_run(project, base):
    # SPHINXBUILD=true: the HTML build it needs first is not the point here.
    proc = make(project, 'compare', f'BASE={base}', 'SPHINXBUILD=true')
    assert proc.returncode != 0
    assert nothing_ran(project)
    assert f'make compare: BASE={base!r} is not a revision' in proc.stderr


@pytest.mark.parametrize('port', ['8000; touch PWNED', '$(shell touch PWNED)', '`touch PWNED`'])
def test_make_preview_port_is_never_run(project, port):
    proc = make(project, 'preview', f'PORT={port}')
    assert proc.returncode != 0
    assert nothing_ran(project)
    assert f'PORT={port} は使えません' in proc.stderr
