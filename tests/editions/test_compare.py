"""The 新旧対照表: two test roots (old and new) built with real Sphinx, compared
row by row, rendered to HTML and LaTeX, and ``make compare`` run end to end
in a scratch git repository.

Between the roots: P1's statement and G1-1's title change (継続的 → 持続的),
G1-2 moves from P1 to P2 (and so is renumbered G2-3), G1-3 is removed, G2-1 is
added; member ② changes
name and ③ is added; meeting 2 moves to another day.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

from vision.editions import compare_html, compare_latex
from vision.editions.comparison import Segment, compare

ROOT = Path(__file__).resolve().parents[2]
ROOTS = ROOT / 'tests' / 'roots'
MAKE_ENV = {**os.environ, 'SOURCE_DATE_EPOCH': '1693872000'}


def build_export(root: Path, outdir: Path) -> dict:
    status = build_main(['-b', 'html', '-c', str(root), '-q', '-W', '-d', str(outdir / '.doctrees'),
                         str(root / 'docs'), str(outdir)])
    assert status == 0
    return json.loads((outdir / 'vision.json').read_text(encoding='utf-8'))


@pytest.fixture(scope='module')
def comparison(tmp_path_factory):
    out = tmp_path_factory.mktemp('editions')
    old = build_export(ROOTS / 'test-editions-old', out / 'old')
    new = build_export(ROOTS / 'test-editions-new', out / 'new')
    return compare(old, new)


def test_rows_in_the_visions_order(comparison):
    assert [(row.key, row.change) for row in comparison.rows] == [
        ('policy:P1', 'changed'),
        ('goal:G1-1', 'changed'),
        ('goal:G1-3', 'removed'),
        ('goal:G2-1', 'added'),
        ('goal:G2-3', 'changed'),  # moved from P1 (G1-2): one row, under P2
        ('meeting:2', 'changed'),
        ('member:2', 'changed'),
        ('member:3', 'added'),
    ]
    assert dict(comparison.unchanged) == {'theme': 1, 'policy': 1, 'goal': 1, 'opinion': 1,
                                          'meeting': 1, 'member': 1}


def row(comparison, key):
    return next(r for r in comparison.rows if r.key == key)


def changed_words(lines, caption):
    line = next(line for line in lines if line.caption == caption)
    return [segment.text for segment in line.segments if segment.changed]


def test_changed_words_are_whole_words(comparison):
    goal = row(comparison, 'goal:G1-1')
    assert changed_words(goal.new, '名称') == ['持続的']
    assert changed_words(goal.old, '名称') == ['継続的']
    assert Segment('事業者が', False) in next(line.segments for line in goal.new)
    policy = row(comparison, 'policy:P1')
    assert changed_words(policy.new, '内容') == ['の', '推進する']
    assert changed_words(policy.old, '内容') == ['図る']


def test_a_moved_goal_shows_its_new_policy_and_number(comparison):
    moved = row(comparison, 'goal:G2-3')
    assert (moved.label, moved.old_label, moved.renumbered) == ('目指す姿2-3', '目指す姿1-2', True)
    assert changed_words(moved.new, '基本的方針') == ['②']
    assert changed_words(moved.old, '基本的方針') == ['①']
    assert changed_words(moved.new, '名称') == []


def test_added_and_removed_sides(comparison):
    added, removed = row(comparison, 'goal:G2-1'), row(comparison, 'goal:G1-3')
    assert added.old is None and removed.new is None
    assert changed_words(added.new, '名称') == ['誰もが働きやすい世田谷区']
    assert changed_words(row(comparison, 'member:2').new, '氏名') == ['佐藤 次郎']
    assert changed_words(row(comparison, 'meeting:2').new, '開催日') == ['6月5日']


def test_html_underlines_words_on_both_sides(comparison):
    page = compare_html.render(comparison, '試験ビジョン', '素案', '../html')
    soup = BeautifulSoup(page, 'html.parser')
    assert soup.html['lang'] == 'ja'
    assert soup.find(string='（傍線部分は改正部分）')
    goal = soup.find('tr', id='row-goal-G1-1')
    new_cell, old_cell = goal.find_all('td')
    assert [ins.text for ins in new_cell.find_all('ins')] == ['持続的']
    assert [d.text for d in old_cell.find_all('del')] == ['継続的']
    assert new_cell.find('a')['href'] == '../html/index.html#vision-goal-G1-1'
    assert soup.find('tr', id='row-goal-G2-1').find_all('td')[1].text == '（新設）'
    assert soup.find('tr', id='row-goal-G1-3').find_all('td')[0].text == '（削る）'
    moved_new, moved_old = soup.find('tr', id='row-goal-G2-3').find_all('td')
    assert moved_new.find('p', class_='item').ins.text == '目指す姿2-3'
    assert moved_old.find('p', class_='item').find('del').text == '目指す姿1-2'
    counts = {tr.th.text: [td.text for td in tr.find_all('td')]
              for tr in soup.find('table', class_='counts').tbody.find_all('tr')}
    assert counts['目指す姿'] == ['1', '1', '2', '1']
    assert counts['委員'] == ['1', '0', '1', '1']
    links = [a['href'] for a in soup.find('ul', class_='changes').find_all('a')]
    assert '../html/index.html#vision-goal-G2-1' in links


@pytest.mark.tex
def test_latex_underlines_words_and_typesets(comparison, tmp_path):
    tex = compare_latex.render(comparison, '試験ビジョン', '素案', '')
    assert r'\kaisei{持続的}' in tex and r'\kaisei{継続的}' in tex
    assert r'\kaisei{持}' not in tex
    assert r'\kaisei{目指す姿2\sphinxhyphen{}3}' in tex
    assert '（傍線部分は改正部分）' in tex and '（新設）' in tex and '（削る）' in tex
    pdf = compare_latex.typeset(tex, tmp_path, 'shinkyu')
    text = subprocess.run(['pdftotext', '-layout', str(pdf), '-'], capture_output=True,
                          text=True, check=True).stdout
    assert '改正後' in text and '改正前' in text and '持続的' in text


# -- make compare in a scratch repository ------------------------------------------------

def git(repo: Path, *args: str) -> str:
    return subprocess.run(['git', '-c', 'user.name=t', '-c', 'user.email=t@example.invalid',
                           *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def commit_root(repo: Path, root: Path, message: str) -> None:
    for name in ('conf.py', 'docs', 'data'):
        target = repo / name
        if target.is_dir():
            shutil.rmtree(target)
        if (root / name).is_dir():
            shutil.copytree(root / name, target)
        else:
            shutil.copy(root / name, target)
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', message)


def make_compare(repo: Path, base: str) -> subprocess.CompletedProcess:
    return subprocess.run(['make', '--no-print-directory', 'compare', f'BASE={base}', 'DEPS=',
                           f'VENV={ROOT / ".venv"}', 'SPHINXOPTS=-W -q'],
                          cwd=repo, capture_output=True, text=True, env=MAKE_ENV, check=False)


@pytest.fixture(scope='module')
def scratch(tmp_path_factory) -> Path:
    """Three commits: the old root (tagged 素案), one that does not build, the new root."""
    repo = tmp_path_factory.mktemp('scratch')
    git(repo, 'init', '-q')
    shutil.copy(ROOT / 'Makefile', repo / 'Makefile')
    shutil.copytree(ROOT / '_ext', repo / '_ext', ignore=shutil.ignore_patterns('__pycache__'))
    (repo / '.gitignore').write_text('_build/\n')
    commit_root(repo, ROOTS / 'test-editions-old', 'old')
    git(repo, 'tag', '素案')
    (repo / 'conf.py').write_text("extensions = ['no_such_extension']\n")
    git(repo, 'commit', '-q', '-am', 'broken')
    git(repo, 'tag', 'broken')
    commit_root(repo, ROOTS / 'test-editions-new', 'new')
    return repo


@pytest.mark.tex
def test_make_compare_writes_both_editions(scratch):
    proc = make_compare(scratch, '素案')
    assert proc.returncode == 0, proc.stderr
    page = BeautifulSoup((scratch / '_build/compare/index.html').read_text(), 'html.parser')
    assert [tr['id'] for tr in page.find('table', class_='shinkyu').tbody.find_all('tr')][:3] == [
        'row-policy-P1', 'row-goal-G1-1', 'row-goal-G1-3']
    assert (scratch / '_build/html/index.html').is_file()
    fonts = subprocess.run(['pdffonts', str(scratch / '_build/compare/shinkyu.pdf')],
                           capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == 'yes' for line in fonts), fonts
    assert 'Traceback' not in proc.stderr


@pytest.mark.parametrize(('base', 'message'), [
    ('no-such-stage', "make compare: BASE='no-such-stage' is not a revision of this repository"),
    ('broken', "make compare: BASE='broken' ("),
])
def test_a_bad_base_is_one_line_naming_it(scratch, base, message):
    proc = make_compare(scratch, base)
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines()
              if line.startswith('make compare:')]
    assert len(errors) == 1 and errors[0].startswith(message), proc.stderr
    assert 'Traceback' not in proc.stderr
    if base == 'broken':
        assert 'does not build' in errors[0] and 'no_such_extension' in errors[0]


@pytest.mark.tex
def test_the_compare_page_is_valid_accessible_and_offline(scratch):
    if not (scratch / '_build/compare/index.html').is_file():
        assert make_compare(scratch, '素案').returncode == 0
    sys.path.insert(0, str(ROOT / 'tests' / 'web'))
    from nu_checker import nu_errors  # noqa: PLC0415 (the web tests' harness)
    from web_harness import run_browser, serve  # noqa: PLC0415

    assert nu_errors([scratch / '_build/compare/index.html']) == []

    with serve(scratch / '_build') as base:
        report = run_browser(base, checks=['pages', 'dark'], pages=['compare/index.html'])
    assert report['axe'] == {'compare/index.html': []}
    assert report['axeDark'] == {'compare/index.html': []}
    offline = report['offline']['compare/index.html']
    assert not offline['foreign'] and not offline['failed']
