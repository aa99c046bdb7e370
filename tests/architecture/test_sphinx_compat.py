"""Sphinx's private attributes are used in one module, vision.sphinx_compat (issue 27)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / '_ext' / 'vision'
#: The private attributes of Sphinx's objects the extension needs (see sphinx_compat).
SPHINX_PRIVATE = {'_app', '_mapping', '_title_mapping', '_search_index_index_entries'}
PUBLIC_BUT_REWRITTEN = {'toc_fignumbers'}


def private_uses(tree: ast.AST) -> list[str]:
    return sorted({node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                   and (node.attr in SPHINX_PRIVATE | PUBLIC_BUT_REWRITTEN
                        or node.attr.startswith('_search_index'))})


@pytest.mark.parametrize('path', sorted(PACKAGE.rglob('*.py')), ids=lambda p: p.name)
def test_only_the_compatibility_module_reaches_into_sphinx(path):
    if path.name == 'sphinx_compat.py':
        return
    assert private_uses(ast.parse(path.read_text(encoding='utf-8'))) == []


def test_the_check_sees_a_private_attribute():
    assert private_uses(ast.parse('b = env._app.builder\nm = indexer._mapping\n')) == ['_app', '_mapping']
