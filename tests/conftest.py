"""Shared fixtures: real Sphinx builds of the project's own ``docs/``.

The whole site is built once per test session, with the same options as the
Makefile (``-W --keep-going``), into a temporary directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Test roots are copied to a temporary directory, so they cannot find _ext by a
# relative path: make the extension importable for every test here.
sys.path.insert(0, str(ROOT / '_ext'))
SPHINX_BUILD = [sys.executable, '-m', 'sphinx']

pytest_plugins = ('sphinx.testing.fixtures',)


@dataclass(frozen=True)
class Build:
    outdir: Path
    returncode: int
    stderr: str


def run_sphinx(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*SPHINX_BUILD, *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, 'SOURCE_DATE_EPOCH': '1693872000', 'FORCE_SOURCE_DATE': '1', **(env or {})},
    )


@pytest.fixture(scope='session')
def site_html(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp('html')
    # As the Makefile: the doctrees outside the published directory.
    doctrees = tmp_path_factory.mktemp('html-doctrees')
    proc = run_sphinx('-b', 'html', '-c', '.', '-d', str(doctrees), '-W', '--keep-going', 'docs',
                      str(out))
    return Build(out, proc.returncode, proc.stderr)


@pytest.fixture(scope='session')
def site_pdf(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp('pdf')
    proc = run_sphinx('-M', 'latexpdf', 'docs', str(out), '-c', '.', '-W', '--keep-going', '-q')
    return Build(out / 'latex', proc.returncode, proc.stdout[-4000:] + proc.stderr)


@pytest.fixture(scope='session')
def rootdir() -> Path:
    """Test roots for ``@pytest.mark.sphinx(testroot=...)``: ``tests/roots/test-<name>/``.

    Each root is a complete, tiny project whose ``conf.py`` lists
    ``extensions = ['myst_parser', 'vision']``.
    """
    return ROOT / 'tests' / 'roots'


# -- Markers for `make test-fast`: no TeX, no page driven in a browser ---------------

#: What in a test's own code, or which fixture, makes it run TeX or drive Chromium.
_TEX_SIGNS = ("'all-pdf'", "'latexpdf'")
_TEX_FIXTURES = {'site_pdf'}
_BROWSER_SIGNS = ('run_browser(', 'show_offline(', 'SCREENSHOT', 'MermaidRenderer(', 'renderer_for(',
                  'laid_out_labels(')
_BROWSER_FIXTURES = {'browser_report'}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests ``tex`` and ``browser`` from what they call, so new tests are marked too."""
    import inspect

    for item in items:
        function = getattr(item, 'function', None)
        source = inspect.getsource(function) if function is not None else ''
        fixtures = set(getattr(item, 'fixturenames', ()))
        if fixtures & _TEX_FIXTURES or any(sign in source for sign in _TEX_SIGNS):
            item.add_marker(pytest.mark.tex)
        if fixtures & _BROWSER_FIXTURES or any(sign in source for sign in _BROWSER_SIGNS):
            item.add_marker(pytest.mark.browser)
