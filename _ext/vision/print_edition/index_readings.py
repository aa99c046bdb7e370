"""Readings (よみ) for index terms, so both 索引 are sorted by reading.

mendex cannot read kanji: without a dictionary every kanji entry sorts under
「ン」. Sphinx's ``latexmkjarc`` passes ``<basename>.dic`` to ``mendex -d``;
this module writes that file from ``data/readings.yaml`` and warns, with the
entry's location, about an index term that has no reading. The HTML 索引
(``genindex``) is sorted by code point, 世 before 事; :func:`kana_order`
regroups it under あ行, か行 … by the same readings, so the page and the PDF
agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from ..build_state import build_state
from ..config import readings_file
from ..encoding import DecodingProblem, decode
from ..messages import translated

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

_KANA = re.compile(r'^[\u3041-\u309f\u30a0-\u30ffー・ 　]+$')
_NEEDS_READING = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')


#: (the file's modification time and size, its readings), in the build state's transient part.
_READINGS = 'index_readings'


def load_readings(app: Sphinx) -> dict[str, str]:
    """Return ``{term: reading}`` from the configured YAML file.

    Cached per application (never pickled with the environment) for as
    long as the file is unchanged, so it is read and checked once per process
    and again after an edit (the preview builds many times in one process).
    Every problem is a warning at ``file:line:column`` in the readings file
    (relative to the confdir).
    """
    relpath, named = readings_file(app.config)
    path = Path(app.confdir, relpath)
    if not named and not path.is_file():
        return {}  # the project has no readings: nothing to warn about
    try:
        stamp = (path.stat().st_mtime_ns, path.stat().st_size)
    except OSError:
        stamp = None
    cached = build_state(app.env).transient.get(_READINGS)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    readings: dict[str, str] = {}
    for term, reading, (line, column) in _entries(path, relpath):
        if not isinstance(reading, str) or not _KANA.match(reading):
            _warn(translated('reading of %r must be written in kana, got %r', term, reading),
                  f'{relpath}:{line}:{column}')
            continue
        readings[str(term)] = reading
    build_state(app.env).transient[_READINGS] = (stamp, readings)
    return readings


def _entries(path: Path, relpath: str) -> Iterator[tuple[object, object, tuple[int, int]]]:
    """Each (term, reading, position of the reading) of the file; warns about the rest."""
    try:
        text = decode(path.read_bytes())
    except FileNotFoundError:
        _warn(translated('readings file %s not found (vision_readings in conf.py)', relpath), None)
        return
    except OSError as exc:
        _warn(translated('readings file cannot be read: %s', exc.strerror), f'{relpath}:1:1')
        return
    except DecodingProblem as exc:
        _warn(exc.message, f'{relpath}:{exc.line}:{exc.column}')
        return
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, 'problem_mark', None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        _warn(translated('readings file is not valid YAML: %s', getattr(exc, 'problem', exc)),
              f'{relpath}:{line}:{column}')
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        _warn(translated('readings file must map each term to its reading'),
              f'{relpath}:{root.start_mark.line + 1}:{root.start_mark.column + 1}')
        return
    marks = {str(key.value): value.start_mark for key, value in root.value}
    for term, reading in data.items():
        mark = marks.get(str(term))
        yield term, reading, (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _warn(message: str, location: str | None) -> None:
    logger.warning(message, location=location, type='vision', subtype='readings')


def check_index_terms(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about each index entry with kanji whose term has no reading."""
    relpath, named = readings_file(app.config)
    if not named and not Path(app.confdir, relpath).is_file():
        return  # a project without readings: its index sorts as Sphinx sorts it
    readings = load_readings(app)
    index_nodes = list(doctree.findall(addnodes.index))
    if index_nodes:
        # A changed readings file re-checks the pages that have index entries.
        app.env.note_dependency(str(Path(app.confdir, relpath)))
    for node in index_nodes:
        for _type, value, _target, _main, _key in node['entries']:
            for term in (t.strip() for t in value.split(';')):
                if _NEEDS_READING.search(term) and term not in readings:
                    logger.warning('index term %r has no reading in %s', term,
                                   relpath, location=node,
                                   type='vision', subtype='readings')


def write_dictionary(app: Sphinx, exception: Exception | None) -> None:
    """Write ``<basename>.dic`` beside each LaTeX document for mendex."""
    if exception is not None or app.builder.format != 'latex':
        return
    readings = load_readings(app)
    lines = ''.join(f'{term} {reading}\n' for term, reading in sorted(readings.items()))
    for entry in app.config.latex_documents:
        basename = Path(entry[1]).stem
        Path(app.outdir, f'{basename}.dic').write_text(lines, encoding='utf-8')


#: The rows of the 五十音 table, by the first kana of each, and what a reading
#: that starts with none of them (Latin letters, figures) is filed under.
ROWS = (('あ行', 'あ'), ('か行', 'か'), ('さ行', 'さ'), ('た行', 'た'), ('な行', 'な'),
        ('は行', 'は'), ('ま行', 'ま'), ('や行', 'や'), ('ら行', 'ら'), ('わ行', 'わ'))
OTHERS = 'その他'
_KATAKANA = re.compile(r'[\u30a1-\u30f6]')


def reading_of(term: str, readings: dict[str, str]) -> str:
    """The term's reading in hiragana for sorting, as dictionaries sort: voiced
    kana as plain (が as か), 「ー」 as the vowel it lengthens (さーど as さあど)."""
    reading = readings.get(term, term)
    hiragana = _KATAKANA.sub(lambda m: chr(ord(m[0]) - 0x60), reading)
    plain = ''.join(unicodedata.normalize('NFD', char)[0] for char in hiragana)
    sorted_form: list[str] = []
    for char in plain:
        if char == 'ー' and sorted_form:
            char = _VOWELS.get(unicodedata.name(sorted_form[-1], '')[-1:], char)
        sorted_form.append(char)
    return ''.join(sorted_form)


#: The vowel a long-vowel mark repeats, by the last letter of the kana's Unicode name.
_VOWELS = {'A': 'あ', 'I': 'い', 'U': 'う', 'E': 'え', 'O': 'お'}


def row_of(reading: str) -> str:
    first = reading[:1]
    if not ('\u3041' <= first <= 'ん'):
        return OTHERS
    return next(name for name, start in reversed(ROWS) if first >= start)


def kana_order(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: object) -> None:
    """Regroup the HTML 索引's entries under the rows of the 五十音 table, by reading."""
    entries = context.get('genindexentries')
    if pagename != 'genindex' or not entries:
        return
    readings = load_readings(app)
    rows: dict[str, list] = {}
    for _letter, group in entries:
        for entry in group:
            rows.setdefault(row_of(reading_of(entry[0], readings)), []).append(entry)
    order = [name for name, _start in ROWS] + [OTHERS]
    regrouped = [(name, sorted(rows[name], key=lambda entry: (reading_of(entry[0], readings), entry[0])))
                 for name in order if name in rows]
    context['genindexentries'] = regrouped
    context['genindexcounts'] = [sum(1 + len(entry[1][1]) for entry in group) for _name, group in regrouped]


def setup(app: Sphinx) -> None:
    app.connect('html-page-context', kana_order)
    app.connect('doctree-read', check_index_terms)
    app.connect('build-finished', write_dictionary)
