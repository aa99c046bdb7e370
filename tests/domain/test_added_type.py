"""A fourth level added in a test root's ``conf.py`` (事業 under 取組, issue 27):
with no code change it has its directive and role, a ``vision-list`` table,
its backlinks, its boxes in the 体系図, its objects in ``vision.json`` and the
PDF, and ``make new`` adds one."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from site_builds import ROOT, run_sphinx

ADDED = ROOT / 'tests' / 'roots' / 'test-added-type'


@pytest.mark.sphinx('html', testroot='added-type', freshenv=True)
def test_the_added_type_is_in_directives_tables_diagram_and_json(app):
    app.build()
    assert app._warning.getvalue() == ''
    page = BeautifulSoup((app.outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    headings = [h.get_text(' ', strip=True) for h in page.select('.vision-object-title')]
    assert '事業1 相談窓口の運営' in headings
    assert [p.get_text() for p in page.select('.vision-backlinks-heading')][-1] == 'この取組の事業'
    table = page.select_one('table.vision-list-table')
    assert [th.get_text(strip=True) for th in table.select('thead th')] == ['番号', '名称', '単位', '取組']
    assert [td.get_text(strip=True) for td in table.select('tbody td')] == [
        '事業1', '相談窓口の運営', '件', '取組1']
    role = page.find('a', href='#vision-project-J1', string=None)
    assert role is not None
    figure = page.select_one('figure.vision-structure-diagram')
    drawn = ''.join(figure.select_one('svg').get_text().split())
    assert '事業1相談窓口の運営' in drawn and '取組1取組一' in drawn
    data = json.loads((app.outdir / 'vision.json').read_text(encoding='utf-8'))
    project = next(obj for obj in data['objects'] if obj['id'] == 'J1')
    assert (project['type'], project['label'], project['links']) == (
        'project', '事業1', {'initiatives': ['I1']})


@pytest.mark.tex
def test_the_added_type_is_in_the_pdf(tmp_path):
    proc = run_sphinx('-M', 'latexpdf', str(ADDED), str(tmp_path), '-W', '--keep-going', '-q')
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    text = subprocess.run(['pdftotext', str(tmp_path / 'latex' / 'added-type.pdf'), '-'],
                          capture_output=True, text=True, check=True).stdout.replace(' ', '')
    assert '事業1相談窓口の運営' in text and 'この取組の事業：事業1' in text


def test_make_new_adds_the_added_type(tmp_path):
    site = tmp_path / 'site'
    shutil.copytree(ADDED, site)
    tool = ROOT / 'tools' / 'new_object.py'
    proc = subprocess.run([sys.executable, str(tool), '--docs', str(site), 'project', 'I1'],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert '事業 J2 を追加しました（I1）' in proc.stdout
    text = (site / 'index.md').read_text(encoding='utf-8')
    assert ':::{project} J2\n:initiatives: I1\n:title: （名称を書く）\n（事業の内容を書く。' in text
    assert text.index(':::{project} J1') < text.index(':::{project} J2') < text.index('{project}`J1`')
    listed = subprocess.run([sys.executable, str(tool), '--docs', str(site), 'nothing', 'I1'],
                            capture_output=True, text=True)
    assert 'project' in listed.stderr  # named among the types make new accepts
