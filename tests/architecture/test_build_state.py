"""One build-state object (issue 27): the extension's data between phases is behind
``vision.build_state``, not in module globals or attributes set on Sphinx's objects."""

from __future__ import annotations

import ast
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from vision import catalogues
from vision.build_state import VERSION, BuildState, PerDocument

PACKAGE = Path(__file__).resolve().parents[2] / '_ext' / 'vision'


def hidden_state(tree: ast.AST) -> list[int]:
    """Lines that keep state elsewhere: a WeakKeyDictionary, ``setattr(app|env, …)``,
    or an attribute assigned on ``env``, ``app`` or ``builder`` (``app.env.vision_pdf = …``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, 'id', None) or getattr(node.func, 'attr', None)
            first = node.args[0] if node.args else None
            if name == 'WeakKeyDictionary' or (
                    name == 'setattr' and isinstance(first, ast.Name | ast.Attribute)
                    and ast.unparse(first).split('.')[-1] in ('app', 'env', 'builder')):
                found.append(node.lineno)
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and ast.unparse(target.value).split('.')[-1] in ('app', 'env', 'builder'):
                    found.append(node.lineno)
    return found


MODULES = sorted(path for path in PACKAGE.rglob('*.py') if path.name != 'build_state.py')


@pytest.mark.parametrize('path', MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_state_outside_the_build_state(path):
    assert hidden_state(ast.parse(path.read_text(encoding='utf-8'))) == []


def test_the_check_sees_hidden_state():
    """The control: the three kinds as they were written before."""
    tree = ast.parse("_CACHE = WeakKeyDictionary()\nsetattr(app, '_x', 1)\napp.env.vision_pdf = None\n")
    assert sorted(hidden_state(tree)) == [1, 2, 3]


def test_the_transient_part_is_not_pickled_and_the_stores_are():
    state = BuildState()
    PerDocument('pages').of(type('Env', (), {'vision_build_state': state})())['index'] = 1
    state.transient['snapshot'] = object()  # an unpicklable value stays out
    again = pickle.loads(pickle.dumps(state))
    assert again.stores == {'pages': {'index': 1}}
    assert again.transient == {}


def test_the_state_version_is_the_extension_env_version(tmp_path):
    """Sphinx rereads every page when the state's shape (its VERSION) or the catalogues change.

    In a process of its own: a Sphinx application registers docutils' directives globally.
    """
    (tmp_path / 'conf.py').write_text("extensions = ['myst_parser', 'vision']\n", encoding='utf-8')
    (tmp_path / 'index.md').write_text('# 見出し\n', encoding='utf-8')
    script = ('import sys; from sphinx.application import Sphinx; p = sys.argv[1]; '
              "app = Sphinx(p, p, p + '/out', p + '/doctrees', 'html', status=None, warning=None); "
              "print(app.extensions['vision'].metadata['env_version'])")
    answer = subprocess.run([sys.executable, '-c', script, str(tmp_path)], capture_output=True,
                            text=True, check=True, env={**os.environ, 'PYTHONPATH': os.pathsep.join(sys.path)})
    assert int(answer.stdout) == VERSION << 32 | catalogues.digest()
