"""``vision.json``: every object with its stable id, type, title, body text
(in Japanese, the edition that prevails, with each translation of the site
beside it: ``translations.en.title``), links and source location, and the committee's members and meetings, for
other tools (the ward's web site, checks, diagrams, the 新旧対照表 between
two stages in :mod:`vision.editions`).

Written by the HTML builders after the build; its form is
``vision.schema.json`` (beside this module) and a test validates the export against it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .. import events
from ..domain import naming, vision_domain
from ..domain.model import sort_key
from ..object_types import ObjectTypes
from ..translation.lookup import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

EXPORT_NAME = 'vision.json'
SCHEMA = Path(__file__).with_name('vision.schema.json')
FORMAT_VERSION = 2
HTML_BUILDERS = frozenset({'html', 'dirhtml', 'singlehtml'})
#: Asks the data files for their part of ``data``: handlers return
#: ``{'members': [...]}`` and the like (:mod:`vision.datafiles.json_data`).


def schema_for(types: ObjectTypes) -> dict:
    """``vision.schema.json`` for a plan of these types: its id pattern, type enum and links.

    The file beside this module is the schema of the default types; a test
    checks that it is what this function makes of them.
    """
    schema = json.loads(SCHEMA.read_text(encoding='utf-8'))
    ids = '|'.join(kind.id_pattern for kind in types)
    schema['$defs']['id']['pattern'] = f'^({ids})$'
    properties = schema['$defs']['object']['properties']
    properties['type']['enum'] = list(types.keys)
    properties['links']['properties'] = {name: {'type': 'array', 'items': {'$ref': '#/$defs/id'}}
                                         for name in types.link_options}
    return schema


def export_data(app: Sphinx) -> dict:
    env = app.env
    domain = vision_domain(env)
    objects = []
    for object_id in sorted(domain.objects, key=sort_key):
        obj = domain.objects[object_id]
        objects.append({
            'id': obj.id,
            'type': obj.objtype,
            'label': naming.object_label(obj),
            # The edition that prevails (Japanese) in every build; each translation beside it.
            'title': obj.source_title or obj.title,
            'body': obj.source_body or obj.body,
            'translations': {language: {'title': title, 'body': body}
                             for language, (title, body) in sorted(obj.translations.items())},
            'url': f'{app.builder.get_target_uri(obj.docname)}#{obj.anchor}',
            'links': {name: list(targets) for name, targets in sorted(obj.links.items())},
            'fields': dict(sorted(obj.fields.items())),
            'tags': list(obj.tags),
            'source': {'file': env.doc2path(obj.docname, False).as_posix(),
                       'line': obj.lineno},
        })
    return {'version': FORMAT_VERSION, 'project': app.config.project,
            'language': app.config.language or SOURCE_LANGUAGE, 'objects': objects,
            'data': data_files(app)}


def data_files(app: Sphinx) -> dict[str, list[dict]]:
    """The data files' part, read from the files themselves (a data file that no
    page shows is exported too)."""
    data: dict[str, list[dict]] = {}
    for part in app.emit(events.EXPORT_DATA):
        data.update(part)
    return data


class ExportWriter:
    """Writes ``vision.json``, unless the build read no page and the data files
    say what the file says.

    The objects come from the environment, which only reading changes, so
    after a build that read nothing only the data files' part can differ: an
    editor's no-change build does not serialise every object again.
    """

    def __init__(self) -> None:
        self.read_pages = True

    def note_pages_to_read(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        self.read_pages = bool(docnames)

    def write(self, app: Sphinx, exception: Exception | None) -> None:
        if exception is not None or app.builder.name not in HTML_BUILDERS:
            return
        target = Path(app.outdir, EXPORT_NAME)
        if (not self.read_pages and target.is_file()
                and json.loads(target.read_text(encoding='utf-8')).get('data') == data_files(app)):
            return
        text = json.dumps(export_data(app), ensure_ascii=False, indent=1, sort_keys=False)
        target.write_text(text + '\n', encoding='utf-8')


def setup(app: Sphinx) -> None:
    writer = ExportWriter()
    app.connect('env-before-read-docs', writer.note_pages_to_read)
    app.connect('build-finished', writer.write)
