"""Mermaid text to SVG or PDF files, rendered in batches and cached.

A :class:`MermaidRenderer` owns one cache directory. A file's name is the
SHA-256 of the diagram text and of every setting that changes the drawing:
the output format, the mermaid configuration (which pins the font family),
the versions of mermaid, mermaid-cli and puppeteer, the browser, the font
files fontconfig gives for the pinned families, and this renderer's own Node
script. A failed render is cached as a ``.error`` file holding mermaid's
message, so a broken diagram warns on every build without being drawn again.

:meth:`MermaidRenderer.render` draws every missing diagram with ONE run of
``mermaid_render.mjs`` (one Chromium, one page); cached ones cost a ``stat``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sphinx.util import logging

from .render_server import RenderServer, RenderServerError

logger = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name('mermaid_render.mjs')
FORMATS = ('svg', 'pdf')

#: The project's node_modules, found from this package: ``_ext/vision`` -> root.
NODE_MODULES = Path(__file__).resolve().parents[3] / 'node_modules'
_NODE_PACKAGES = ('mermaid', '@mermaid-js/mermaid-cli', 'puppeteer')

# Chromium writes the time of printing into each PDF; a fixed date of the same
# length keeps the bytes (and the byte offsets of its xref table) stable.
_PDF_DATE = re.compile(rb'\(D:\d{14}')
_FIXED_PDF_DATE = b'(D:20000101000000'


class RendererUnavailable(Exception):
    """Node, Chromium or the node packages cannot be run at all."""


@dataclass(frozen=True)
class Rendered:
    """The outcome for one diagram: its file, or mermaid's error message."""

    path: Path | None
    error: str | None = None


class MermaidRenderer:
    """Render mermaid sources to files under *cache_dir*, many per browser run."""

    def __init__(self, cache_dir: Path, *, node: str, chromium: str,
                 mermaid_config: dict, fonts: tuple[str, ...],
                 server: RenderServer | None = None) -> None:
        self.cache_dir = cache_dir
        #: A browser kept open between builds (the preview), or None: one run per batch.
        self.server = server
        self.node = node
        self.chromium = chromium
        self.mermaid_config = mermaid_config
        self.fonts = fonts
        #: Diagrams sent to the browser by this renderer (not found in the cache).
        self.drawn_count = 0

    @functools.cached_property
    def _settings_digest(self) -> str:
        settings = {
            'config': self.mermaid_config,
            'packages': {name: _package_version(name) for name in _NODE_PACKAGES},
            'browser': _browser_version(self.chromium),
            'fonts': {family: _font_file(family) for family in self.fonts},
            'script': hashlib.sha256(SCRIPT.read_bytes()).hexdigest(),
        }
        return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()

    def key(self, source: str, fmt: str) -> str:
        """The cache key of *source* drawn as *fmt*: also usable as a unique SVG id."""
        text = f'{self._settings_digest}\n{fmt}\n{source}'
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def _path(self, source: str, fmt: str) -> Path:
        return self.cache_dir / f'{self.key(source, fmt)}.{fmt}'

    def lookup(self, source: str, fmt: str) -> Rendered | None:
        """The cached outcome for *source*, or None when it was never drawn."""
        path = self._path(source, fmt)
        if path.is_file():
            return Rendered(path)
        error_file = path.with_suffix('.error')
        if error_file.is_file():
            return Rendered(None, error_file.read_text(encoding='utf-8'))
        return None

    def render(self, sources: list[str], fmt: str) -> dict[str, Rendered]:
        """Every source's outcome; those not cached are drawn in one browser run."""
        if fmt not in FORMATS:
            raise ValueError(f'unknown diagram format {fmt!r}')
        cached = {source: self.lookup(source, fmt) for source in dict.fromkeys(sources)}
        missing = [source for source, outcome in cached.items() if outcome is None]
        drawn = self._draw(missing, fmt) if missing else {}
        return {source: outcome if outcome is not None else drawn[source]
                for source, outcome in cached.items()}

    def _draw(self, sources: list[str], fmt: str) -> dict[str, Rendered]:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        jobs = [{'source': source, 'format': fmt, 'svgId': f'mermaid-{self.key(source, fmt)}',
                 'output': str(self._path(source, fmt))} for source in sources]
        request = {'chromium': self.chromium, 'mermaid': str(_mermaid_bundle()),
                   'mermaidConfig': self.mermaid_config, 'jobs': jobs}
        started = time.perf_counter()
        reports = [json.loads(line) for line in self._run_script(request)]
        self.drawn_count += len(sources)
        startup = next((r['ms'] for r in reports if r.get('ready')), 0) / 1000
        logger.info('vision: rendered %d diagram(s) as %s in one browser session '
                    '(%.2f s: %.2f s to start, then %.2f s per diagram)',
                    len(sources), fmt, time.perf_counter() - started, startup,
                    sum(r.get('ms', 0) for r in reports if 'output' in r) / 1000 / len(sources))
        by_output = {report['output']: report for report in reports if 'output' in report}
        outcomes = {}
        for source, job in zip(sources, jobs, strict=True):
            path = Path(job['output'])
            report = by_output.get(job['output'], {'ok': False, 'error': 'no result from the renderer'})
            if report['ok']:
                if fmt == 'pdf':
                    _fix_pdf_dates(path)
                outcomes[source] = Rendered(path)
            else:
                message = _first_lines(report['error'])
                path.with_suffix('.error').write_text(message, encoding='utf-8')
                outcomes[source] = Rendered(None, message)
        return outcomes

    def _run_script(self, request: dict) -> list[str]:
        if self.server is not None:
            try:
                return self.server.run(request)
            except RenderServerError as exc:
                raise RendererUnavailable(str(exc)) from exc
        with tempfile.NamedTemporaryFile('w', suffix='.json', encoding='utf-8',
                                         dir=self.cache_dir, delete=False) as file:
            json.dump(request, file, ensure_ascii=False)
        try:
            proc = subprocess.run([self.node, str(SCRIPT), file.name], capture_output=True,
                                  text=True, cwd=SCRIPT.parent, check=False)
        except OSError as exc:
            raise RendererUnavailable(f'cannot run {self.node!r}: {exc}') from exc
        finally:
            os.unlink(file.name)
        if proc.returncode != 0:
            raise RendererUnavailable(proc.stderr.strip()[-2000:] or f'exit status {proc.returncode}')
        return [line for line in proc.stdout.splitlines() if line.startswith('{')]


def _first_lines(message: str, count: int = 4) -> str:
    """mermaid's message without the JavaScript stack that follows it."""
    lines = [line for line in message.splitlines() if not line.lstrip().startswith('at ')]
    return '\n'.join(lines[:count]).strip()


def _fix_pdf_dates(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(_PDF_DATE.sub(_FIXED_PDF_DATE, data))


def _mermaid_bundle() -> Path:
    return NODE_MODULES / 'mermaid' / 'dist' / 'mermaid.min.js'


@functools.cache
def _package_version(name: str) -> str:
    try:
        return json.loads((NODE_MODULES / name / 'package.json').read_text())['version']
    except (OSError, ValueError, KeyError):
        return 'missing'


@functools.cache
def _browser_version(chromium: str) -> str:
    try:
        return subprocess.run([chromium, '--version'], capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        return 'missing'


@functools.cache
def font_installed(family: str) -> bool:
    """Whether fontconfig knows *family* itself (``fc-match`` always answers, with a fallback)."""
    try:
        return bool(subprocess.run(['fc-list', family, 'file'], capture_output=True, text=True,
                                   check=False).stdout.strip())
    except OSError:
        return False


@functools.cache
def _font_file(family: str) -> str:
    """The file fontconfig picks for *family*, with its size: a font update changes the key."""
    try:
        path = subprocess.run(['fc-match', '-f', '%{file}', family], capture_output=True,
                              text=True, check=False).stdout.strip()
    except OSError:
        return 'missing'
    return f'{path}:{os.path.getsize(path)}' if path and os.path.isfile(path) else 'missing'
