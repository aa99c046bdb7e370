"""Smoke run of the benchmark at tiny size, so that it cannot rot.

Checks that the generator makes buildable projects and that ``bench/run.py``
runs end to end and prints every measure. Never checks how fast anything is:
speed is the benchmark's job (``make bench``), not the tests'.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'bench'))
import generate  # noqa: E402

PAGES, OBJECTS = 6, 30
ENV_ARGS = {'SOURCE_DATE_EPOCH': '1693872000'}


def sphinx_html(src: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'html', '-q', '-W', '--keep-going',
                           str(src), str(out)], capture_output=True, text=True)


@pytest.fixture(scope='module')
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('corpus')
    generate.generate(out, PAGES, OBJECTS, seed=1)
    return out


def test_generator_is_deterministic(corpus, tmp_path):
    generate.generate(tmp_path / 'again', PAGES, OBJECTS, seed=1)
    generate.generate(tmp_path / 'other', PAGES, OBJECTS, seed=2)
    files = sorted(p.relative_to(corpus) for p in corpus.rglob('*') if p.is_file())
    assert len(files) == 3 * (PAGES + 2) + 1  # pages, conf.py, bench.json; ours' readings.yaml
    assert all((tmp_path / 'again' / f).read_bytes() == (corpus / f).read_bytes() for f in files)
    assert (tmp_path / 'other' / 'ours' / 'chapters' / 'c0001.md').read_bytes() != \
        (corpus / 'ours' / 'chapters' / 'c0001.md').read_bytes()


def test_every_variant_has_the_same_objects_and_text(corpus):
    corpus_model = generate.build_corpus(PAGES, OBJECTS, seed=1)
    assert len(corpus_model.objects) == OBJECTS
    for variant in generate.VARIANTS:
        text = ''.join(p.read_text(encoding='utf-8') for p in sorted((corpus / variant).rglob('*.md')))
        for obj in corpus_model.objects:
            assert obj.id in text and obj.title in text, (variant, obj.id)


def test_too_few_pages_is_refused():
    with pytest.raises(ValueError, match='too few'):
        generate.build_corpus(2, OBJECTS)


@pytest.mark.parametrize('variant', ['plain', 'ours'])
def test_generated_project_builds_without_warnings(corpus, tmp_path, variant):
    proc = sphinx_html(corpus / variant, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ''
    page = (tmp_path / 'chapters' / 'c0001.html').read_text(encoding='utf-8')
    edited = generate.build_corpus(PAGES, OBJECTS, seed=1).edited
    assert edited.title in page
    if variant == 'ours':
        assert f'id="vision-goal-{edited.id}"' in page


@pytest.mark.skipif(importlib.util.find_spec('sphinx_needs') is None,
                    reason='sphinx-needs is installed only in the bench venv (make bench)')
def test_needs_project_builds_without_warnings(corpus, tmp_path):
    proc = sphinx_html(corpus / 'needs', tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ''


def test_run_prints_every_measure(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / 'bench' / 'run.py'), '--pages', str(PAGES), '--objects', str(OBJECTS),
         '--repeat', '1', '--scale', '--workdir', str(tmp_path), '--python', sys.executable],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {cells[0]: cells[1:] for cells in
            ([c.strip() for c in line.strip('|').split('|')] for line in proc.stdout.splitlines()
             if line.startswith('| '))}
    variants = ['plain', 'ours'] if importlib.util.find_spec('sphinx_needs') is None else \
        ['plain', 'needs', 'ours']
    assert rows['measure'][:len(variants)] == variants
    seconds = re.compile(r'\d+\.\d\d s')
    for measure, target in [('full build', '≤ 1.1× plain'), ('full build, CPU time', ''),
                            ('full build -j 2', ''), ('incremental build', ''),
                            ('incremental, CPU time', ''), ('no-change rebuild', '≤ 1.2× plain'),
                            ('no-change rebuild, CPU time', ''),
                            ('LaTeX + PDF', ''), ('LaTeX + PDF, CPU time', ''),
                            ('LaTeX + PDF per page', '≤ 1.5× plain')]:
        cells = rows[measure]
        assert all(seconds.fullmatch(c) for c in cells[:len(variants)]), (measure, cells)
        assert re.fullmatch(r'\d+\.\d\d×', cells[-3]), (measure, cells)  # ours/plain
        assert cells[-2] == target
        assert cells[-1] in (('PASS', 'MISS') if target else ('',))
    assert rows['speed-up from -j 2'][-2:][0] == '≥ 1.5×'
    assert rows['speed-up from -j 2'][-1] in ('PASS', 'MISS')
    stale = dict(zip(variants, rows['stale pages after incr.']))
    # Plain has nothing generated: a stale page there would be a fault of the comparison.
    assert stale['plain'] == '0'
    assert re.fullmatch(r'\d+', stale['ours'])
    assert rows['stale pages after incr.'][-1] == ('PASS' if stale['ours'] == '0' else 'MISS')
    assert all(re.fullmatch(r'\d+', c) for c in rows['PDF pages'][:len(variants)])
    assert all(re.fullmatch(r'\d+ MB', c) for c in rows['peak RSS'][:len(variants)])
    assert rows['peak RSS'][-1] in ('PASS', 'MISS')
    assert all(re.fullmatch(r'\d+\.\d\d×', c) for c in rows["ja build / 'en' build"][:len(variants)])
    rewritten = dict(zip(variants, rows['pages rewritten by incr.']))
    # The edited page at least; ours also the pages that show the edited title.
    assert all(int(rewritten[v]) >= 1 for v in variants)
    assert int(rewritten['ours']) > int(rewritten['plain'])
    same = rows["plain made to rewrite ours' pages"]
    assert seconds.fullmatch(same[0]) and re.fullmatch(r'\d+\.\d\d×', same[-3])
    assert same[-2] == "ours' incr. ≤ 0.9× this" and same[-1] in ('PASS', 'MISS')
    assert re.search(r'commit \w+, load average [\d.]+, [\d.]+, [\d.]+$', proc.stdout.split('\n| ')[0])
    assert all(seconds.fullmatch(c) for c in rows['300 objects: time'][:len(variants)]
               if c != '—')
    scaling = rows['300 vs 30 objects']
    assert re.fullmatch(r'\d+\.\d\d×', scaling[0]) and re.fullmatch(r'\d+\.\d\d×', scaling[len(variants) - 1])
    assert scaling[-2:] == ['≤ 12×', scaling[-1]] and scaling[-1] in ('PASS', 'MISS')
