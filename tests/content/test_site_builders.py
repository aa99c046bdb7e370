"""The site: every standard builder runs on the real ``docs/`` without a
warning, and ``vision.json`` holds the vision's objects (the extension's own
tests of the same are in tests/domain/test_domain_builders.py)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from sphinx import locale
from sphinx.cmd.build import build_main

SITE = Path(__file__).resolve().parent.parent.parent
BUILDERS = ('html', 'dirhtml', 'singlehtml', 'latex', 'epub', 'text', 'man', 'texinfo',
            'xml', 'pseudoxml', 'gettext')
SCHEMA = SITE / '_ext' / 'vision' / 'export' / 'vision.schema.json'


@pytest.fixture(scope='module')
def doctrees(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp('doctrees')


def build(builder: str, outdir: Path, doctrees: Path, capsys) -> str:
    try:
        status = build_main(['-b', builder, '-c', str(SITE), '-d', str(doctrees), '-q', '-W',
                             '--keep-going', str(SITE / 'docs'), str(outdir)])
    finally:
        # As SphinxTestApp.cleanup does: message catalogues are cached per
        # process, and later tests' projects must not inherit this one's.
        locale.translators.clear()
    stderr = capsys.readouterr().err
    assert status == 0, stderr
    return stderr


@pytest.mark.parametrize('builder', BUILDERS)
def test_builder_runs_without_warning(builder, tmp_path, doctrees, capsys):
    # The others share one environment (read once); gettext versions its own.
    if builder == 'gettext':
        doctrees = tmp_path / '.doctrees'
    assert build(builder, tmp_path, doctrees, capsys) == ''
    assert any(p.is_file() for p in tmp_path.rglob('*'))


def test_export_is_valid_and_complete(tmp_path, doctrees, capsys):
    build('html', tmp_path, doctrees, capsys)
    data = json.loads((tmp_path / 'vision.json').read_text(encoding='utf-8'))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding='utf-8')))
    by_id = {obj['id']: obj for obj in data['objects']}
    assert [obj['type'] for obj in data['objects']].count('goal') == 14
    assert [obj['type'] for obj in data['objects']].count('opinion') == 26
    goal = by_id['G1-1']
    assert goal['title'] == '地域の事業者が更に安心して継続的に事業を営むことができる世田谷区'
    assert goal['links'] == {'policy': ['P1']}
    assert goal['url'] == 'policies/p1.html#vision-goal-G1-1'
    assert goal['source'] == {'file': 'policies/p1.md', 'line': goal['source']['line']}
    assert (tmp_path / goal['url'].split('#')[0]).is_file()
    assert by_id['P1']['body'] == '区民生活を支える多様な地域産業の持続性の確保に向けた基盤強化を図る'
    members = {member['seat']: member for member in data['data']['members']}
    assert members[1] == {'seat': 1, 'group': '学識経験者', 'name': '長山 宗広',
                          'title': '駒澤大学経済学部教授'}
    meetings = {meeting['number']: meeting for meeting in data['data']['meetings']}
    assert meetings[5] == {'number': 5, 'date': '2023-09-07', 'status': 'planned', 'topics': ''}
