"""Every message format of the extension and the editors' tools, read from the code.

A format is a string constant at one of these places:

- the first argument of a logger call (``logger.warning(fmt, *args, ...)``,
  ``info``, ``error``, ``critical``);
- the first argument of :func:`vision.messages.translated`,
  :func:`~vision.messages.japanese` or :func:`~vision.messages.N_`, or of a
  helper that logs what it is given (``self.warn``, ``_warn``);
- the message of a page-text ``Finding(line, message, ...)``.

A call at one of those places whose message is not a constant (an f-string, a
variable) is *opaque*: the test cannot see its text, so it must be one of the
few known pass-through sites, whose formats are marked elsewhere.

In the tools, a line they print or stop with (``print``, ``SystemExit``, an
argument error) that is written out in the call, as a string or an f-string,
is *literal*: it bypasses the catalogue.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / '_ext' / 'vision'
#: The tools editors run: make check, make new, make preview.
TOOLS = [ROOT / 'tools' / name for name in ('check.py', 'new_object.py', 'preview.py')]

#: What the tools print or stop with.
OUTPUT_CALLS = {'print', 'SystemExit', 'ArgumentProblem', 'ArgumentTypeError', 'error', 'exit'}
LOGGER_METHODS = {'info', 'warning', 'error', 'critical'}
LOGGERS = {'logger', 'LOGGER', 'log'}
TRANSLATING = {'translated', 'japanese', 'N_'}
#: Helpers that log the message they are given (``self.warn(fmt, *args)``).
WARNING_HELPERS = {'warn', '_warn'}


@dataclass
class Formats:
    #: format -> where it is written (``path:line``).
    found: dict[str, list[str]] = field(default_factory=dict)
    #: (path relative to the root, enclosing function) of each opaque call.
    opaque: set[tuple[str, str]] = field(default_factory=set)
    #: ``path:line`` of each tool output written out in the call.
    literal: list[str] = field(default_factory=list)


def _message_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in LOGGER_METHODS \
            and isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
        return call.args[0] if call.args else None
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ''
    if name in TRANSLATING or name in WARNING_HELPERS:
        return call.args[0] if call.args else None
    if name == 'Finding' and len(call.args) > 1:
        return call.args[1]
    return None


def _translating(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (func.id if isinstance(func, ast.Name) else getattr(func, 'attr', '')) in TRANSLATING


def _literal_output(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ''
    if name not in OUTPUT_CALLS or not call.args:
        return False
    first = call.args[0]
    return isinstance(first, ast.JoinedStr) or (
        isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.strip() != '')


def read(paths: list[Path], root: Path = ROOT, tools: list[Path] | None = None) -> Formats:
    """The formats in ``paths``; the output calls of ``tools`` (default: the editors' tools)."""
    tools = TOOLS if tools is None else tools
    formats = Formats()
    for path in paths:
        tree = ast.parse(path.read_text(encoding='utf-8'))
        functions = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    functions.setdefault(id(inner), node.name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if path in tools and _literal_output(node):
                formats.literal.append(f'{path.relative_to(root).as_posix()}:{node.lineno}')
            message = _message_argument(node)
            if message is None:
                continue
            where = path.relative_to(root).as_posix()
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                formats.found.setdefault(message.value, []).append(f'{where}:{node.lineno}')
            elif not _translating(message):  # a translated(...) argument is read as a call itself
                formats.opaque.add((where, functions.get(id(node), '<module>')))
    return formats


def code_paths() -> list[Path]:
    return sorted(PACKAGE.rglob('*.py')) + TOOLS
