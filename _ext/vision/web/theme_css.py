"""The theme's stylesheet, cut to the rules the site uses (issue 29).

pydata-sphinx-theme's CSS is 378 KB (Bootstrap's components, FontAwesome,
every option of the theme). At the end of an HTML build, PurgeCSS (npm,
``purge_theme_css.mjs``) keeps the rules whose class, id and element names
occur in the built pages and in the scripts they load, so whatever a page,
a template or a script of this project adds is kept; FontAwesome's rules and
font go (``lean_theme``: icons without a font). The theme's ``basic.css``,
its own stylesheet and Sphinx's ``pygments.css`` become one file,
``_static/styles/vision-theme.css``. Custom properties that only the
extension's own stylesheets use are kept too.

Every page links the file with the digest of its content
(``?digest=…``), written into the pages once the file is made: the same
address on every page (one download, then the browser's cache), and a new
address when the content changes, so no reader gets yesterday's rules. The
other shared files' ``?v=`` checksums are brought up to date on every page
the same way (:func:`link_pages`).

PurgeCSS runs only when the words of the pages and scripts differ from the
last run's (kept in the doctree directory): an edit of Japanese text, the
usual case in ``make preview``, reuses the file. Each file's words are kept
with its modification time and size, and only files written since are read
again; the links are checked again only on pages written since, unless the
digest or a shared file changed (issue 21: re-reading all 2,000 pages of the
bench's plan family took 25 s of every no-change build). Without node or PurgeCSS the
theme's CSS is used whole, with a warning (``[vision.theme-css]``).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .. import events
from .lean_theme import REPLACED_CSS, STYLESHEET, lean

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

PURGE_SCRIPT = Path(__file__).with_name('purge_theme_css.mjs')
#: What the last run made, keyed by its input: in the doctree directory.
CACHE = 'vision-theme-css.json'
#: FontAwesome's classes (fa, fas, fa-solid, fa-bars ...): drawn by vision-icons.css.
BLOCKLIST = [r'^fa([brs]|-.*)?$']
#: The theme's files that no page links once its CSS and scripts are replaced.
UNLINKED = ('basic.css', 'pygments.css', 'styles/theme.css', 'styles/pydata-sphinx-theme.css',
            'styles/pydata-sphinx-theme.css.map', 'scripts/bootstrap.js',
            'scripts/bootstrap.js.map', 'scripts/bootstrap.js.LICENSE.txt',
            'scripts/fontawesome.js', 'scripts/fontawesome.js.map',
            'scripts/fontawesome.js.LICENSE.txt', 'vendor/fontawesome')
#: Scripts the pages carry but never run: their words would keep dead rules.
NOT_LOADED = {'scripts/bootstrap.js', 'scripts/fontawesome.js'}
#: The words PurgeCSS's default extractor takes from any content.
_WORD = re.compile(rb'[A-Za-z0-9_-]+')
_VAR = re.compile(r'var\((--[A-Za-z0-9_-]+)')
_LINK = re.compile(re.escape(STYLESHEET) + r'\?digest=([0-9a-z]+)')
_CHECKSUM = re.compile(r'((?:src|href)="[^"]*?_static/([^"?]+))\?v=([0-9a-f]{8})"')
_SOURCE_MAP = re.compile(r'/\*# sourceMappingURL=[^*]*\*/')


def content_files(outdir: Path) -> list[Path]:
    """Every page and every script the pages may load."""
    static = outdir / '_static'
    scripts = [p for p in static.rglob('*.js')
               if p.relative_to(static).as_posix() not in NOT_LOADED]
    return pages(outdir) + sorted(scripts)


def pages(outdir: Path) -> list[Path]:
    return sorted(p for p in outdir.rglob('*.html') if '_static' not in p.relative_to(outdir).parts)


def own_variables(static: Path) -> list[str]:
    """Custom properties the other stylesheets in ``_static`` read (vision.css ...)."""
    names: set[str] = set()
    replaced = {*REPLACED_CSS, STYLESHEET}
    for css in static.rglob('*.css'):
        if css.relative_to(static).as_posix() not in replaced:
            names.update(_VAR.findall(css.read_text(encoding='utf-8')))
    return sorted(names)


def stamp(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_mtime_ns, status.st_size]


def file_words(files: list[Path], outdir: Path, known: dict[str, list]) -> dict[str, list]:
    """Each file's words (``relative path -> [stamp, 'word word …']``), read
    again only where the file's stamp differs from the one *known*."""
    found = {}
    for path in files:
        name, now = path.relative_to(outdir).as_posix(), stamp(path)
        entry = known.get(name)
        if entry is None or entry[0] != now:
            entry = [now, ' '.join(sorted({w.decode() for w in _WORD.findall(path.read_bytes())}))]
        found[name] = entry
    return found


def crc(path: Path) -> str:
    """A file's checksum as Sphinx writes it after ``?v=`` (CRC-32, without CRs)."""
    content = path.read_bytes().replace(b'\r', b'')
    return f'{zlib.crc32(content):08x}'


def shared_checksums(static: Path) -> dict[str, str]:
    return {path.relative_to(static).as_posix(): crc(path)
            for path in sorted(static.rglob('*')) if path.is_file()}


def purge(css: str, files: list[Path], variables: list[str]) -> str:
    request = {'css': css, 'content': [str(p) for p in files], 'variables': variables,
               'blocklist': BLOCKLIST}
    proc = subprocess.run(['node', str(PURGE_SCRIPT)], input=json.dumps(request),
                          capture_output=True, text=True, cwd=PURGE_SCRIPT.parent, check=False)
    if proc.returncode != 0:
        raise OSError(proc.stderr.strip()[-1000:] or f'exit status {proc.returncode}')
    return proc.stdout


def make_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not lean(app):
        return
    outdir = Path(app.outdir)
    static = outdir / '_static'
    sources = [static / name for name in REPLACED_CSS]
    if not all(p.is_file() for p in sources):
        return
    css = '\n'.join(_SOURCE_MAP.sub('', p.read_text(encoding='utf-8')) for p in sources)
    files = content_files(outdir)
    variables = own_variables(static)
    cache = Path(app.doctreedir, CACHE)
    kept = json.loads(cache.read_text(encoding='utf-8')) if cache.is_file() else {}
    words_by_file = file_words(files, outdir, kept.get('words', {}))
    words = sorted({w for _stamp, text in words_by_file.values() for w in text.split()})
    key = hashlib.sha256(json.dumps(
        [css, variables, BLOCKLIST, words,
         PURGE_SCRIPT.read_text(encoding='utf-8') if PURGE_SCRIPT.is_file() else '']).encode()
    ).hexdigest()
    if kept.get('key') == key:
        purged = kept['css']
    else:
        try:
            purged = purge(css, files, variables)
        except OSError as exc:
            logger.warning("the theme's CSS could not be trimmed (PurgeCSS: %s); the theme's CSS is "
                           'used whole', exc, type='vision', subtype='theme-css')
            purged, key = css, ''  # not kept: the next build tries PurgeCSS again
    target = static / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_text(encoding='utf-8') != purged:
        target.write_text(purged, encoding='utf-8')
    digest = hashlib.sha256(purged.encode()).hexdigest()[:20]
    links = [digest, shared_checksums(static)]
    linked = kept.get('linked', {}) if kept.get('links') == links else {}
    linked = link_pages(outdir, digest, linked)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({'key': key, 'css': purged, 'words': words_by_file,
                                 'links': links, 'linked': linked}), encoding='utf-8')
    for name in UNLINKED:
        path = static / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    vendor = static / 'vendor'
    if vendor.is_dir() and not any(vendor.iterdir()):
        vendor.rmdir()


def link_pages(outdir: Path, digest: str, linked: dict[str, list] | None = None) -> dict[str, list]:
    """Give every page the stylesheet's digest, and every ``?v=`` checksum of a
    file in ``_static`` the file's checksum now; pages already right are left alone.

    *linked* holds each page's stamp after the last run linked it, with the
    same digest and shared files: a page with that stamp is not read again.
    The stamps after this run are returned.

    Sphinx writes ``?v=`` (the CRC-32 of the file, as here) only into the pages
    it rewrites: after a static file changed, an incremental build left the
    other pages with the old address, and the browser fetched the file again
    on the next page.
    """
    static = outdir / '_static'
    checksums: dict[str, str] = {}

    def checksum(found: re.Match[str]) -> str:
        name = found.group(2)
        if name not in checksums:
            path = static / name
            empty = not path.is_file() or not path.stat().st_size
            checksums[name] = found.group(3) if empty else crc(path)
        return f'{found.group(1)}?v={checksums[name]}"'

    done = {}
    for page in pages(outdir):
        name, now = page.relative_to(outdir).as_posix(), stamp(page)
        if (linked or {}).get(name) != now:
            html = page.read_text(encoding='utf-8')
            new = _CHECKSUM.sub(checksum, _LINK.sub(f'{STYLESHEET}?digest={digest}', html))
            if new != html:
                page.write_text(new, encoding='utf-8')
                now = stamp(page)
        done[name] = now
    return done


def setup(app: Sphinx) -> None:
    app.connect('build-finished', make_stylesheet, priority=events.AFTER_THEME_PYGMENTS)

