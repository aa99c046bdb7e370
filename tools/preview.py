"""``make preview PORT=8000``: the editors' live preview.

One process keeps Sphinx (its environment in memory) and the diagram
browser (``vision_diagram_server``) and one textlint process for the prose
checks (``vision_prose_server``) running between saves: a save under
``docs/`` or ``data/`` starts an incremental build in the same process, and
every open page reloads itself when the build is done (a long-polling
request, so the reload starts the moment the build ends) at the place it
was scrolled to. Each page shows the current warnings at the top, with
``file:line``; they are kept per page and per build phase, so a warning of a
page that was not rebuilt stays listed until the page is fixed.

Usage: python tools/preview.py [--port 8000] [--srcdir docs] [--confdir .]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import html
import json
import logging
import re
import sys
import threading
import time
import traceback
import unicodedata
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import watchfiles
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.logging import WarningLogRecordTranslator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / '_ext'))
from vision.messages import translated  # noqa: E402
from vision.messages.records import put_on  # noqa: E402


def _by_place(warning: str) -> tuple[str, int, str]:
    place = re.match(r'(.*?):([0-9]+)[:\s]', warning)
    return (place[1], int(place[2]), warning) if place else (warning, 0, warning)


class WarningBoard(logging.Handler):
    """Every warning of the builds, kept by (phase, docname) so it stays current.

    A build reads some pages, checks consistency and writes some pages. Each
    page's warnings of a phase replace that page's earlier ones when the page
    goes through the phase again; warnings outside any page (consistency
    checks, data files, diagrams) replace those of the same phase of the
    previous build. A handler on Sphinx's logger, not the warning stream:
    Sphinx holds back the stream's warnings until the end of reading, when
    it is no longer known which page gave them.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(logging.WARNING)
        self.root = root
        self.app: Sphinx | None = None
        self.key: tuple[str, str | None] = ('start', None)
        self.buckets: dict[tuple[str, str | None], list[str]] = {}

    def enter(self, phase: str, docname: str | None = None) -> None:
        with self.lock:
            self.key = (phase, docname)
            self.buckets[self.key] = []

    def forget(self, docname: str) -> None:
        with self.lock:
            for key in [key for key in self.buckets if key[1] == docname]:
                del self.buckets[key]

    def emit(self, record: logging.LogRecord) -> None:
        if self.app is None:
            return
        located = copy.copy(record)
        WarningLogRecordTranslator(self.app).filter(located)
        text = located.getMessage().replace(f'{self.root}/', '')
        self.buckets.setdefault(self._key_of(record), []).append(text)

    def _key_of(self, record: logging.LogRecord) -> tuple[str, str | None]:
        """A prose finding belongs to its page: the consistency phase lints only the
        pages read in this build, so the other pages' findings stay listed."""
        location = getattr(record, 'location', None)
        if getattr(record, 'type', None) == 'prose' and isinstance(location, tuple) and location:
            return ('prose', str(location[0]))
        return self.key

    def current(self) -> list[str]:
        """The warnings in file and line order (line 9 before line 10)."""
        with self.lock:
            return sorted({line for lines in self.buckets.values() for line in lines},
                          key=_by_place)

    def connect(self, app: Sphinx) -> None:
        """Follow the build's phases; before the extension's own handlers (priority 0)."""
        self.app = app
        # (event, phase, which of the event's arguments after app is the docname)
        for event, phase, docname_arg in (
                ('env-before-read-docs', 'read', None), ('source-read', 'read', 0),
                ('env-updated', 'consistency', None), ('write-started', 'write', None),
                ('doctree-resolved', 'write', 1), ('build-finished', 'finish', None)):
            app.connect(event, partial(self._on, phase, docname_arg), priority=0)
        app.connect('env-purge-doc', lambda _app, _env, docname: self.forget(docname))

    def _on(self, phase: str, docname_arg: int | None, _app: Sphinx, *args: object) -> None:
        self.enter(phase, None if docname_arg is None else str(args[docname_arg]))


class Preview:
    """The Sphinx application, rebuilt in place, and the state pages poll."""

    def __init__(self, srcdir: Path, confdir: Path, outdir: Path) -> None:
        self.srcdir, self.confdir, self.outdir = srcdir, confdir, outdir
        self.board = WarningBoard(confdir.resolve())
        self.app: Sphinx | None = None
        self.build_number = 0
        self.seconds = 0.0
        self.crash = ''
        self.changed = threading.Condition()
        self._docutils = contextlib.ExitStack()
        #: The stylesheets and scripts of the application and its builder before its first build.
        self._assets: list[tuple[list, list]] = []

    def close(self) -> None:
        """Stop the application's diagram browser, forget it, restore docutils' registries."""
        if self.app is not None:
            from vision.diagrams.mermaid import close_renderer  # importable once conf.py ran
            close_renderer(self.app)
            from vision.prose.report import close_server
            close_server(self.app)
        self.app = None
        self._docutils.close()

    def _new_app(self) -> Sphinx:
        # As sphinx-build does: docutils' registries are global, so each
        # application gets its own, and the previous one's are restored.
        self.close()
        self._docutils.enter_context(patch_docutils(self.confdir))
        self._docutils.enter_context(docutils_namespace())
        app = Sphinx(str(self.srcdir), str(self.confdir), str(self.outdir),
                     str(self.outdir / '.doctrees'), 'html', status=sys.stdout,
                     warning=sys.stderr, confoverrides={'vision_diagram_server': True,
                                                      # One textlint process between saves (a new
                                                      # one costs about 3.4 s, past the 1 s target).
                                                      'vision_prose_server': True},
                     # Read every page once, so that the list starts with every warning.
                     freshenv=True)
        # After Sphinx's own logging set-up, which clears the logger's handlers.
        logging.getLogger('sphinx').addHandler(self.board)
        put_on(self.board, app.config)  # the extension's messages in Japanese here too
        self.board.connect(app)
        self._assets = [(files, list(files)) for files in (
            app.registry.css_files, app.registry.js_files, app.builder._css_files, app.builder._js_files)]
        return app

    def _forget_page_assets(self) -> None:
        """Drop what the last build's pages added to the application's assets.

        A theme adds a script per page (pydata-sphinx-theme: the page's name
        for its own scripts); Sphinx takes it off the page after writing it,
        but keeps it in the application's registry, whose assets every build
        gives every page, and the search page's stays with the builder: the
        second build in one application gave each page all the first build's
        page names, the last one winning.
        """
        for files, before in self._assets:
            files[:] = before

    def build(self, restart: bool = False) -> None:
        started = time.perf_counter()
        try:
            if self.app is None or restart:
                self.app = self._new_app()
            else:
                self._forget_page_assets()
            self.app._warncount = 0  # Sphinx counts from its start; this build's count
            self.app.build()
            self.crash = ''
        except Exception:  # noqa: BLE001 - the preview shows it and keeps running
            self.crash = traceback.format_exc(limit=-3)
            self.close()  # start afresh on the next save
        with self.changed:
            self.seconds = time.perf_counter() - started
            self.build_number += 1
            self.changed.notify_all()
        print(translated('preview: build %d in %.2f s, %d warning(s)', self.build_number, self.seconds,
                         len(self.board.current())), flush=True)

    def wait(self, seen: int, timeout: float = 25.0) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.build_number != seen, timeout=timeout)
            return self.build_number

    def banner(self) -> str:
        warnings = self.board.current()
        items = ''.join(f'<li><code style="color:inherit">{html.escape(line)}</code></li>'
                        for line in warnings)
        if self.crash:
            items += f'<li><pre>{html.escape(self.crash)}</pre></li>'
        state = translated('%d warning(s)', len(warnings)) if warnings else translated('no warnings')
        colour = '#8a1f11' if warnings or self.crash else '#1e5631'
        return (f'<div id="vision-preview" role="status" style="position:relative;z-index:9999;'
                f'background:#fff;color:{colour};border-bottom:3px solid {colour};padding:.4em 1em;'
                f'font-size:14px;max-height:40vh;overflow:auto">'
                + translated('<strong>Preview</strong> (build %d, %.1f s): %s', self.build_number,
                             self.seconds, state)
                + f'<ol style="margin:0">{items}</ol></div>'
                + _RELOAD_SCRIPT.replace('@BUILD@', str(self.build_number)))


_RELOAD_SCRIPT = '''<script>
(() => {
  const build = @BUILD@;
  const key = 'vision-preview-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, +saved)); }
  async function wait() {
    for (;;) {
      try {
        const answer = await (await fetch('/__preview__/wait?build=' + build, {cache: 'no-store'})).json();
        if (answer.build !== build) { sessionStorage.setItem(key, String(scrollY)); location.reload(); return; }
      } catch (error) { await new Promise((done) => setTimeout(done, 500)); }
    }
  }
  wait();
})();
</script>'''


class Handler(SimpleHTTPRequestHandler):
    """Serves the output; HTML pages get the warnings banner and the reload script."""

    preview: Preview

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        if url.path == '/__preview__/wait':
            seen = int(parse_qs(url.query).get('build', ['0'])[0])
            self._send(json.dumps({'build': self.preview.wait(seen)}).encode(), 'application/json')
            return
        path = Path(self.translate_path(url.path))
        if path.is_dir():
            path = path / 'index.html'
        if path.suffix == '.html' and path.is_file():
            page = path.read_text(encoding='utf-8')
            page = re.sub(r'(<body[^>]*>)', lambda m: m[1] + self.preview.banner(), page, count=1)
            self._send(page.encode('utf-8'), 'text/html; charset=utf-8')
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header('Cache-Control', 'no-store')
        super().end_headers()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # one line per request would drown the build messages


def watch(preview: Preview, stop: threading.Event) -> None:
    watched = [str(preview.srcdir), str(preview.confdir / 'conf.py')]
    if (preview.confdir / 'data').is_dir():
        watched.append(str(preview.confdir / 'data'))
    for changes in watchfiles.watch(*watched, debounce=50, step=20, stop_event=stop,
                                    raise_interrupt=False):
        restart = any(Path(path).name == 'conf.py' for _change, path in changes)
        preview.build(restart=restart)


def port_number(text: str) -> int:
    """PORT=8080 (full-width digits too); anything else is refused in Japanese."""
    normal = unicodedata.normalize('NFKC', text).strip()
    if not (normal.isascii() and normal.isdigit() and 0 < int(normal) < 65536):
        raise argparse.ArgumentTypeError(translated('PORT=%s cannot be used (a number from 1 to 65535, '
                                                    'for example PORT=8080)', text))
    return int(normal)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog='make preview', description=__doc__.splitlines()[0])
    parser.add_argument('--port', type=port_number, default=8000)
    parser.add_argument('--srcdir', type=Path, default=Path('docs'))
    parser.add_argument('--confdir', type=Path, default=Path('.'))
    parser.add_argument('--outdir', type=Path, default=Path('_build/preview'))
    args = parser.parse_args(argv)
    preview = Preview(args.srcdir.resolve(), args.confdir.resolve(), args.outdir.resolve())
    preview.build()
    Handler.preview = preview
    server = ThreadingHTTPServer(('127.0.0.1', args.port),
                                 partial(Handler, directory=str(preview.outdir)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(translated('preview: http://127.0.0.1:%d/ (Ctrl-C to stop)', args.port), flush=True)
    stop = threading.Event()
    try:
        watch(preview, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        preview.close()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
