"""Preview latency: from saving a file to the browser showing the change.

Three ways of previewing the real site, on the same edits, one after the
other on one copy of the sources:

- ``ours``: ``tools/preview.py`` (one Sphinx process, diagram browser kept);
- ``sphinx-autobuild``: what ``make preview`` ran before (a new Sphinx
  process per save, live reload by websocket);
- ``sphinx-build``: an incremental ``sphinx-build`` run by hand after the
  save; its wall time only, so a lower bound (the editor still reloads).

Two edits, each repeated with a new text every time (so a diagram is never
found in the cache): a sentence of an opinion (a body edit) and a goal's
title (the 体系図 is redrawn). For the previews, headless Chromium
(``bench/preview_watch.mjs``) holds the page open and measures until the
page it shows holds the new text. Medians are printed and written to
``bench/_work/preview.json``. Latency is measured here, never in a test.

Usage: .venv/bin/python bench/preview.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / 'bench' / '_work' / 'preview'
BIN = Path(sys.executable).parent

#: (name, page to watch, file, text to change); the change appends a unique tag.
EDITS = [
    ('body edit (opinion)', 'opinions.html', 'docs/opinions.md', 'インパクトを示し、区の政策に反映していく'),
    ('goal title (diagram redrawn)', 'policies/p1.html', 'docs/policies/p1.md',
     '企業・事業者が定着し成長する世田谷区'),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - local server
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


class Site:
    """A copy of the project to edit; each edit appends a new tag to its text."""

    def __init__(self) -> None:
        self.dir = WORK / 'site'
        shutil.rmtree(WORK, ignore_errors=True)
        self.dir.mkdir(parents=True)
        for name in ('docs', 'data', '_ext'):
            shutil.copytree(ROOT / name, self.dir / name,
                            ignore=shutil.ignore_patterns('__pycache__'))
        # conf.py and the prose checks' rules (without them no page is linted).
        for name in ('conf.py', '.textlintrc.json', 'prh.yml', 'kouyoubun.yml'):
            shutil.copy(ROOT / name, self.dir / name)
        (self.dir / 'node_modules').symlink_to(ROOT / 'node_modules')
        self.current = {file: text for _name, _page, file, text in EDITS}
        self.count = 0

    def next_edit(self, file: str) -> tuple[str, str]:
        """(old, new) for the next edit of ``file``."""
        self.count += 1
        base = next(text for _n, _p, f, text in EDITS if f == file)
        old, new = self.current[file], f'{base}（計測{self.count}）'
        self.current[file] = new
        return old, new


def browser_samples(site: Site, watcher: subprocess.Popen, url: str, repeat: int) -> dict:
    samples: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, page, file, _text in EDITS:
            old, new = site.next_edit(file)
            request = {'url': url + page, 'file': str(site.dir / file), 'old': old, 'new': new}
            watcher.stdin.write(json.dumps(request, ensure_ascii=False) + '\n')
            watcher.stdin.flush()
            answer = json.loads(watcher.stdout.readline())
            if answer['ms'] is None:
                raise RuntimeError(f'{name}: {answer["error"]}')
            samples.setdefault(name, []).append(answer['ms'] / 1000)
    return samples


def preview_samples(site: Site, command: list[str], port: int, repeat: int) -> dict:
    log = (WORK / f'{port}.log').open('w')
    server = subprocess.Popen(command, cwd=site.dir, stdout=log, stderr=subprocess.STDOUT)
    watcher = subprocess.Popen(['node', str(ROOT / 'bench' / 'preview_watch.mjs')],
                               cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        wait_for(f'http://127.0.0.1:{port}/index.html')
        return browser_samples(site, watcher, f'http://127.0.0.1:{port}/', repeat)
    finally:
        watcher.stdin.close()
        watcher.wait()
        server.terminate()
        server.wait()
        log.close()


def sphinx_build_samples(site: Site, repeat: int) -> dict:
    command = [str(BIN / 'sphinx-build'), '-q', '-b', 'html', '-c', '.', 'docs',
               str(WORK / 'sphinx-build' / 'html')]
    subprocess.run(command, cwd=site.dir, check=True)
    samples: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, _page, file, _text in EDITS:
            old, new = site.next_edit(file)
            path = site.dir / file
            path.write_text(path.read_text(encoding='utf-8').replace(old, new), encoding='utf-8')
            started = time.perf_counter()
            subprocess.run(command, cwd=site.dir, check=True)
            samples.setdefault(name, []).append(time.perf_counter() - started)
    return samples


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeat', type=int, default=5)
    args = parser.parse_args(argv)
    site = Site()
    results = {}
    port = free_port()
    results['ours (make preview)'] = preview_samples(
        site, [str(BIN / 'python'), str(ROOT / 'tools' / 'preview.py'), '--port', str(port),
               '--outdir', str(WORK / 'ours' / 'html')], port, args.repeat)
    port = free_port()
    results['sphinx-autobuild'] = preview_samples(
        site, [str(BIN / 'sphinx-autobuild'), '-c', '.', '--watch', 'data', '--port', str(port),
               'docs', str(WORK / 'autobuild' / 'html')], port, args.repeat)
    results['incremental sphinx-build (no browser)'] = sphinx_build_samples(site, args.repeat)

    medians = {tool: {edit: statistics.median(values) for edit, values in samples.items()}
               for tool, samples in results.items()}
    (WORK.parent / 'preview.json').write_text(json.dumps(
        {'repeat': args.repeat, 'samples': results, 'medians': medians}, indent=1,
        ensure_ascii=False), encoding='utf-8')
    edits = [name for name, *_rest in EDITS]
    print(f'median seconds from save to the change on screen ({args.repeat} edits each, '
          f'{os.cpu_count()} CPUs)')
    print('| tool | ' + ' | '.join(edits) + ' |')
    print('|---|' + '---:|' * len(edits))
    ours = medians['ours (make preview)']
    for tool, values in medians.items():
        cells = [f'{values[edit]:.2f} s' + ('' if tool.startswith('ours')
                                            else f' ({values[edit] / ours[edit]:.1f}×)')
                 for edit in edits]
        print(f'| {tool} | ' + ' | '.join(cells) + ' |')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
