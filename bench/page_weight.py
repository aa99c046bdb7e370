"""Page weight: bytes and requests of the residents' site, first and next load.

Serves a built site (``_build/html`` by default) on 127.0.0.1 as a web host
serves it: static files with ``Cache-Control: max-age=86400``, pages with
``no-cache`` (revalidated, answered 304 when unchanged). Headless Chromium
(``bench/page_weight.mjs``) opens each page with an empty cache (first load),
then the next chapter in the same browser (next load: what the cache does
not serve). Bytes are bodies as served, uncompressed (the bench server does
not compress, as the budget of issue 29 is stated uncompressed); a request
to another host is blocked and counted.

Budget (issue 29): a chapter page's first load at most 250 KB, nothing from
another host, no failed request. The figures are recorded in bench/README.md;
``tests/web/test_web_weight.py`` and ``tests/content/test_site_weight.py``
hold the budget.

Usage: .venv/bin/python bench/page_weight.py [--site _build/html] [--json out.json]
       [--search]  (also open the search dialog with Ctrl+K on each page)
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_name('page_weight.mjs')
BUDGET = 250 * 1024


class _CachingHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        page = self.path.split('?')[0].endswith(('.html', '/'))
        self.send_header('Cache-Control', 'no-cache' if page else 'max-age=86400')
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_CachingHandler, directory=str(directory))
    server = ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f'http://127.0.0.1:{server.server_address[1]}/'
    finally:
        server.shutdown()
        server.server_close()


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob('*.html')
                  if '_static' not in p.relative_to(site).parts)


def measure(site: Path, pages: list[str], *, search_dialog: bool = False,
            viewport: dict | None = None) -> dict[str, dict]:
    """Per page: its first load and the next load (the page after it, cache kept)."""
    visits = [[page, pages[(i + 1) % len(pages)]] for i, page in enumerate(pages)]
    with serve(site) as base:
        job = {'base': base, 'visits': visits, 'searchDialog': search_dialog,
               **({'viewport': viewport} if viewport else {})}
        proc = subprocess.run(['node', str(SCRIPT)], input=json.dumps(job), capture_output=True,
                              text=True, cwd=ROOT, timeout=900)
    if proc.returncode:
        sys.exit(proc.stderr)
    result = {}
    for (first, following) in json.loads(proc.stdout):
        result[first['page']] = {'first': summary(first['requests'], base),
                                 'next': summary(following['requests'], base),
                                 'next_page': following['page']}
    return result


def summary(requests: list[dict], base: str) -> dict:
    fetched = [r for r in requests if not r['cached'] and not r['foreign']]
    return {
        'requests': len(requests),
        'bytes': sum(r['bytes'] for r in requests if not r['foreign']),
        'fetched': len(fetched),
        'fetched_bytes': sum(r['bytes'] for r in fetched),
        'foreign': [r['url'] for r in requests if r['foreign']],
        'failed': [f"{r['url']} ({r.get('failed') or r['status']})" for r in requests
                   if not r['foreign'] and (r.get('failed') or r['status'] >= 400)],
        'files': {r['url'].removeprefix(base): r['bytes'] for r in requests if not r['foreign']},
        'fetched_files': sorted(r['url'].removeprefix(base) for r in fetched),
    }


def table(result: dict[str, dict]) -> str:
    lines = ['| page | first load | requests | next page | next load (fetched) | requests (fetched) |',
             '|---|---:|---:|---|---:|---:|']
    for page, row in result.items():
        first, following = row['first'], row['next']
        flag = '' if first['bytes'] <= BUDGET else ' **over**'
        lines.append(f"| {page} | {first['bytes'] / 1024:.1f} KB{flag} | {first['requests']} | "
                     f"{row['next_page']} | {following['fetched_bytes'] / 1024:.1f} KB | "
                     f"{following['requests']} ({following['fetched']}) |")
    return '\n'.join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--site', type=Path, default=ROOT / '_build' / 'html')
    parser.add_argument('--json', type=Path, help='write every request here')
    parser.add_argument('--search', action='store_true', help='open the search dialog on each page')
    parser.add_argument('--phone', action='store_true', help='390 x 844 instead of 1280 x 800')
    args = parser.parse_args()
    result = measure(args.site, pages_of(args.site), search_dialog=args.search,
                     viewport={'width': 390, 'height': 844} if args.phone else None)
    print(table(result))
    heaviest = max(result, key=lambda page: result[page]['first']['bytes'])
    print(f'\nheaviest first load: {heaviest}; its files:')
    for url, size in sorted(result[heaviest]['first']['files'].items(), key=lambda kv: -kv[1]):
        print(f'  {size / 1024:8.1f} KB  {url}')
    problems = {page: row['first']['foreign'] + row['first']['failed'] + row['next']['failed']
                for page, row in result.items()}
    for page, found in problems.items():
        if found:
            print(f'{page}: {found}')
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding='utf-8')


if __name__ == '__main__':
    main()
