"""What a page of the theme loads, cut to what residents use (issue 29).

pydata-sphinx-theme sends every page 700–840 KB in 20 requests for about
16 KB of text. With the theme in use (``html_theme = 'pydata_sphinx_theme'``):

- **no icon font**: FontAwesome's script and font (204 KB) are not linked;
  the handful of icons the theme's markup names (``<i class="fa-solid
  fa-bars">``) are drawn by ``static/vision-icons.css``, masks of small
  inline SVGs that take the text colour;
- **no bootstrap.js** (80 KB): ``static/vision-theme.js`` does the two things
  it did here, the back-to-top button and one tooltip;
- **the theme's CSS, only the rules the site uses**: one stylesheet
  (``_static/styles/vision-theme.css``) made at the end of the build by
  :mod:`.theme_css`, in place of the theme's two and ``pygments.css``;
- **the search's files only where the resident searches**: the theme loads
  ``searchtools.js``, ``language_data.js`` and ``searchindex.js`` on every
  page for a search-as-you-type this site does not switch on (the dialog
  opened by Ctrl+K sends the query to the search page); they stay on the
  search page. This also lets ``sphinx_highlight.js`` mark the words on the
  page a hit opens (it does nothing where ``Search`` is defined);
- **a favicon** (``static/vision-favicon.svg``, linked from every page, and
  ``site_root/favicon.ico``, which browsers ask for at the root anyway),
  unless ``html_favicon`` is set: no request for a missing ``/favicon.ico``.

The templates (``templates/layout.html``) read ``vision_lean_theme`` from the
page's context; with another theme it is absent and the theme's own blocks
are kept. The theme's files no page links any more are removed from the
published folder by :mod:`.theme_css`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..build_state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

THEME = 'pydata_sphinx_theme'
STATIC_DIR = Path(__file__).with_name('static')
ICONS = 'vision-icons.css'
SCRIPT = 'vision-theme.js'
FAVICON = STATIC_DIR / 'vision-favicon.svg'
#: Files for the site's root: ``favicon.ico`` (the same drawing, 32 px), which
#: browsers ask for at the root whatever the page links.
SITE_ROOT = Path(__file__).with_name('site_root')
#: The one stylesheet of the theme's rules in use (made by vision.web.theme_css).
STYLESHEET = 'styles/vision-theme.css'
#: The theme's stylesheets it replaces, in the order the theme links them
#: (theme.css only imports basic.css), and Sphinx's highlighting colours.
REPLACED_CSS = ('basic.css', 'styles/pydata-sphinx-theme.css', 'pygments.css')
#: A digest that pages carry until the stylesheet is made (then rewritten).
PENDING_DIGEST = 'pending'
_DIGEST = re.compile(r'digest=([0-9a-f]+)')


def lean(app: Sphinx) -> bool:
    """The theme is ours to trim: pydata-sphinx-theme, for the web (not the EPUB)."""
    return (app.config.html_theme == THEME and app.builder.format == 'html'
            and app.builder.name != 'epub')


def default_favicon(app: Sphinx, config: Config) -> None:
    if config.html_theme == THEME and not config.html_favicon:
        config.html_favicon = str(FAVICON)


def copy_site_root(app: Sphinx, exception: Exception | None) -> None:
    """``favicon.ico`` at the site's root; not in the EPUB, which has no root to ask."""
    if exception is None and lean(app) and app.config.html_favicon == str(FAVICON):
        for path in sorted(SITE_ROOT.iterdir()):
            shutil.copyfile(path, Path(app.outdir, path.name))


#: The theme's script digest, in the build state's transient part.
_THEME_DIGEST = 'theme_script_digest'


def theme_digest(app: Sphinx) -> str:
    """The theme's digest of its own scripts (from its webpack macros), kept on
    its script's address so that a new theme version is a new address."""
    for directory in app.builder.theme.get_theme_dirs():  # type: ignore[attr-defined]
        macros = Path(directory, 'static', 'webpack-macros.html')
        if macros.is_file():
            found = _DIGEST.search(macros.read_text(encoding='utf-8'))
            if found:
                return found.group(1)
    return ''


def add_assets(app: Sphinx) -> None:
    if not lean(app):
        return
    app.add_css_file(ICONS)
    app.add_js_file(SCRIPT)
    build_state(app.env).transient[_THEME_DIGEST] = theme_digest(app)


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                 doctree: object) -> None:
    if not lean(app):
        return
    context['vision_lean_theme'] = {
        'stylesheet': f'_static/{STYLESHEET}', 'stylesheet_digest': PENDING_DIGEST,
        'script': '_static/scripts/pydata-sphinx-theme.js',
        'script_digest': build_state(app.env).transient.get(_THEME_DIGEST, ''),
    }
    # pygments.css is part of the one stylesheet. A new list: the builder
    # shares its list between pages.
    context['css_files'] = [css for css in context['css_files']
                            if getattr(css, 'filename', css) != '_static/pygments.css']


def setup(app: Sphinx) -> None:
    app.connect('config-inited', default_favicon)
    app.connect('builder-inited', add_assets)
    app.connect('build-finished', copy_site_root)
    app.connect('html-page-context', page_context)
