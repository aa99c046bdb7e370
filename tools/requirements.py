"""Print the pinned requirements of pyproject.toml, one per line.

Usage: python3 tools/requirements.py [EXTRA ...]
The Makefile feeds this to pip, so pyproject.toml stays the one list of pins.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath('pyproject.toml').read_text())['project']
lines = list(project['dependencies'])
for extra in sys.argv[1:]:
    lines += project['optional-dependencies'][extra]
print('\n'.join(lines))
