"""Publish only what belongs on the residents' site.

Sphinx and the theme leave build internals in the HTML output directory:

- ``.buildinfo``, the hash of the configuration that the next incremental
  build compares. It is kept, but next to the doctrees (``-d``), and put
  back before the next build reads it, so incremental builds still notice
  a change to an HTML option.
  Sphinx's backup of it on a configuration change, ``.buildinfo.bak``, goes.
- ``_static/webpack-macros.html``, the theme's Jinja macros, copied with its
  static files although no page uses the copy.
- ``_sources``, which Sphinx creates even when ``html_copy_source`` is off:
  removed while empty.

(The doctrees themselves go elsewhere by ``sphinx-build -d``: see the Makefile.)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

BUILD_INFO = '.buildinfo'
#: Where the build info waits between builds, in the doctree directory.
KEPT_BUILD_INFO = 'html.buildinfo'
#: Files that are no part of the site.
LEFTOVERS = ('.buildinfo.bak', '_static/webpack-macros.html')


def _html_builder(app: Sphinx) -> bool:
    return app.builder.format == 'html' and app.builder.name != 'epub'


def restore_build_info(app: Sphinx) -> None:
    kept = Path(app.doctreedir, KEPT_BUILD_INFO)
    if _html_builder(app) and kept.is_file() and not Path(app.outdir, BUILD_INFO).exists():
        shutil.copyfile(kept, Path(app.outdir, BUILD_INFO))


def remove_internals(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _html_builder(app):
        return
    outdir = Path(app.outdir)
    build_info = outdir / BUILD_INFO
    if build_info.is_file():
        Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
        shutil.move(build_info, Path(app.doctreedir, KEPT_BUILD_INFO))
    for leftover in LEFTOVERS:
        (outdir / leftover).unlink(missing_ok=True)
    sources = outdir / '_sources'
    if sources.is_dir() and not any(sources.iterdir()):
        sources.rmdir()


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', restore_build_info)
    app.connect('build-finished', remove_internals)
