"""Readings (よみ) for index terms, so mendex sorts the PDF's index by reading.

mendex cannot read kanji: without a dictionary every kanji entry sorts under
「ン」. Sphinx's ``latexmkjarc`` passes ``<basename>.dic`` to ``mendex -d``;
this module writes that file from ``data/readings.yaml`` and warns, with the
entry's location, about an index term that has no reading.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

_KANA = re.compile(r'^[\u3041-\u309f\u30a0-\u30ffー・ 　]+$')
_NEEDS_READING = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')


def load_readings(app: Sphinx) -> dict[str, str]:
    """Return ``{term: reading}`` from the configured YAML file.

    Cached on the application (never pickled with the environment), so the
    file is read and checked once per process.
    """
    path = Path(app.confdir, app.config.vision_readings)
    cached = getattr(app, '_vision_readings', None)
    if cached is not None:
        return cached
    readings: dict[str, str] = {}
    location = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding='utf-8')) or {}
    except FileNotFoundError:
        logger.warning('readings file not found', location=location,
                       type='vision', subtype='readings')
        data = {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, 'problem_mark', None)
        if mark is not None:
            location = f'{path}:{mark.line + 1}'
        logger.warning('readings file is not valid YAML: %s', getattr(exc, 'problem', exc),
                       location=location, type='vision', subtype='readings')
        data = {}
    if not isinstance(data, dict):
        logger.warning('readings file must map each term to its reading',
                       location=location, type='vision', subtype='readings')
        data = {}
    for term, reading in data.items():
        if not isinstance(reading, str) or not _KANA.match(reading):
            logger.warning('reading of %r must be written in kana, got %r', term, reading,
                           location=location, type='vision', subtype='readings')
            continue
        readings[str(term)] = reading
    app._vision_readings = readings
    return readings


def check_index_terms(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about each index entry with kanji whose term has no reading."""
    readings = load_readings(app)
    index_nodes = list(doctree.findall(addnodes.index))
    if index_nodes:
        # A changed readings file re-checks the pages that have index entries.
        app.env.note_dependency(str(Path(app.confdir, app.config.vision_readings)))
    for node in index_nodes:
        for _type, value, _target, _main, _key in node['entries']:
            for term in (t.strip() for t in value.split(';')):
                if _NEEDS_READING.search(term) and term not in readings:
                    logger.warning('index term %r has no reading in %s', term,
                                   app.config.vision_readings, location=node,
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


def setup(app: Sphinx) -> None:
    app.connect('doctree-read', check_index_terms)
    app.connect('build-finished', write_dictionary)
