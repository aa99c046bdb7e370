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


def test_a_file_whose_stamp_is_known_is_not_read_again(tmp_path):
    """Issue 21: a no-change build reads no page for PurgeCSS's words."""
    page = tmp_path / 'page.html'
    page.write_text('<p class="now">x</p>', encoding='utf-8')
    known = {'page.html': [theme_css.stamp(page), 'kept-from-last-build']}
    assert theme_css.file_words([page], tmp_path, known) == known
    page.write_text('<p class="changed">xy</p>', encoding='utf-8')
    found = theme_css.file_words([page], tmp_path, known)['page.html']
    assert found[0] == theme_css.stamp(page) and 'changed' in found[1].split()


def test_links_are_checked_again_only_on_pages_written_since(tmp_path):
    (tmp_path / '_static').mkdir()
    (tmp_path / '_static' / 'a.css').write_bytes(b'p{}')
    page = tmp_path / 'page.html'
    stale = '<link href="_static/a.css?v=00000000"/>'
    page.write_text(stale, encoding='utf-8')
    # Linked by the last run with the same digest and files: left as it is.
    linked = theme_css.link_pages(tmp_path, 'abc', {'page.html': theme_css.stamp(page)})
    assert page.read_text(encoding='utf-8') == stale and linked == {'page.html': theme_css.stamp(page)}
    # Written since (another stamp), or nothing known: linked again.
    theme_css.link_pages(tmp_path, 'abc', {'page.html': [0, 0]})
    assert page.read_text(encoding='utf-8') == stale.replace('00000000', theme_css.crc(tmp_path / '_static' / 'a.css'))
