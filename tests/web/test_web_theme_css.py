"""The theme's stylesheet when PurgeCSS cannot run: a warning, the theme's CSS
whole, and the build goes on (vision.web.theme_css)."""

from __future__ import annotations

import io
import shutil

from sphinx.testing.util import SphinxTestApp

from vision.web import lean_theme, theme_css


def test_without_purgecss_the_whole_css_is_used_with_a_warning(rootdir, tmp_path, monkeypatch):
    srcdir = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-web-search-hit', srcdir)
    monkeypatch.setattr(theme_css, 'PURGE_SCRIPT', tmp_path / 'missing.mjs')
    warnings = io.StringIO()
    app = SphinxTestApp('html', srcdir=srcdir, status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert 'テーマのCSSを削れませんでした' in warnings.getvalue()
    assert '[vision.theme-css]' in warnings.getvalue()
    css = (app.outdir / '_static' / lean_theme.STYLESHEET).read_text(encoding='utf-8')
    assert '.popover' in css  # a rule no page uses: nothing was cut
    assert 'styles/vision-theme.css?digest=' in (app.outdir / 'long.html').read_text(encoding='utf-8')
