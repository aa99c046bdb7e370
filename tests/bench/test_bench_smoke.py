"""Smoke run of the benchmark at tiny size, so that it cannot rot.

Checks that the generator makes buildable projects and that ``bench/run.py``
runs end to end and prints every measure. Never checks how fast anything is:
speed is the benchmark's job (``make bench``), not the tests'.
"""

from __future__ import annotations

import importlib.util
import json
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
        capture_output=True, text=True, timeout=900,  # a loaded machine; never a speed check
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


def test_pydata_theme_copies_the_sites_settings(tmp_path):
    generate.generate(tmp_path, PAGES, OBJECTS, seed=1, variants=('plain', 'ours'), theme='pydata')
    plain, ours = ({} for _ in range(2))
    for namespace, variant in ((plain, 'plain'), (ours, 'ours')):
        exec((tmp_path / variant / 'conf.py').read_text(encoding='utf-8'), namespace)  # noqa: S102
    site = generate.site_settings(generate.SITE_SETTINGS + generate.SITE_VISION_SETTINGS)
    assert plain['html_theme'] == ours['html_theme'] == site['html_theme'] == 'pydata_sphinx_theme'
    assert ours['html_theme_options'] == site['html_theme_options']
    assert ours['myst_enable_extensions'] == plain['myst_enable_extensions'] == site['myst_enable_extensions']
    assert ours['numfig'] is plain['numfig'] is site['numfig']
    assert all(ours[name] == site[name] for name in generate.SITE_VISION_SETTINGS)
    # Plain has no extension, so none of its templates (vision-footer-links).
    assert 'vision-footer-links' in site['html_theme_options']['footer_start']
    assert plain['html_theme_options']['footer_start'] == ['copyright']
    assert not any(name.startswith('vision_') for name in plain)
    with pytest.raises(ValueError, match='pydata'):
        generate.generate(tmp_path / 'needs', PAGES, OBJECTS, variants=('needs',), theme='pydata')


def test_plans_layout_lists_each_chapter_under_one_plan(tmp_path):
    """``plans``: the root lists the overviews' section and the plans, each its own pages in order."""
    corpus = generate.build_corpus(40, 300, seed=1, plans=3)
    generate.generate(tmp_path, 40, 300, seed=1, variants=('plain', 'ours'), theme='pydata', plans=3,
                      theme_options={'collapse_navigation': True})

    def toctree(path: Path) -> list[str]:
        text = path.read_text(encoding='utf-8')
        return text.split('```{toctree}\n:maxdepth: 1\n\n', 1)[1].split('\n```', 1)[0].split('\n')

    for variant in ('plain', 'ours'):
        root = tmp_path / variant
        assert toctree(root / 'index.md') == ['overviews/index'] + [f'plans/pl{n:02d}/index' for n in (1, 2, 3)]
        assert toctree(root / 'overviews' / 'index.md') == [page[0].rsplit('/', 1)[1] for page in corpus.overview_pages]
        listed = []
        for n in (1, 2, 3):
            chapters = toctree(root / 'plans' / f'pl{n:02d}' / 'index.md')
            assert all((root / 'plans' / f'pl{n:02d}' / f'{c}.md').is_file() for c in chapters)
            listed += chapters
        assert listed == [page[0].rsplit('/', 1)[1] for page in corpus.content_pages]
        assert len(list(root.rglob('*.md'))) == 40
        namespace = {}
        exec((root / 'conf.py').read_text(encoding='utf-8'), namespace)  # noqa: S102
        assert namespace['html_theme_options']['collapse_navigation'] is True
    manifest = json.loads((tmp_path / 'ours' / 'bench.json').read_text(encoding='utf-8'))
    assert manifest['edit']['file'] == f'{corpus.edited.page}.md' and manifest['pages'] == 40
    assert corpus.edited.page.startswith('plans/pl01/')


def test_family_prints_every_measure(tmp_path):
    """The plan-family scale at 6 and 12 pages: every measure at both sizes and its growth."""
    small, large = 6, 12
    proc = subprocess.run(
        [sys.executable, str(ROOT / 'bench' / 'run.py'), '--family', '--family-pages', f'{large},{small}',
         '--repeat', '1', '--workdir', str(tmp_path), '--python', sys.executable],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    # The builds are quiet (-q): a log holds only warnings, and the site's theme and options give none.
    logs = sorted((tmp_path / f'family-{small}' / 'logs').glob('*.log'))
    assert len(logs) == 8 and all(log.read_text() == '' for log in logs), [log.read_text() for log in logs]
    head, _, body = proc.stdout.partition('\n| ')
    assert re.search(r"plan-family scale, pydata-sphinx-theme, plans of 100 pages, the site's options with "
                     r"\{'collapse_navigation': True\}: 6 pages / 60 objects, "
                     r'12 pages / 120 objects, .*commit \w+, load average [\d.]+, [\d.]+, [\d.]+$', head)
    rows = {cells[0]: cells[1:] for cells in
            ([c.strip() for c in line.strip('|').split('|')] for line in proc.stdout.splitlines()
             if line.startswith('| '))}
    assert rows['measure'] == ['plain', 'ours', 'ours/plain', 'target (ours)', 'ours']
    seconds, factor = re.compile(r'\d+\.\d\d s'), re.compile(r'\d+\.\d\d×')
    measures = ['full build', 'full build, CPU time', 'full build -j 2', 'no-change rebuild',
                'no-change rebuild, CPU time', 'incremental build', 'incremental, CPU time']
    for pages in (small, large):
        # Only the largest size is held to the target.
        target = '≤ 1.2× plain' if pages == large else ''
        for measure in measures:
            plain, ours, ratio, *verdict = rows[f'{pages} pages: {measure}']
            assert seconds.fullmatch(plain) and seconds.fullmatch(ours) and factor.fullmatch(ratio), measure
            assert verdict == ([target, 'PASS'] if target else ['', '']) or verdict == [target, 'MISS']
        rss = rows[f'{pages} pages: peak RSS']
        assert all(re.fullmatch(r'\d+ MB', c) for c in rss[:2]) and factor.fullmatch(rss[2])
        assert rss[3] == target and rss[4] in (('PASS', 'MISS') if target else ('',))
        rewritten = rows[f'{pages} pages: pages rewritten by incr.']
        assert 1 <= int(rewritten[0]) < int(rewritten[1])  # ours also rewrites the pages showing the title
    for measure in measures:
        plain, ours, ratio, target, verdict = rows[f'growth {small} → {large} pages: {measure}']
        assert factor.fullmatch(plain) and factor.fullmatch(ours) and factor.fullmatch(ratio), measure
        assert target == '≤ 2.4×' and verdict in ('PASS', 'MISS')  # 12x for 10x the pages, so 2.4x for 2x
    growth = rows[f'growth {small} → {large} pages: peak RSS']
    assert factor.fullmatch(growth[0]) and factor.fullmatch(growth[1]) and growth[3:] == ['', '']
    # The samples are saved as the run goes, and report again without building.
    again = subprocess.run(
        [sys.executable, str(ROOT / 'bench' / 'run.py'), '--family', '--family-pages', f'{small},{large}',
         '--workdir', str(tmp_path), '--samples', str(tmp_path / 'family-samples.json')],
        capture_output=True, text=True, timeout=60, check=True)
    assert again.stdout.partition('\n| ')[2] == body
