"""A second plan proves that the extension is configuration, not code (issues 20, 27).

``tests/roots/test-other-plan`` is a made-up 「○○市産業振興計画」 with its own
``conf.py``, ``docs/`` and ``data/``: three levels 基本目標 → 施策 → 事業, 成果指標
under 施策, no main theme, declared in ``vision_object_types``. It builds the
HTML, the PDF, the 概要版 and ``vision.json`` with its own names, and none of
the Setagaya vision's words appears anywhere in its output.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from site_builds import ROOT, Build, build_html, build_pdf, run_sphinx

PLAN = ROOT / 'tests' / 'roots' / 'test-other-plan'

#: Words of the Setagaya vision: its ward, document, type names, ordinance, sections.
SETAGAYA_WORDS = ('世田谷', '新産業ビジョン', '基本的方針', '目指す姿', 'メインテーマ', '取組',
                  '意見', '地域経済の持続可能な発展条例', '産業連携交流推進課', '経済産業部')
TEXT_SUFFIXES = {'.html', '.js', '.css', '.json', '.txt', '.tex', '.svg', '.sty', '.xml', '.inv'}


def setagaya_words(text: str) -> list[str]:
    return [word for word in SETAGAYA_WORDS if word in text]


def pdf_text(path: Path) -> str:
    return subprocess.run(['pdftotext', str(path), '-'], capture_output=True, text=True,
                          check=True).stdout


def words_in_output(outdir: Path) -> dict[str, list[str]]:
    """Every Setagaya word in every text file and PDF of ``outdir``, by file."""
    found = {}
    for path in sorted(outdir.rglob('*')):
        if path.suffix in TEXT_SUFFIXES:
            text = path.read_text(encoding='utf-8', errors='replace')
        elif path.suffix == '.pdf':
            text = pdf_text(path)
        else:
            continue
        if words := setagaya_words(text):
            found[str(path.relative_to(outdir))] = words
    return found


@pytest.fixture(scope='module')
def plan_html(tmp_path_factory) -> Build:
    return build_html(PLAN, tmp_path_factory)


@pytest.fixture(scope='module')
def plan_pdf(tmp_path_factory) -> Build:
    return build_pdf(PLAN, tmp_path_factory, 'other-plan.pdf')


@pytest.fixture(scope='module')
def plan_summary(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp('summary')
    proc = run_sphinx('-M', 'latexpdf', str(PLAN / 'docs'), str(out), '-c', str(PLAN), '-W',
                      '--keep-going', '-q', '-D', 'vision_edition=summary')
    return Build(out / 'latex', proc.returncode, proc.stdout[-4000:] + proc.stderr,
                 PLAN / 'docs', 'other-plan-summary.pdf')


def soup(build: Build, page: str) -> BeautifulSoup:
    return BeautifulSoup((build.outdir / page).read_text(encoding='utf-8'), 'html.parser')


def test_the_html_shows_the_plans_own_names(plan_html):
    assert plan_html.returncode == 0, plan_html.stderr
    plan = soup(plan_html, 'plan.html')
    headings = [h.get_text(' ', strip=True) for h in plan.select('.vision-object-title')]
    assert '基本目標1 地域の事業者が育つまち' in headings
    assert '施策1-1 創業の支援' in headings and '事業1 創業相談窓口の運営' in headings
    assert '成果指標1 創業件数' in headings
    backlinks = [p.get_text() for p in plan.select('.vision-backlinks-heading')]
    assert backlinks[:2] == ['この基本目標の施策', 'この施策の事業']
    assert 'この施策の成果指標' in backlinks
    # vision-list filtered by the top level, with the parent's column named after its type.
    table = plan.select_one('table.vision-list-table')
    assert [th.get_text(strip=True) for th in table.select('thead th')] == ['番号', '名称', '基本目標']
    assert len(table.select('tbody tr')) == 2


def test_the_system_table_and_the_diagram_follow_its_levels(plan_html):
    page = soup(plan_html, 'structure.html')
    system = page.select_one('table.vision-system-table')
    assert [th.get_text(strip=True) for th in system.select('thead th')] == ['施策', '事業']
    assert system.select_one('.caption-text').get_text() == '産業振興計画の体系'
    figure = page.select_one('figure.vision-structure-diagram')
    drawn = ''.join(figure.get_text().split())  # the drawing's labels and its text alternative
    for name in ('○○市中小企業振興基本条例', '2つの基本目標', '地域の事業者が育つまち',
                 '創業の支援', '事業3空き店舗の活用支援'):
        assert name in drawn
    assert '産業振興計画の体系図' in figure.get_text()
    outcomes = page.select('table.vision-list-table')[-1]
    assert '創業件数' in outcomes.get_text() and '件' in outcomes.get_text()


def test_vision_json_has_its_types_and_matches_its_schema(plan_html):
    from vision.editions.compare import conf_values
    from vision.export.json_export import schema_for
    from vision.object_types import registry_from

    data = json.loads((plan_html.outdir / 'vision.json').read_text(encoding='utf-8'))
    types = registry_from(conf_values(PLAN).get('vision_object_types'))
    jsonschema.validate(data, schema_for(types))
    assert {obj['type'] for obj in data['objects']} == {'objective', 'measure', 'project', 'outcome'}
    measure = next(obj for obj in data['objects'] if obj['id'] == 'S1-1')
    assert measure['label'] == '施策1-1' and measure['links'] == {'objective': ['B1']}
    assert data['project'] == '○○市産業振興計画'


@pytest.mark.tex
def test_the_pdf_and_the_summary_show_its_own_names(plan_pdf, plan_summary):
    assert plan_pdf.returncode == 0, plan_pdf.stderr
    assert plan_summary.returncode == 0, plan_summary.stderr
    text = pdf_text(plan_pdf.pdf).replace(' ', '')
    for name in ('○○市産業振興計画', '基本目標1地域の事業者が育つまち', 'この基本目標の施策：',
                 '成果指標1創業件数', '2つの基本目標', '○○市'):
        assert name in text
    summary = pdf_text(plan_summary.pdf).replace(' ', '')
    for name in ('○○市産業振興計画（概要版）', '基本目標', '1-1創業の支援', '産業振興計画の体系図'):
        assert name in summary


def test_no_setagaya_word_in_the_html(plan_html):
    assert plan_html.returncode == 0, plan_html.stderr
    assert words_in_output(plan_html.outdir) == {}


@pytest.mark.tex
def test_no_setagaya_word_in_the_pdfs(plan_pdf, plan_summary):
    assert plan_pdf.returncode == 0 and plan_summary.returncode == 0
    assert words_in_output(plan_pdf.outdir) == {}
    assert words_in_output(plan_summary.outdir) == {}


def test_the_word_check_finds_a_planted_word(tmp_path):
    """The control: a page that says 目指す姿, and a PDF of the Setagaya words, are found."""
    (tmp_path / 'page.html').write_text('<p>目指す姿1-1</p>', encoding='utf-8')
    (tmp_path / 'clean.html').write_text('<p>施策1-1</p>', encoding='utf-8')
    assert words_in_output(tmp_path) == {'page.html': ['目指す姿']}
