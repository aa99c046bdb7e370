"""Every event and ordering is named in ``vision.events`` (issue 27).

Parsed from the source with ``ast``: a module that connects to or emits an
event by a string not declared there, or gives a post-transform or a listener
a bare number as its priority, fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vision import events

PACKAGE = Path(__file__).resolve().parents[2] / '_ext' / 'vision'
MODULES = sorted(PACKAGE.rglob('*.py'))
DECLARED = events.SPHINX_EVENTS | set(events.VISION_EVENTS)
EVENT_CALLS = {'connect', 'emit', 'emit_firstresult', 'add_event'}


def event_uses(tree: ast.AST) -> list[tuple[int, str, ast.expr]]:
    """(line, method, first argument) of every ``app.connect/emit…(…)`` call."""
    return [(node.lineno, node.func.attr, node.args[0]) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in EVENT_CALLS and node.args]


def bare_priorities(tree: ast.AST) -> list[int]:
    """Lines where a priority is a number instead of a name from ``vision.events``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == 'default_priority' for t in node.targets):
            if isinstance(node.value, ast.Constant):
                found.append(node.lineno)
        if isinstance(node, ast.keyword) and node.arg == 'priority':
            if isinstance(node.value, ast.Constant):
                found.append(node.value.lineno)
    return found


@pytest.mark.parametrize('path', MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_events_and_priorities_are_named_in_one_module(path):
    tree = ast.parse(path.read_text(encoding='utf-8'))
    if path.name == 'events.py':
        return
    undeclared = [(line, arg.value) for line, _method, arg in event_uses(tree)
                  if isinstance(arg, ast.Constant) and arg.value not in DECLARED]
    assert not undeclared, f'{path.name}: events not declared in vision.events: {undeclared}'
    assert not [m for _line, m, _arg in event_uses(tree) if m == 'add_event'], \
        f'{path.name} adds an event: declare it in vision.events'
    assert not bare_priorities(tree), \
        f'{path.name}: priority given as a number at lines {bare_priorities(tree)}'


def test_every_declared_sphinx_event_is_used():
    """No dead entry: each Sphinx event listed is connected somewhere."""
    used = {arg.value for path in MODULES
            for _line, _method, arg in event_uses(ast.parse(path.read_text(encoding='utf-8')))
            if isinstance(arg, ast.Constant)}
    assert events.SPHINX_EVENTS - used == set()


def test_the_check_sees_a_bare_priority_and_an_undeclared_event():
    """The control: the parser finds what the test forbids."""
    tree = ast.parse("class T:\n    default_priority = 5\n"
                     "def setup(app):\n    app.connect('vision-made-up', f, priority=3)\n")
    assert bare_priorities(tree) == [2, 4]
    assert [arg.value for _l, _m, arg in event_uses(tree)] == ['vision-made-up']
