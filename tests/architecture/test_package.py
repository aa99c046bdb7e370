"""``pip install .`` provides the extension as the package ``vision``, with every
file it reads at build time (stylesheets, templates, scripts, schemas, catalogues)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / '_ext' / 'vision'


def test_the_wheel_holds_every_file_of_the_extension(tmp_path):
    # Built from a copy: setuptools leaves build/ and egg-info beside the sources.
    project = tmp_path / 'project'
    project.mkdir()
    shutil.copy(ROOT / 'pyproject.toml', project)
    shutil.copytree(PACKAGE, project / '_ext' / 'vision',
                    ignore=shutil.ignore_patterns('__pycache__'))
    subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation',
                    '-q', '-w', str(tmp_path), str(project)], check=True, capture_output=True)
    wheel = next(tmp_path.glob('*.whl'))
    shipped = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith('vision/')}
    source = {'/'.join(('vision', *p.relative_to(PACKAGE).parts)) for p in PACKAGE.rglob('*')
              if p.is_file() and '__pycache__' not in p.parts}
    assert source - shipped == set()
    assert 'vision/print_edition/sphinxvision.sty' in shipped  # not only the modules
