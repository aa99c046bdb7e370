"""Benchmark the vision extension against plain Sphinx and sphinx-needs (issue 6).

Generates the synthetic corpus (``bench/generate.py``) three ways and builds
each variant side by side in one run: every step runs for all variants before
the next step, the variants' order rotates each repetition, and each measure is
the median over the repetitions, so machine drift cancels out. Prints, against
plain Sphinx, the full build, the full build with ``-j 2`` (and the speed-up),
the incremental build after one title is edited (and its stale pages against a
clean build of the edited sources), the no-change rebuild, LaTeX plus PDF, peak
RSS, and a ``language='ja'`` build against an ``'en'`` one; with ``--scale``
also plain and ours at ten times the objects on the same pages. The
incremental build's rewritten pages are counted, and plain is made to rewrite
the same pages, the floor for an update that leaves nothing stale.

``--family`` runs the plan-family scale instead (issue 21): plain and ours with
the site's theme and options (pydata-sphinx-theme, ``generate.py --theme
pydata``) at 200 pages / 2,000 objects and at 2,000 pages / 20,000 objects
(``--family-pages``), and the growth of each measure from the first size to
the last. The family is organised as plans of 100 chapters each (the root
lists the plans, each plan its chapters) and built with the theme's
``collapse_navigation``, as a site of that size would be; ``--family-layout
flat`` lists every chapter from the root with the site's options unchanged.

Usage: python bench/run.py [--pages 200] [--objects 2000] [--repeat 3] [--scale] [--quick]
       python bench/run.py --family [--family-pages 200,2000] [--repeat 3]
``make bench`` runs it in its own venv (``bench/_work/venv``) with sphinx-needs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

BENCH = Path(__file__).resolve().parent
DEFAULT_WORKDIR = BENCH / '_work'
BENCH_PYTHON = DEFAULT_WORKDIR / 'venv' / 'bin' / 'python'
SCALE = 10
#: The quick mode's corpus: a tenth of the full bench's build time, the same ratios.
QUICK_PAGES, QUICK_OBJECTS = 100, 1000
#: The plan-family scale: a vision's size, then a ward's 基本計画, 実施計画 and
#: 20+ sector plans (issue 21); ten objects per page at either size.
FAMILY_PAGES = (200, 2000)
FAMILY_OBJECTS_PER_PAGE = 10
#: A plan of the family: its index and about a hundred chapters.
FAMILY_PAGES_PER_PLAN = 100
#: The theme's documented option for large sites, in the family's plans layout.
FAMILY_THEME_OPTIONS = {'collapse_navigation': True}
#: Issue 21's targets at the family's largest size, and for its growth over 10x
#: the pages (scaled to other ratios of sizes: 2.4x for twice the pages).
FAMILY_RATIO, FAMILY_GROWTH = 1.2, 12.0
ENV = {**os.environ, 'SOURCE_DATE_EPOCH': '1693872000', 'FORCE_SOURCE_DATE': '1'}


class BuildFailed(Exception):
    """A build exited non-zero; the measure is reported as failed, the run goes on."""


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


@dataclass
class Samples:
    """Every measurement of one variant, by measure name."""

    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    rss: list[float] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    stale_pages: set[str] = field(default_factory=set)
    #: pages the incremental build wrote, by repetition
    rewritten: list[list[str]] = field(default_factory=list)
    #: full-build times at SCALE times the objects
    scaled: list[float] = field(default_factory=list)
    pdf_pages: list[int] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)

    def add(self, measure: str, run: Run) -> None:
        self.times.setdefault(measure, []).append(run.seconds)
        self.cpu.setdefault(measure, []).append(run.cpu_seconds)

    def median(self, measure: str, cpu: bool = False) -> float | None:
        values = (self.cpu if cpu else self.times).get(measure)
        return statistics.median(values) if values else None


class Builder:
    """Runs ``sphinx-build`` as a child process and measures it.

    The peak RSS and the CPU time come from ``wait4``: the largest resident set
    of the child and of any process it waited for (``-j`` workers, latexmk and
    TeX), and the CPU time of all of them. CPU time is less disturbed than wall
    time when other work shares the machine.
    """

    def __init__(self, python: str, verbose: bool) -> None:
        self.python = python
        self.verbose = verbose

    def run(self, args: list[str], log: Path) -> Run:
        command = [self.python, '-m', 'sphinx', *args]
        if self.verbose:
            print('  $', ' '.join(command), flush=True)
        with log.open('w') as out:
            start = time.perf_counter()
            proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=ENV)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise BuildFailed(f'sphinx-build failed ({proc.returncode}): {" ".join(command)}\n'
                              f'see {log}:\n{log.read_text()[-2000:]}')
        run = Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        if self.verbose:
            print(f'    {run.seconds:.2f} s, CPU {run.cpu_seconds:.2f} s, {run.peak_rss_mb:.0f} MB', flush=True)
        return run

    def html(self, src: Path, out: Path, log: Path, *extra: str) -> Run:
        return self.run(['-b', 'html', '-q', *extra, str(src), str(out)], log)


#: sphinx-needs gives each need's container a random id (``SNCB-<8 hex>``) on
#: every build; without this, every page with a need would count as stale.
_RANDOM_IDS = re.compile(rb'SNCB-[0-9a-f]{8}')


def html_files(outdir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(outdir)): _RANDOM_IDS.sub(b'SNCB-', path.read_bytes())
            for path in sorted(outdir.rglob('*.html'))}


def written_times(outdir: Path) -> dict[str, int]:
    return {str(path.relative_to(outdir)): path.stat().st_mtime_ns for path in outdir.rglob('*.html')}


def rewritten_pages(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """Content pages a build wrote (Sphinx's generated genindex/search pages aside)."""
    generated = {'genindex.html', 'search.html', 'vision-index.html', 'py-modindex.html'}
    return sorted(name for name, mtime in after.items()
                  if before.get(name) != mtime and name not in generated)


def stale_pages(incremental: Path, clean: Path) -> list[str]:
    """HTML pages whose incremental output differs from the clean build's."""
    new, fresh = html_files(incremental), html_files(clean)
    return sorted(name for name in set(new) | set(fresh) if new.get(name) != fresh.get(name))


def pdf_page_count(latexdir: Path) -> int:
    pdf = latexdir / 'bench.pdf'
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    return next(int(line.split()[-1]) for line in info.splitlines() if line.startswith('Pages:'))


def reset_tree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


class Bench:
    def __init__(self, args: argparse.Namespace, variants: list[str]) -> None:
        self.args = args
        self.variants = variants
        self.work = args.workdir
        self.builder = Builder(args.python, args.verbose)
        self.samples = {variant: Samples() for variant in variants}

    def pristine(self, variant: str) -> Path:
        return self.work / 'corpus' / variant

    def src(self, variant: str) -> Path:
        return self.work / 'src' / variant

    def out(self, variant: str, name: str) -> Path:
        return self.work / 'out' / variant / name

    def log(self, variant: str, name: str) -> Path:
        path = self.work / 'logs' / f'{variant}-{name}.log'
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def edit(self, variant: str, apply: bool) -> None:
        """Edit (or restore) one object's title where it is defined."""
        manifest = json.loads((self.src(variant) / 'bench.json').read_text(encoding='utf-8'))['edit']
        page = self.src(variant) / manifest['file']
        text = page.read_text(encoding='utf-8')
        old, new = (manifest['old'], manifest['new']) if apply else (manifest['new'], manifest['old'])
        if text.count(old) != 1:
            raise SystemExit(f'{page}: the edited object is not found exactly once')
        page.write_text(text.replace(old, new), encoding='utf-8')

    def step(self, measure: str, title: str, repetition: int, action,
             variants: list[str] | None = None, repetitions: int | None = None) -> None:
        """Run ``action`` for each variant, in an order that rotates with ``repetition``."""
        variants = variants or self.variants
        order = variants[repetition % len(variants):] + variants[:repetition % len(variants)]
        for variant in order:
            print(f'[{repetition + 1}/{repetitions or self.args.repeat}] {title}: {variant}', flush=True)
            try:
                action(variant, self.samples[variant])
            except BuildFailed as error:
                print(error, flush=True)
                self.samples[variant].failed.add(measure)

    def repetition(self, rep: int) -> None:
        def full(variant: str, samples: Samples) -> None:
            shutil.copytree(self.pristine(variant), self.src(variant), dirs_exist_ok=True)
            reset_tree(self.out(variant, 'inc'))
            run = self.builder.html(self.src(variant), self.out(variant, 'inc'), self.log(variant, 'full'))
            samples.add('full', run)
            samples.rss.append(run.peak_rss_mb)

        def nochange(variant: str, samples: Samples) -> None:
            run = self.builder.html(self.src(variant), self.out(variant, 'inc'), self.log(variant, 'nochange'))
            samples.add('nochange', run)

        def incremental(variant: str, samples: Samples) -> None:
            before = written_times(self.out(variant, 'inc'))
            self.edit(variant, apply=True)
            run = self.builder.html(self.src(variant), self.out(variant, 'inc'), self.log(variant, 'incremental'))
            samples.add('incremental', run)
            samples.rewritten.append(rewritten_pages(before, written_times(self.out(variant, 'inc'))))

        def same_pages(variant: str, samples: Samples) -> None:
            """Plain, made to rewrite the pages ours rewrote: the floor for a
            correct update. Plain also rereads them, which ours does not."""
            if variant != 'plain' or not self.samples['ours'].rewritten:
                return
            inc = self.out(variant, 'inc')
            self.builder.html(self.src(variant), inc, self.log(variant, 'restore'))
            self.edit(variant, apply=True)
            for page in self.samples['ours'].rewritten[-1]:
                source = self.src(variant) / page.replace('.html', '.md')
                if source.is_file():  # not a page the extension makes (404.html)
                    os.utime(source, (source.stat().st_atime, time.time() + 1))
            samples.add('same-pages', self.builder.html(self.src(variant), inc, self.log(variant, 'same-pages')))
            self.edit(variant, apply=False)

        def clean_of_edit(variant: str, samples: Samples) -> None:
            reset_tree(self.out(variant, 'clean'))
            run = self.builder.html(self.src(variant), self.out(variant, 'clean'), self.log(variant, 'clean'))
            samples.add('full', run)
            samples.rss.append(run.peak_rss_mb)
            stale = stale_pages(self.out(variant, 'inc'), self.out(variant, 'clean'))
            samples.stale.append(len(stale))
            samples.stale_pages.update(stale)
            self.edit(variant, apply=False)

        def parallel(variant: str, samples: Samples) -> None:
            reset_tree(self.out(variant, 'j2'))
            run = self.builder.html(self.src(variant), self.out(variant, 'j2'), self.log(variant, 'j2'), '-j', '2')
            samples.add('j2', run)

        def english(variant: str, samples: Samples) -> None:
            reset_tree(self.out(variant, 'en'))
            run = self.builder.html(self.src(variant), self.out(variant, 'en'), self.log(variant, 'en'),
                                    '-D', 'language=en')
            samples.add('en', run)

        def latexpdf(variant: str, samples: Samples) -> None:
            reset_tree(self.out(variant, 'pdf'))
            run = self.builder.run(['-M', 'latexpdf', str(self.src(variant)), str(self.out(variant, 'pdf')), '-q'],
                                   self.log(variant, 'latexpdf'))
            samples.add('latexpdf', run)
            samples.pdf_pages.append(pdf_page_count(self.out(variant, 'pdf') / 'latex'))

        steps = [('full', 'full build', full), ('nochange', 'no-change rebuild', nochange),
                 ('incremental', 'incremental build', incremental),
                 ('full', 'clean build of the edit', clean_of_edit),
                 ('same-pages', "plain rewriting ours' pages", same_pages),
                 ('j2', 'full build -j 2', parallel),
                 ('en', "language='en' build", english)]
        if not self.args.no_pdf:
            steps.append(('latexpdf', 'LaTeX + PDF', latexpdf))
        for measure, title, action in steps:
            self.step(measure, title, rep, action)

    def scaled(self) -> None:
        """Full builds at SCALE times the objects, on as many pages.

        The policies, goals and overview pages stay as they are and the
        initiatives, indicators and opinions grow, as a real vision grows; the
        pages stay too, so Sphinx's own per-page costs (the sidebar's global
        table of contents is quadratic in pages) do not mask the extension's.
        Plain is built too, for its own factor.
        """
        corpus = self.work / 'corpus-scaled'
        variants = [v for v in ('plain', 'ours') if v in self.variants]
        generate.generate(corpus, self.args.pages, self.args.objects * SCALE, self.args.seed,
                          self.args.language, tuple(variants),
                          policies=max(1, self.args.objects // generate.OBJECTS_PER_POLICY))

        def full(variant: str, samples: Samples) -> None:
            out = self.out(variant, 'scaled')
            reset_tree(out)
            samples.scaled.append(self.builder.html(corpus / variant, out, self.log(variant, 'scaled')).seconds)

        for rep in range(self.args.scale_repeat):
            self.step('scaled', f'full build at {SCALE}x the objects', rep, full, variants,
                      self.args.scale_repeat)

    def measure(self) -> None:
        reset_tree(self.work / 'src')
        generate.generate(self.work / 'corpus', self.args.pages, self.args.objects, self.args.seed,
                          self.args.language, tuple(self.variants))
        for rep in range(self.args.repeat):
            self.repetition(rep)
        if self.args.scale:
            self.scaled()


class Family:
    """The plan-family scale (issue 21): plain and ours with the site's theme at each size.

    One :class:`Bench` per size, each in its own work folder. The sizes run
    smallest first; at each, every step runs for both variants before the
    next step (the order rotating with the repetition): full build (its peak
    RSS), no-change rebuild, incremental build after the G1-1 title edit
    (then undone), full build with ``-j 2``. The first three come first, so a
    run stopped early still has them.
    """

    variants = ['plain', 'ours']

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.sizes = sorted(args.family_pages)
        self.benches = {}
        for pages in self.sizes:
            sized = argparse.Namespace(**{**vars(args), 'pages': pages,
                                          'objects': pages * FAMILY_OBJECTS_PER_PAGE,
                                          'workdir': args.workdir / f'family-{pages}'})
            self.benches[pages] = Bench(sized, self.variants)

    def measure(self) -> None:
        for pages, bench in self.benches.items():
            reset_tree(bench.work / 'src')
            nested = self.args.family_layout == 'plans'
            generate.generate(bench.work / 'corpus', pages, pages * FAMILY_OBJECTS_PER_PAGE, self.args.seed,
                              self.args.language, tuple(self.variants), theme='pydata',
                              plans=max(1, pages // FAMILY_PAGES_PER_PLAN) if nested else 0,
                              theme_options=FAMILY_THEME_OPTIONS if nested else None)
            for rep in range(self.args.repeat):
                self.repetition(bench, rep)
            print(f'\n{pages:,} pages measured, load average {load_average()}\n', flush=True)

    def save(self) -> None:
        """Every sample so far, so that a run stopped early can still be reported (``--samples``)."""
        data = {pages: {v: {**vars(bench.samples[v]), 'stale_pages': [], 'failed': sorted(bench.samples[v].failed)}
                        for v in self.variants} for pages, bench in self.benches.items()}
        (self.args.workdir / 'family-samples.json').write_text(json.dumps(data, indent=1), encoding='utf-8')

    def load(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding='utf-8'))
        for pages, bench in self.benches.items():
            for variant, saved in data.get(str(pages), {}).items():
                bench.samples[variant] = Samples(**{**saved, 'stale_pages': set(), 'failed': set(saved['failed'])})

    def repetition(self, bench: Bench, rep: int) -> None:
        label = f'{bench.args.pages:,} pages'

        def full(variant: str, samples: Samples) -> None:
            shutil.copytree(bench.pristine(variant), bench.src(variant), dirs_exist_ok=True)
            reset_tree(bench.out(variant, 'inc'))
            run = bench.builder.html(bench.src(variant), bench.out(variant, 'inc'), bench.log(variant, 'full'))
            samples.add('full', run)
            samples.rss.append(run.peak_rss_mb)

        def nochange(variant: str, samples: Samples) -> None:
            samples.add('nochange', bench.builder.html(bench.src(variant), bench.out(variant, 'inc'),
                                                       bench.log(variant, 'nochange')))

        def incremental(variant: str, samples: Samples) -> None:
            out = bench.out(variant, 'inc')
            before = written_times(out)
            bench.edit(variant, apply=True)
            try:
                samples.add('incremental', bench.builder.html(bench.src(variant), out,
                                                              bench.log(variant, 'incremental')))
            finally:
                bench.edit(variant, apply=False)
            samples.rewritten.append(rewritten_pages(before, written_times(out)))

        def parallel(variant: str, samples: Samples) -> None:
            reset_tree(bench.out(variant, 'j2'))
            samples.add('j2', bench.builder.html(bench.src(variant), bench.out(variant, 'j2'),
                                                 bench.log(variant, 'j2'), '-j', '2'))

        for measure, title, action in [('full', 'full build', full), ('nochange', 'no-change rebuild', nochange),
                                       ('incremental', 'incremental build', incremental),
                                       ('j2', 'full build -j 2', parallel)]:
            bench.step(measure, f'{label}, {title}', rep, self.saving(action))

    def saving(self, action):
        """``action``, then every sample so far saved: a run stopped mid-step keeps its builds."""
        def run_and_save(variant: str, samples: Samples) -> None:
            try:
                action(variant, samples)
            finally:
                self.save()
        return run_and_save


# -- Report ---------------------------------------------------------------------

def _ratio(value: float | None, floor: float | None) -> float | None:
    return value / floor if value is not None and floor else None


def _fmt(value: float | None, unit: str, failed: bool = False) -> str:
    if failed:
        return 'failed'
    if value is None:
        return '—'
    return f'{value:.0f} MB' if unit == 'MB' else f'{value:.2f}{unit}'


def _verdict(value: float | None, limit: float | None, at_least: bool = False) -> str:
    if value is None or limit is None:
        return ''
    return 'PASS' if (value >= limit if at_least else value <= limit) else 'MISS'


def report(samples: dict[str, Samples], variants: list[str], args: argparse.Namespace) -> str:
    """The results table: each variant's value, its ratio against plain, ours' target."""
    def med(variant: str, measure: str, cpu: bool = False) -> float | None:
        return samples[variant].median(measure, cpu) if variant in samples else None

    rows = []  # (measure, {variant: text}, {variant: ratio}, target text, verdict)

    def timed(label: str, measure: str, limit: float | None, target: str, cpu: bool = False) -> None:
        values = {v: med(v, measure, cpu) for v in variants}
        ratios = {v: _ratio(values[v], values.get('plain')) for v in variants}
        rows.append((label, {v: _fmt(values[v], ' s', measure in samples[v].failed) for v in variants},
                     ratios, target,
                     _verdict(ratios.get('ours'), limit)))

    timed('full build', 'full', 1.1, '≤ 1.1× plain')
    timed('full build, CPU time', 'full', None, '', cpu=True)
    timed('full build -j 2', 'j2', None, '')
    speedups = {v: _ratio(med(v, 'full'), med(v, 'j2')) for v in variants}
    rows.append(('speed-up from -j 2', {v: _fmt(speedups[v], '×') for v in variants}, {}, '≥ 1.5×',
                 _verdict(speedups.get('ours'), 1.5, at_least=True)))
    timed('incremental build', 'incremental', None, '')
    timed('incremental, CPU time', 'incremental', None, '', cpu=True)
    rewritten = {v: statistics.median(len(r) for r in samples[v].rewritten) if samples[v].rewritten else None
                 for v in variants}
    rows.append(('pages rewritten by incr.', {v: '—' if rewritten[v] is None else f'{rewritten[v]:.0f}'
                                             for v in variants}, {}, '', ''))
    if samples['plain'].median('same-pages') is not None:
        same = samples['plain'].median('same-pages')
        same_ratio = _ratio(med('ours', 'incremental'), same)
        rows.append(("plain made to rewrite ours' pages", {v: _fmt(same, ' s') if v == 'plain' else '—'
                                                          for v in variants},
                     {v: same_ratio for v in variants if v == 'ours'},
                     "ours' incr. ≤ 0.9× this", _verdict(same_ratio, 0.9)))
    stale = {v: max(samples[v].stale) if samples[v].stale else None for v in variants}
    rows.append(('stale pages after incr.', {v: '—' if stale[v] is None else str(stale[v]) for v in variants},
                 {}, '0', '' if stale.get('ours') is None else ('PASS' if stale['ours'] == 0 else 'MISS')))
    timed('no-change rebuild', 'nochange', 1.2, '≤ 1.2× plain')
    timed('no-change rebuild, CPU time', 'nochange', None, '', cpu=True)
    if not args.no_pdf:
        timed('LaTeX + PDF', 'latexpdf', None, '')
        timed('LaTeX + PDF, CPU time', 'latexpdf', None, '', cpu=True)
        pages = {v: statistics.median(samples[v].pdf_pages) if samples[v].pdf_pages else None for v in variants}
        rows.append(('PDF pages', {v: '—' if pages[v] is None else f'{pages[v]:.0f}' for v in variants},
                     {v: _ratio(pages[v], pages.get('plain')) for v in variants}, '', ''))
        per_page = {v: _ratio(med(v, 'latexpdf'), pages[v]) for v in variants}
        per_page_ratios = {v: _ratio(per_page[v], per_page.get('plain')) for v in variants}
        rows.append(('LaTeX + PDF per page', {v: _fmt(per_page[v], ' s') for v in variants},
                     per_page_ratios, '≤ 1.5× plain', _verdict(per_page_ratios.get('ours'), 1.5)))
    rss = {v: statistics.median(samples[v].rss) if samples[v].rss else None for v in variants}
    rss_ratios = {v: _ratio(rss[v], rss.get('plain')) for v in variants}
    rows.append(('peak RSS', {v: _fmt(rss[v], 'MB') for v in variants}, rss_ratios, '≤ 1.3× plain',
                 _verdict(rss_ratios.get('ours'), 1.3)))
    ja_en = {v: _ratio(med(v, 'full'), med(v, 'en')) for v in variants}
    rows.append(("ja build / 'en' build", {v: _fmt(ja_en[v], '×') for v in variants}, {}, '', ''))
    if args.scale:
        scaled = {v: statistics.median(samples[v].scaled) if samples[v].scaled else None for v in variants}
        factors = {v: _ratio(scaled[v], med(v, 'full')) for v in variants}
        rows.append((f'{args.objects * SCALE:,} objects: time', {v: _fmt(scaled[v], ' s', 'scaled' in
                                                                          samples[v].failed)
                                                                 for v in variants},
                     {v: _ratio(scaled[v], scaled.get('plain')) for v in variants}, '', ''))
        rows.append((f'{args.objects * SCALE:,} vs {args.objects:,} objects',
                     {v: _fmt(factors[v], '×') for v in variants}, {}, '≤ 12×',
                     _verdict(factors.get('ours'), 12.0)))

    out = [f'{args.pages} pages, {args.objects:,} objects, language={args.language}, '
           f'median of {args.repeat} repetition(s) (full build: {2 * args.repeat} clean builds), '
           f'commit {commit()}, load average {load_average()}']
    out += table(rows, variants)
    for variant in variants:
        if samples[variant].stale_pages:
            out.append(f'stale pages of {variant}: {", ".join(sorted(samples[variant].stale_pages))}')
    return '\n'.join(out)


def table(rows: list[tuple], variants: list[str]) -> list[str]:
    """The rows as a Markdown table: measure, each variant, ratios against plain, target, verdict."""
    ratio_columns = [v for v in variants if v != 'plain']
    header = (['measure'] + variants + [f'{v}/plain' for v in ratio_columns] + ['target (ours)', 'ours'])
    lines = [header]
    for label, texts, ratios, target, verdict in rows:
        lines.append([label] + [texts[v] for v in variants]
                     + [_fmt(ratios.get(v), '×') if ratios else '' for v in ratio_columns] + [target, verdict])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append('| ' + ' | '.join(cell.ljust(widths[i]) for i, cell in enumerate(line)) + ' |')
        if number == 0:
            out.append('|' + '|'.join('-' * (w + 2) for w in widths) + '|')
    return out


#: The family's measures: (label, measure, CPU time or wall).
FAMILY_MEASURES = (('full build', 'full', False), ('full build, CPU time', 'full', True),
                   ('full build -j 2', 'j2', False), ('no-change rebuild', 'nochange', False),
                   ('no-change rebuild, CPU time', 'nochange', True),
                   ('incremental build', 'incremental', False), ('incremental, CPU time', 'incremental', True))


def family_report(family: Family) -> str:
    """The plan-family table: every measure at each size, then its growth.

    Ours is held to issue 21's targets at the largest size (≤ 1.2× plain) and
    for the growth from the first size to the last (≤ 12× for 10× the
    pages); plain's growth is printed beside ours', since the theme's
    navigation can make plain itself grow faster than the pages.
    """
    variants = family.variants
    largest, smallest = max(family.sizes), min(family.sizes)
    rows = []

    def values(pages: int, measure: str, cpu: bool) -> dict[str, float | None]:
        samples = family.benches[pages].samples
        if measure == 'rss':
            return {v: statistics.median(samples[v].rss) if samples[v].rss else None for v in variants}
        return {v: samples[v].median(measure, cpu) for v in variants}

    for pages in family.sizes:
        samples = family.benches[pages].samples
        prefix = f'{pages:,} pages: '
        target = f'≤ {FAMILY_RATIO}× plain' if pages == largest else ''
        limit = FAMILY_RATIO if pages == largest else None
        for label, measure, cpu in FAMILY_MEASURES:
            got = values(pages, measure, cpu)
            ratios = {v: _ratio(got[v], got.get('plain')) for v in variants}
            rows.append((prefix + label, {v: _fmt(got[v], ' s', measure in samples[v].failed) for v in variants},
                         ratios, target, _verdict(ratios.get('ours'), limit)))
        rewritten = {v: statistics.median(len(r) for r in samples[v].rewritten) if samples[v].rewritten
                     else None for v in variants}
        rows.append((prefix + 'pages rewritten by incr.',
                     {v: '—' if rewritten[v] is None else f'{rewritten[v]:.0f}' for v in variants}, {}, '', ''))
        rss = values(pages, 'rss', False)
        ratios = {v: _ratio(rss[v], rss.get('plain')) for v in variants}
        rows.append((prefix + 'peak RSS', {v: _fmt(rss[v], 'MB') for v in variants}, ratios, target,
                     _verdict(ratios.get('ours'), limit)))
    if largest != smallest:
        growth = f'growth {smallest:,} → {largest:,} pages: '
        for label, measure, cpu in FAMILY_MEASURES + (('peak RSS', 'rss', False),):
            low, high = values(smallest, measure, cpu), values(largest, measure, cpu)
            factors = {v: _ratio(high[v], low[v]) for v in variants}
            limit = None if measure == 'rss' else FAMILY_GROWTH * largest / smallest / 10
            rows.append((growth + label, {v: _fmt(factors[v], '×') for v in variants},
                         {v: _ratio(factors[v], factors.get('plain')) for v in variants},
                         '' if limit is None else f'≤ {limit:g}×', _verdict(factors.get('ours'), limit)))
    args = family.args
    sizes = ', '.join(f'{pages:,} pages / {pages * FAMILY_OBJECTS_PER_PAGE:,} objects' for pages in family.sizes)
    layout = (f'plans of {FAMILY_PAGES_PER_PLAN} pages, the site\'s options with {FAMILY_THEME_OPTIONS}'
              if args.family_layout == 'plans' else "one flat toctree, the site's options")
    out = [f"plan-family scale, pydata-sphinx-theme, {layout}: {sizes}, "
           f'language={args.language}, median of {args.repeat} repetition(s), '
           f'commit {commit()}, load average {load_average()}']
    return '\n'.join(out + table(rows, variants))


def load_average() -> str:
    return ', '.join(f'{value:.2f}' for value in os.getloadavg())


def commit() -> str:
    proc = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=BENCH, capture_output=True, text=True)
    return proc.stdout.strip() or 'unknown'


def can_import(python: str, module: str) -> bool:
    return subprocess.run([python, '-c', f'import {module}'], capture_output=True).returncode == 0


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(size) for size in text.split(','))
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f'page counts, comma-separated: {text!r}')
    return sizes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--pages', type=int, default=200)
    parser.add_argument('--objects', type=int, default=2000)
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--language', choices=('ja', 'en'), default='ja')
    parser.add_argument('--variants', default=','.join(generate.VARIANTS),
                        help='comma-separated subset of plain,needs,ours (plain is always built)')
    parser.add_argument('--scale', action='store_true',
                        help=f'also build plain and ours at {SCALE}x the objects, same pages')
    parser.add_argument('--scale-repeat', type=int, default=1)
    parser.add_argument('--no-pdf', action='store_true', help='skip the LaTeX + PDF builds')
    parser.add_argument('--workdir', type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument('--python', default=str(BENCH_PYTHON) if BENCH_PYTHON.exists() else sys.executable,
                        help='the Python whose Sphinx (and sphinx-needs) builds the corpus')
    parser.add_argument('--verbose', action='store_true')
    parser.add_argument('--quick', action='store_true',
                        help=f'one repetition at {QUICK_PAGES} pages and {QUICK_OBJECTS:,} objects '
                             '(under 5 minutes on 2 cores): the same ratios and verdicts')
    parser.add_argument('--family', action='store_true',
                        help="the plan-family scale instead: plain and ours with the site's theme "
                             f"(pydata-sphinx-theme) at {', '.join(map(str, FAMILY_PAGES))} pages, "
                             f'{FAMILY_OBJECTS_PER_PAGE} objects per page')
    parser.add_argument('--family-pages', type=_sizes, default=FAMILY_PAGES,
                        help='comma-separated page counts of --family (default: %(default)s)')
    parser.add_argument('--family-layout', choices=('plans', 'flat'), default='plans',
                        help=f'plans: the root lists plans of {FAMILY_PAGES_PER_PLAN} chapters, built with '
                             "the theme's collapse_navigation; flat: the root lists every chapter, with the "
                             "site's options (default: %(default)s)")
    parser.add_argument('--samples', type=Path,
                        help='with --family: build nothing, report the samples an earlier run saved '
                             '(WORKDIR/family-samples.json), e.g. of a run stopped early')
    args = parser.parse_args(argv)
    if args.family:
        family = Family(args)
        if args.samples:
            family.load(args.samples)
        else:
            args.workdir.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            family.measure()
            print(f'\nmeasured in {time.perf_counter() - started:.0f} s with {args.python}\n')
        print(family_report(family))
        return
    if args.quick:
        args.repeat, args.pages, args.objects = 1, QUICK_PAGES, QUICK_OBJECTS

    variants = [v for v in generate.VARIANTS if v == 'plain' or v in args.variants.split(',')]
    if 'needs' in variants and not can_import(args.python, 'sphinx_needs'):
        print(f'needs: skipped, sphinx_needs is not importable by {args.python} (make bench installs it)')
        variants.remove('needs')
    bench = Bench(args, variants)
    started = time.perf_counter()
    bench.measure()
    print(f'\nmeasured in {time.perf_counter() - started:.0f} s with {args.python}\n')
    print(report(bench.samples, variants, args))


if __name__ == '__main__':
    main()
