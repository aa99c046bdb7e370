"""Every standard builder runs on a test root without a warning, and the HTML
build's ``vision.json`` export matches its JSON Schema.

The same on the real ``docs/`` is tests/content/test_site_builders.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).resolve().parents[2] / '_ext' / 'vision' / 'export' / 'vision.schema.json'
BUILDERS = ('html', 'dirhtml', 'singlehtml', 'latex', 'epub', 'text', 'man', 'texinfo',
            'xml', 'pseudoxml', 'gettext')


@pytest.mark.parametrize('builder', BUILDERS)
def test_builder_runs_without_warning(builder, views_app, tmp_path):
    app = views_app(builder, srcdir=tmp_path / 'src', builddir=tmp_path / 'out', freshenv=True)
    app.build()
    assert app._warning.getvalue() == ''
    assert any(p.is_file() for p in Path(app.outdir).rglob('*'))


@pytest.fixture
def views_app(make_app, rootdir):
    """The domain-views root, copied, so every builder gets its own tree."""
    import shutil

    def make(builder, srcdir, builddir, freshenv):
        shutil.copytree(rootdir / 'test-domain-views', srcdir)
        # EPUB 3 wants both; the root's conf.py needs neither for the other builders.
        return make_app(builder, srcdir=srcdir, builddir=builddir, freshenv=freshenv,
                        confoverrides={'version': '1', 'copyright': '2023'})
    return make


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_export_is_valid_and_complete(app):
    app.build()
    data = json.loads((app.outdir / 'vision.json').read_text(encoding='utf-8'))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding='utf-8')))
    domain_ids = sorted(app.env.get_domain('vision').objects)
    assert sorted(obj['id'] for obj in data['objects']) == domain_ids
    goal = next(obj for obj in data['objects'] if obj['type'] == 'goal')
    page, _, anchor = goal['url'].partition('#')
    assert anchor == f'vision-goal-{goal["id"]}'
    assert (app.outdir / page).is_file()
    assert goal['source']['file'].endswith('.md') and goal['source']['line'] > 0
    assert all(isinstance(obj['body'], str) for obj in data['objects'])
    assert data['data'] == {}  # the root has no data files


def test_schema_rejects_a_broken_export():
    """The control: the schema is strict enough to catch a wrong id."""
    schema = json.loads(SCHEMA.read_text(encoding='utf-8'))
    broken = {'version': 2, 'project': 'x', 'objects': [{
        'id': 'goal-1', 'type': 'goal', 'label': 'x', 'title': 'x', 'body': '',
        'url': 'a.html#vision-goal-G1-1',
        'links': {}, 'fields': {}, 'tags': [], 'source': {'file': 'a.md', 'line': 1}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_schema_is_the_registrys():
    """The schema's id pattern, type enum and link names are those of the default types."""
    from vision.export.json_export import schema_for
    from vision.object_types import registry_from

    assert schema_for(registry_from(None)) == json.loads(SCHEMA.read_text(encoding='utf-8'))
    project = {'prefix': 'J', 'id_pattern': 'J[0-9]+', 'name': '事業', 'parent': 'initiative',
               'links': {'initiatives': 'initiative'}}
    other = schema_for(registry_from({'project': project}))
    assert other['$defs']['object']['properties']['type']['enum'][-1] == 'project'
    assert 'initiatives' in other['$defs']['object']['properties']['links']['properties']
    assert '|J[0-9]+)$' in other['$defs']['id']['pattern']


def test_export_is_left_alone_by_a_build_that_reads_nothing(rootdir, tmp_path):
    """A no-change build does not write vision.json again; a data file's change
    that no page shows is exported all the same."""
    import shutil

    from sphinx.cmd.build import build_main

    project = tmp_path / 'site'
    shutil.copytree(rootdir / 'test-site', project)
    # No page shows the roster: its data file is exported all the same.
    (project / 'docs' / 'members.md').write_text('# 委員名簿\n\n名簿は別に示す。\n', encoding='utf-8')

    def build() -> Path:
        out = tmp_path / 'out'
        assert build_main(['-q', '-b', 'html', '-c', str(project), str(project / 'docs'),
                           str(out)]) == 0
        return out / 'vision.json'

    export = build()
    first = export.stat().st_mtime_ns
    assert build().stat().st_mtime_ns == first
    members = project / 'data' / 'members.yaml'
    members.write_text(members.read_text(encoding='utf-8').replace('見本 次郎', '見本 三郎'),
                       encoding='utf-8')
    exported = json.loads(build().read_text(encoding='utf-8'))
    assert '見本 三郎' in [member['name'] for member in exported['data']['members']]
