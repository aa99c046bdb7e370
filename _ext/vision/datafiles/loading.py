"""Data files under ``data/``: confined, safely loaded, checked against a schema.

Every problem becomes a Sphinx warning located in the YAML file itself,
``data/members.yaml:23:5: WARNING: members[16].name: required``, reported once
per build however many pages use the file, and the build goes on with what is
valid. Line and column come from the marks of the YAML
node that the error's path leads to (PyYAML's composed node graph).

Loading is safe: PyYAML's SafeLoader constructs only plain data, so a tag such
as ``!!python/object`` is refused with a warning. Timestamps are not resolved
either: ``2023-09-07`` stays a string, the schema checks its form and
:mod:`vision.datafiles.era` its calendar validity.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

import yaml
from sphinx.util import logging

from ..build_state import PerDocument, build_state
from ..encoding import DecodingProblem, decode
from ..messages import N_, translated

if TYPE_CHECKING:
    import jsonschema
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Directives read data files only below this directory of the confdir.
DATA_DIR = 'data'
SCHEMA_DIR = Path(__file__).parent / 'schemas'

#: A path into the data, as jsonschema gives it: ``('members', 16, 'name')``.
FieldPath = tuple[str | int, ...]
#: (file, line, column, message, warning subtype), line and column 1-based.
Problem = tuple[str, int, int, str, str]
#: A semantic check: yields (path, message) for valid-by-schema data.
Check = Callable[[Any], Iterable[tuple[FieldPath, str]]]


@dataclass
class _BuildState:
    """Per-build state, never pickled with the environment.

    ``loaded`` keeps each file's result by (path, mtime, size, schema), so a
    file used by several pages is parsed and validated once per process.
    """

    confdir: Path
    loaded: dict[tuple, DataFile] = field(default_factory=dict)


_STATE = 'data_files'


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps ISO dates as strings (dates are validated by us)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != 'tag:yaml.org,2002:timestamp']
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass
class DataFile:
    """A loaded data file: its data and the paths of the parts that are invalid."""

    relpath: str
    data: Any
    invalid: set[FieldPath] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    #: The 1-based line of each scalar value: ``('members', 0, 'group')`` -> 17.
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def is_valid(self, path: FieldPath) -> bool:
        """Whether nothing at or below ``path`` had an error."""
        return not any(bad[:len(path)] == path for bad in self.invalid)


def field_path(path: Iterable[str | int]) -> str:
    """``members[16].name`` from ``('members', 16, 'name')``; ``(document)`` for the root."""
    text = ''
    for part in path:
        text += f'[{part}]' if isinstance(part, int) else (f'.{part}' if text else str(part))
    return text or translated('(document)')


def confine(confdir: str | Path, argument: str) -> tuple[str, Path] | None:
    """The file named by a directive's argument, if it lies under ``data/``.

    Returns the path relative to the confdir (for messages) and the real path,
    or None for an absolute path or one that leaves ``data/`` (``..`` or a
    symbolic link pointing outside).
    """
    if PurePosixPath(argument).is_absolute() or Path(argument).is_absolute() or '\\' in argument:
        return None
    base = (Path(confdir) / DATA_DIR).resolve()
    path = (Path(confdir) / argument).resolve()
    if not path.is_relative_to(base) or path == base:
        return None
    return f'{DATA_DIR}/{path.relative_to(base).as_posix()}', path


@cache
def schema_validator(name: str) -> jsonschema.protocols.Validator:
    # Imported here: jsonschema takes a fifth of the extension's start-up time
    # and memory, and only projects with data files need it.
    import jsonschema  # noqa: PLC0415

    schema = json.loads((SCHEMA_DIR / f'{name}.schema.json').read_text(encoding='utf-8'))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def load(env: BuildEnvironment, argument: str, schema: str, checks: Iterable[Check],
         location: Any) -> DataFile | None:
    """Load ``argument`` (relative to the confdir) for a directive at ``location``.

    Notes the file as a dependency of the current document, so editing it
    re-reads exactly the pages that use it. A refused or missing file is
    reported at the directive and gives None. Problems inside the file are
    recorded for the document and reported once per build, however many
    pages (or parallel processes) use the file: see :func:`report_problems`.
    """
    state: _BuildState = build_state(env).transient[_STATE]
    confined = confine(state.confdir, argument)
    if confined is None:
        _warn(translated('data file %r is refused: only files under %s/ may be read', argument,
                         DATA_DIR), location, 'path')
        return None
    relpath, path = confined
    env.note_dependency(str(path))
    try:
        stat = path.stat()
    except OSError:
        stat = None
    if stat is None or not path.is_file():
        _warn(translated('data file %s not found', relpath), location, 'missing')
        return None
    key = (path, stat.st_mtime_ns, stat.st_size, schema)
    if key not in state.loaded:
        state.loaded[key] = _parse(relpath, path, schema, checks)
    result = state.loaded[key]
    PROBLEMS.of(env).setdefault(env.docname, set()).update(result.problems)
    return result


def confdir_of(env: BuildEnvironment) -> Path:
    """The confdir, below which ``data/`` is."""
    state: _BuildState = build_state(env).transient[_STATE]
    return state.confdir


def read(confdir: str | Path, argument: str, schema: str,
         checks: Iterable[Check]) -> DataFile | None:
    """Load a data file outside any page (for exports), or None if it is absent.

    Its problems are not reported here: the directives that show the file
    report them, located, in the same build.
    """
    confined = confine(confdir, argument)
    if confined is None or not confined[1].is_file():
        return None
    return _parse(*confined, schema, checks)


def _parse(relpath: str, path: Path, schema: str, checks: Iterable[Check]) -> DataFile:
    result = DataFile(relpath, None)
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        result.problems.append((relpath, 1, 1, translated('cannot be read: %s', exc.strerror),
                                'missing'))
        return result
    except DecodingProblem as exc:
        result.problems.append((relpath, exc.line, exc.column, exc.message, 'encoding'))
        return result

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        result.data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        result.problems.append((relpath, line, column, _yaml_problem(exc), 'yaml'))
        return result
    finally:
        loader.dispose()

    result.lines = dict(_scalar_lines(root, ()))
    for (line, column), message, kind in _problems(result, root, schema, checks):
        result.problems.append((relpath, line, column, message, kind))
    return result


def _scalar_lines(node: yaml.Node | None, path: FieldPath) -> Iterator[tuple[FieldPath, int]]:
    """Where each scalar of the document is: its path and its 1-based line."""
    if isinstance(node, yaml.ScalarNode):
        yield path, node.start_mark.line + 1
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalar_lines(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalar_lines(item, (*path, index))


def _problems(result: DataFile, root: yaml.Node | None, schema: str,
              checks: Iterable[Check]) -> Iterator[tuple[tuple[int, int], str, str]]:
    """Every problem as ((line, column), message, warning subtype); marks ``invalid``."""
    for path, key_node in _duplicate_keys(root, ()):
        result.invalid.add(path)
        yield _line_col(key_node), translated('%s: duplicate key', field_path(path)), 'schema'
    for error in schema_validator(schema).iter_errors(result.data):
        for path, message, at_key in _describe(error):
            result.invalid.add(path if not at_key else path[:-1])
            yield (_line_col(_node_at(root, path, at_key)),
                   translated('%s: %s', field_path(path), message), 'schema')
    if result.invalid:
        return  # semantic checks assume data of the right shape
    for check in checks:
        for path, message in check(result.data):
            result.invalid.add(path)
            yield _line_col(_node_at(root, path)), translated('%s: %s', field_path(path), message), 'check'


def _describe(error: jsonschema.ValidationError) -> Iterator[tuple[FieldPath, str, bool]]:
    """Short messages naming the field: (path, message, located at the key?)."""
    path = tuple(error.absolute_path)
    instance = error.instance
    # Set on every error that a validator raised; the stubs allow "unset".
    schema = cast('dict[str, Any]', error.schema)
    validator_value = cast('Any', error.validator_value)
    if error.validator == 'required':
        for name in validator_value:
            if isinstance(instance, dict) and name not in instance:
                yield (*path, name), translated('required'), False
        return
    if error.validator == 'additionalProperties' and isinstance(instance, dict):
        known = schema.get('properties', {})
        for name in instance:
            if name not in known:
                yield (*path, name), translated('unknown field'), True
        return
    if error.validator == 'type':
        expected = validator_value
        expected = [expected] if isinstance(expected, str) else expected
        names = translated(' or ').join(_json_type_name(name) for name in expected)
        if instance is None:
            yield path, translated('is empty: write %s', names), False
        else:
            yield path, translated('must be %s, got %s %r', names,
                                   _json_type_name(_json_type(instance)), instance), False
        return
    if error.validator == 'pattern' and 'x-form' in schema:
        yield path, translated('must have the form %s, got %r', schema['x-form'], instance), False
        return
    yield path, _schema_message(error, validator_value), False


#: Japanese for the schemas' other checks, by jsonschema's validator name;
#: each format takes the instance and the schema's value.
_VALIDATOR_MESSAGES = {
    'minLength': N_('must not be empty (%r is shorter than %r character(s))'),
    'minItems': N_('%r has fewer than %r item(s)'),
    'minimum': N_('%r is less than the minimum %r'),
    'maximum': N_('%r is more than the maximum %r'),
    'enum': N_('%r is not one of %r'),
    'pattern': N_('%r does not have the form %r'),
}


def _schema_message(error: jsonschema.ValidationError, value: Any) -> str:
    message = _VALIDATOR_MESSAGES.get(str(error.validator))
    if message is None:
        return translated('does not match the schema (%s)', error.message)
    return translated(message, error.instance, value)


#: JSON's type names in the messages.
_JSON_TYPE_NAMES = {'boolean': N_('a boolean (true or false)'), 'integer': N_('an integer'),
                    'number': N_('a number'), 'string': N_('a string'), 'array': N_('a list'),
                    'object': N_('a mapping'), 'null': N_('empty (null)')}


def _json_type_name(name: str) -> str:
    return translated(_JSON_TYPE_NAMES[name]) if name in _JSON_TYPE_NAMES else name


def _json_type(value: Any) -> str:
    for name, kind in (('boolean', bool), ('integer', int), ('number', float), ('string', str),
                       ('array', list), ('object', dict)):
        if isinstance(value, kind):
            return name
    return 'null'


def _duplicate_keys(node: yaml.Node | None, path: FieldPath) -> Iterator[tuple[FieldPath, yaml.Node]]:
    """Keys given twice in one mapping: YAML would silently keep the last."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            name = key.value
            if name in seen:
                yield (*path, name), key
            seen.add(name)
            yield from _duplicate_keys(value, (*path, name))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*path, index))


def _node_at(root: yaml.Node | None, path: FieldPath, at_key: bool = False) -> yaml.Node | None:
    """The node ``path`` leads to, or its deepest existing ancestor.

    ``at_key`` gives the key node of the last step (an unknown field's name).
    A missing field is thereby located at the mapping that lacks it.
    """
    node = root
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                return node
            node = pair[0] if last and at_key else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def _line_col(node: yaml.Node | None) -> tuple[int, int]:
    """One-based line and column of a node; the file's start for an empty document."""
    if node is None:
        return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    if isinstance(exc, yaml.constructor.ConstructorError) and exc.problem_mark is not None:
        tag = (exc.problem or '').removeprefix('could not determine a constructor for the tag ')
        tag = tag.strip("'").replace('tag:yaml.org,2002:', '!!')
        return translated('YAML tag %s is refused: data files hold plain data only', tag)
    problem = exc.problem or str(exc)
    problem = translated(_YAML_PROBLEMS[problem]) if problem in _YAML_PROBLEMS else problem
    if exc.context:
        return translated('invalid YAML: %s (%s)', problem, exc.context)
    return translated('invalid YAML: %s', problem)


#: PyYAML's commonest problems, in the editors' words (others are quoted as PyYAML says them).
_YAML_PROBLEMS = {
    'mapping values are not allowed here': N_(
        "a ':' cannot be here (a value that holds ': ' is written in quotes)"),
    "found character '\\t' that cannot start any token": N_(
        'a tab cannot be here: indent with spaces'),
    "could not find expected ':'": N_("a ':' is missing"),
}


#: docname -> problems of the data files the page uses, noted while reading.
PROBLEMS: PerDocument[set[Problem]] = PerDocument('data_problems')


def start_build(app: Sphinx) -> None:
    build_state(app.env).transient[_STATE] = _BuildState(Path(app.confdir))


def report_problems(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about each problem once, in file order, after the read phase.

    Like the domain's consistency checks, this runs in every build that reads
    any page, so a problem is reported again even when the pages using the
    file were not re-read.
    """
    problems = set().union(*PROBLEMS.of(env).values())
    for relpath, line, column, message, subtype in sorted(problems):
        # Always with a line: Sphinx takes a location without ':' for a docname.
        _warn(message, f'{relpath}:{line or 1}:{column or 1}', subtype)


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', start_build)
    app.add_env_collector(PROBLEMS.collector())
    app.connect('env-check-consistency', report_problems)


def _warn(message: str, location: Any, subtype: str) -> None:
    logger.warning(message, location=location, type='vision', subtype=f'data-{subtype}')
