"""No import runs in a circle anywhere in the extension, type-only imports included.

A circle makes the order of imports matter and hides which module is the
foundation of which. The graph is read from the source with ``ast``
(:func:`test_layers.imported_modules`); an import of a name from a package
counts as an import of the package.
"""

from __future__ import annotations

from pathlib import Path

from test_layers import PACKAGE, imported_modules


def module_graph(package: Path) -> dict[str, set[str]]:
    modules = {}
    for path in package.rglob('*.py'):
        parts = path.relative_to(package).with_suffix('').parts
        if parts[-1] == '__init__':
            parts = parts[:-1]
        modules['.'.join((package.name, *parts))] = path

    def known(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition('.')[0]
        return name

    return {name: {known(m) for m in imported_modules(path)} - {name, ''}
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    assert cycles(module_graph(PACKAGE)) == []


def test_the_check_sees_a_cycle():
    """The control: a planted circle through a type-only import is found."""
    graph = module_graph(PACKAGE)
    graph['vision.domain.model'] = {*graph['vision.domain.model'], 'vision.domain.sphinx_domain'}
    assert any('vision.domain.model' in cycle for cycle in cycles(graph))
