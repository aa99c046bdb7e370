"""No module names an object type but the registry (ARCHITECTURE.md).

What a policy, a goal or an opinion is lives in :mod:`vision.object_types` and
its defaults (:mod:`vision.type_defaults`); every other module asks the
registry. A string literal ``'goal'`` elsewhere is a type named in code, so a
plan with other types (tests/roots/test-other-plan) would not get it.
Parsed with ``ast``: docstrings and comments may speak of types.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / '_ext' / 'vision'
#: The registry and its defaults: the only places that name the types.
REGISTRY = {PACKAGE / 'object_types.py', PACKAGE / 'type_defaults.py'}
#: The keys of today's types, as the issue lists them.
TYPE_KEYS = frozenset({'theme', 'policy', 'goal', 'initiative', 'indicator', 'opinion'})

#: Literals that are another thing's name, with the reason.
NOT_TYPES = {
    ('_ext/vision/diagrams/mermaid.py', 'theme'): "mermaid's own setting (its colour scheme)",
}

MODULES = sorted([*(p for p in PACKAGE.rglob('*.py') if p not in REGISTRY),
                  ROOT / 'tools' / 'new_object.py', ROOT / 'tools' / 'check.py'])


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def type_names(source: str) -> list[tuple[int, str]]:
    """(line, literal) of every string literal that is a type's key."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and node.value in TYPE_KEYS and id(node) not in docstrings)


@pytest.mark.parametrize('path', MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_but_the_registry_names_a_type(path):
    rel = path.relative_to(ROOT).as_posix()
    found = [(line, name) for line, name in type_names(path.read_text(encoding='utf-8'))
             if (rel, name) not in NOT_TYPES]
    assert not found, f'{path.relative_to(ROOT)} names object types: {found}'


def test_the_check_sees_a_named_type():
    """The control: a module planted in the package with ``'goal'`` is found and
    fails the test; a docstring that says goal is not a type named in code."""
    probe = PACKAGE / 'views' / '_type_probe.py'
    probe.write_text('"""Goals: a goal is shown under its policy."""\n'
                     "def kind(obj):\n    return obj.objtype == 'goal'\n", encoding='utf-8')
    try:
        assert probe in sorted(PACKAGE.rglob('*.py'))
        assert type_names(probe.read_text(encoding='utf-8')) == [(3, 'goal')]
        with pytest.raises(AssertionError, match='names object types'):
            test_no_module_but_the_registry_names_a_type(probe)
    finally:
        probe.unlink()
    assert type_names('def f():\n    """policy"""\n    return 1\n') == []


def test_the_registry_names_every_type():
    """The other side: the defaults hold every key the check looks for."""
    from vision.object_types import registry_from

    assert TYPE_KEYS <= set(registry_from(None).keys)
