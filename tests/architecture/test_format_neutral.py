"""Format-neutral views (issue 27): views and directives make nodes, renderers write formats.

No module outside ``print_edition/`` hands LaTeX to the writer as a raw node,
and no module finds a node by its CSS class: the class is the stylesheet's,
the node's type is the code's.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / '_ext' / 'vision'


def raw_latex_nodes(tree: ast.AST) -> list[int]:
    """Lines that make a ``raw`` node with ``format='latex'``."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and (getattr(node.func, 'attr', None) or getattr(node.func, 'id', None)) == 'raw'
            and any(keyword.arg == 'format' and isinstance(keyword.value, ast.Constant)
                    and 'latex' in str(keyword.value.value) for keyword in node.keywords)]


def class_lookups(tree: ast.AST) -> list[int]:
    """Lines that test ``'vision-…' in x['classes']``: a node found by its CSS class."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            left, right = node.left, node.comparators[0]
            if isinstance(left, ast.Constant) and str(left.value).startswith('vision-') \
                    and isinstance(right, ast.Subscript) and isinstance(right.slice, ast.Constant) \
                    and right.slice.value == 'classes':
                found.append(node.lineno)
    return found


MODULES = sorted(path for path in PACKAGE.rglob('*.py') if 'print_edition' not in path.parts)


@pytest.mark.parametrize('path', MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_raw_latex_and_no_lookup_by_class(path):
    tree = ast.parse(path.read_text(encoding='utf-8'))
    assert raw_latex_nodes(tree) == []
    assert class_lookups(tree) == []


def test_the_checks_see_a_leak():
    """The control: both kinds, as they were written before."""
    tree = ast.parse("nodes.raw('', '\\\\small', format='latex')\n"
                     "if 'vision-mark' in mark['classes']:\n    pass\n")
    assert raw_latex_nodes(tree) == [1]
    assert class_lookups(tree) == [2]
