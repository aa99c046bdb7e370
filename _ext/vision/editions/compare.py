"""``make compare BASE=<revision>``: the 新旧対照表 between a stage and now.

The new side is the working tree's ``vision.json`` (``make html`` writes it);
the old side is built here: the revision's files are exported with ``git
archive`` into a temporary folder and built there with the same Sphinx, so
the working tree is never touched. Writes ``index.html`` and ``shinkyu.pdf``
into the output folder.

Every failure is one line naming the revision (an unknown revision, sources
that do not build, no ``vision.json``), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from ..object_types import registry_from
from .compare_html import render as render_html
from .compare_latex import TypesetError, typeset
from .compare_latex import render as render_latex
from .comparison import compare

EXPORT = 'vision.json'
#: Shared with the export's build, so diagrams already drawn are not drawn again.
SHARED = ('node_modules', '_build/.mermaid-cache')


class CompareError(Exception):
    """A failure the editor can act on; its message is the whole report."""


def resolve(base: str, repo: Path) -> str:
    # A BASE that starts with '-' would be an option to git, never a revision.
    proc = None if not base or base.startswith('-') else subprocess.run(
        ['git', 'rev-parse', '--verify', '--quiet', f'{base}^{{commit}}'],
        cwd=repo, capture_output=True, text=True, check=False)
    if proc is None or proc.returncode != 0:
        raise CompareError(f'BASE={base!r} is not a revision of this repository '
                           '(a tag such as 素案, a branch or a commit)')
    return proc.stdout.strip()


def build_export(base: str, commit: str, repo: Path, workdir: Path, srcdir: str) -> dict:
    """Export ``commit`` into ``workdir``, build its HTML there and read its vision.json."""
    tree = workdir / 'tree'
    tree.mkdir()
    archive = workdir / 'tree.tar'
    subprocess.run(['git', 'archive', '--format=tar', f'--output={archive}', commit],
                   cwd=repo, check=True, capture_output=True)
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter='data')
    for shared in SHARED:
        if (repo / shared).exists() and not (tree / shared).exists():
            (tree / shared).parent.mkdir(parents=True, exist_ok=True)
            (tree / shared).symlink_to((repo / shared).resolve())
    if not (tree / 'conf.py').is_file() or not (tree / srcdir).is_dir():
        raise CompareError(f'BASE={base!r} has no conf.py and {srcdir}/ to build')
    outdir = tree / '_build' / 'html'
    proc = subprocess.run(
        [sys.executable, '-m', 'sphinx', '-b', 'html', '-c', '.', '-q', srcdir, str(outdir)],
        cwd=tree, capture_output=True, text=True, check=False,
        env={**os.environ, 'PYTHONPATH': os.pathsep.join(
            filter(None, [str(tree / '_ext'), os.environ.get('PYTHONPATH')]))})
    if proc.returncode != 0:
        reason = failure_reason(proc.stderr) or f'sphinx-build exited with {proc.returncode}'
        raise CompareError(f'BASE={base!r} ({commit[:10]}) does not build: {reason}')
    path = outdir / EXPORT
    if not path.is_file():
        raise CompareError(f'BASE={base!r} ({commit[:10]}) writes no {EXPORT}: '
                           'it predates the export, choose a later revision')
    return json.loads(path.read_text(encoding='utf-8'))


#: The exception line of Sphinx's crash report: ``sphinx.errors.ConfigError: ...``.
_EXCEPTION_LINE = re.compile(r'^\s*[\w.]*(?:Error|Exception): (.+)$', re.MULTILINE)


def failure_reason(stderr: str) -> str:
    """One line saying why Sphinx failed: its exception's message, else its first error."""
    found = _EXCEPTION_LINE.findall(stderr)
    if found:
        return found[-1].strip()
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if 'ERROR' in line or line.endswith('error!')]
    return (errors or lines or [''])[0]


def conf_values(confdir: Path) -> dict:
    """What ``conf.py`` sets, read without a build."""
    from sphinx.config import eval_config_file  # noqa: PLC0415
    from sphinx.util.tags import Tags  # noqa: PLC0415

    return eval_config_file(confdir.resolve() / 'conf.py', Tags())


def fontpkg(confdir: Path) -> str:
    """The 本編's font set-up, so that both PDFs use the same embedded faces."""
    return conf_values(confdir).get('latex_elements', {}).get('fontpkg', '')


def run(base: str, repo: Path, new_html: Path, outdir: Path, srcdir: str) -> Path:
    commit = resolve(base, repo)
    new_path = new_html / EXPORT
    if not new_path.is_file():
        raise CompareError(f'{new_path} is missing: run make html first')
    new = json.loads(new_path.read_text(encoding='utf-8'))
    with tempfile.TemporaryDirectory(prefix='vision-compare-') as workdir:
        old = build_export(base, commit, repo, Path(workdir), srcdir)
    types = registry_from(conf_values(repo).get('vision_object_types'))
    comparison = compare(old, new, types)
    project = new.get('project', '')
    outdir.mkdir(parents=True, exist_ok=True)
    html_root = os.path.relpath(new_html, outdir).replace(os.sep, '/')
    (outdir / 'index.html').write_text(render_html(comparison, project, base, html_root),
                                       encoding='utf-8')
    try:
        typeset(render_latex(comparison, project, base, fontpkg(repo)), outdir, 'shinkyu')
    except TypesetError as exc:
        raise CompareError(str(exc)) from None
    return outdir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='make compare', description=__doc__.splitlines()[0])
    parser.add_argument('--base', required=True, help='the old revision (a stage tag: 素案)')
    parser.add_argument('--html', type=Path, default=Path('_build/html'),
                        help="the new edition's HTML folder, with its vision.json")
    parser.add_argument('--out', type=Path, default=Path('_build/compare'))
    parser.add_argument('--srcdir', default='docs')
    args = parser.parse_args(argv)
    try:
        outdir = run(args.base, Path.cwd(), args.html, args.out, args.srcdir)
    except CompareError as exc:
        print(f'make compare: {exc}', file=sys.stderr)
        return 2
    print(f'新旧対照表: {outdir / "index.html"}, {outdir / "shinkyu.pdf"}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
