"""Serve a built site on 127.0.0.1 and drive Chromium over it (``browser.js``)."""

from __future__ import annotations

import functools
import json
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

HARNESS = Path(__file__).with_name('browser.js')

#: A search results page is a page residents see too: check it like the others.
RESULTS_PAGE = 'search.html?q=見本'


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """An HTTP server on a free port of 127.0.0.1 for the test's duration; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(('127.0.0.1', 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f'http://127.0.0.1:{server.server_address[1]}/'
    finally:
        server.shutdown()
        server.server_close()


def run_browser(base: str, *, checks: list[str], pages: list[str] = (),
                queries: list[str] = (), pdf_dir: Path | None = None) -> dict:
    job = {'base': base, 'checks': list(checks), 'pages': list(pages), 'queries': list(queries),
           'pdfDir': str(pdf_dir) if pdf_dir else None}
    proc = subprocess.run(['node', str(HARNESS)], input=json.dumps(job), capture_output=True,
                          text=True, cwd=HARNESS.parent, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def html_pages(outdir: Path) -> list[str]:
    """Every built page, as a path relative to the site's root."""
    return sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob('*.html')
                  if '_static' not in p.relative_to(outdir).parts)


def normalise(text: str) -> str:
    """As the search does: NFKC, lower case, no white space."""
    return ''.join(unicodedata.normalize('NFKC', text).lower().split())


@functools.cache
def article_text(page: Path) -> str:
    """The page's own text (its article), normalised; empty for generated pages."""
    article = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser').find('article')
    return normalise(article.get_text()) if article else ''
