"""Real Sphinx builds of a whole site, for the session fixtures of
``tests/conftest.py`` and ``tests/content/conftest.py``."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPHINX_BUILD = [sys.executable, '-m', 'sphinx']


#: The made-up site every test outside tests/content builds: its confdir and srcdir.
TEST_SITE = ROOT / 'tests' / 'roots' / 'test-site'


@dataclass(frozen=True)
class Build:
    outdir: Path
    returncode: int
    stderr: str
    #: The pages' sources: which pages an editor wrote.
    srcdir: Path
    #: The PDF edition's file in ``outdir`` (LaTeX builds).
    pdf_name: str = ''

    @property
    def pdf(self) -> Path:
        return self.outdir / self.pdf_name


def run_sphinx(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*SPHINX_BUILD, *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, 'SOURCE_DATE_EPOCH': '1693872000', 'FORCE_SOURCE_DATE': '1',
             # The extension of this checkout, for a confdir that does not add it.
             'PYTHONPATH': str(ROOT / '_ext'), **(env or {})},
    )


def build_html(confdir: Path, tmp_path_factory, *options: str) -> Build:
    """``options``: more arguments of sphinx-build, such as ``-D name=value``."""
    out = tmp_path_factory.mktemp('html')
    # As the Makefile: the doctrees outside the published directory.
    doctrees = tmp_path_factory.mktemp('html-doctrees')
    srcdir = confdir / 'docs'
    proc = run_sphinx('-b', 'html', '-c', str(confdir), '-d', str(doctrees), '-W', '--keep-going',
                      *options, str(srcdir), str(out))
    return Build(out, proc.returncode, proc.stderr, srcdir)


def build_pdf(confdir: Path, tmp_path_factory, pdf_name: str, *options: str) -> Build:
    out = tmp_path_factory.mktemp('pdf')
    srcdir = confdir / 'docs'
    proc = run_sphinx('-M', 'latexpdf', str(srcdir), str(out), '-c', str(confdir), '-W',
                      '--keep-going', '-q', *options)
    return Build(out / 'latex', proc.returncode, proc.stdout[-4000:] + proc.stderr, srcdir, pdf_name)


def build_accessible_pdf(confdir: Path, srcdir: Path, work: Path,
                         name: str = 'finished.pdf') -> tuple[Path, Path]:
    """As ``make pdf-accessible``: singlehtml, Chromium's tagged print, the pikepdf finish.

    Returns Chromium's PDF and the finished one (``work/name``).
    """
    proc = run_sphinx('-b', 'singlehtml', '-c', str(confdir), '-W', '--keep-going', '-q',
                      '-d', str(work / 'doctrees'), str(srcdir), str(work / 'html'))
    assert proc.returncode == 0, proc.stderr
    raw = work / 'tagged.pdf'
    node = subprocess.run(['node', str(ROOT / 'tools' / 'print_accessible.mjs'), str(work / 'html' / 'index.html'),
                           str(raw)], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert node.returncode == 0, node.stderr
    out = work / name
    _finish(confdir, raw, out)
    return raw, out


def print_accessible_summary(confdir: Path, work: Path, name: str) -> Path:
    """As ``make pdf-accessible`` does next: the 概要版's page of the same build
    (``work/html/summary.html``, after build_accessible_pdf) as its tagged PDF."""
    raw = work / 'tagged-summary.pdf'
    node = subprocess.run(['node', str(ROOT / 'tools' / 'print_accessible.mjs'),
                           str(work / 'html' / 'summary.html'), str(raw)],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert node.returncode == 0, node.stderr
    out = work / name
    _finish(confdir, raw, out, '--summary')
    return out


def _finish(confdir: Path, raw: Path, out: Path, *options: str) -> None:
    finish = subprocess.run([sys.executable, str(ROOT / 'tools' / 'pdf_accessible.py'), str(raw), str(out),
                             '--conf', str(confdir), *options], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, 'SOURCE_DATE_EPOCH': '1693872000'})
    assert finish.returncode == 0, finish.stderr
