"""The theme, adjusted for residents: Japanese labels, WCAG AA, print.

Registers this package's templates and static files for the HTML builders.
The templates add the draft-stage banner (:mod:`vision.stage`) after the skip
link and replace two theme components whose labels failed readers: the search
button (its accessible name left out its visible shortcut) and the sidebar
button (English labels). ``vision-residents.css`` holds the banner, a focus
ring visible on any background, and the print layout (content only).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .. import events
from ..build_state import build_state
from ..translation import language_sites

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation('vision')

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / 'templates'
STYLESHEET = 'vision-residents.css'
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')
#: In the build state's transient part: the sidebars rendered in this build.
_SIDEBARS = 'web_collapsed_sidebars'
#: Where pydata-sphinx-theme 0.24 keeps the sidebars it shares (toctree._sidebar_cache).
_THEME_SIDEBARS = '_pst_sidebar_toctree_cache'


def add_html_paths(app: Sphinx, config: Config) -> None:
    # First, ahead of the component directory the theme puts on templates_path
    # itself, so that our components replace the theme's. A new list, never
    # changed in place: a default value is shared by every application in the
    # process. (The static folder is registered once, by vision.web.html_assets.)
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def theme_defaults(app: Sphinx, config: Config) -> None:
    """The theme's options for residents, unless ``conf.py`` sets them.

    The theme's own defaults are English (「More」, "Search the docs ..."),
    leave the colour mode empty (its script then logs "Got invalid theme mode"
    on every page), and put a Read the Docs ad placeholder under the sidebar.
    Our sidebar (``sidebar-nav-bs.html``) lists chapters and their sections:
    two levels, not the theme's four.
    """
    if config.html_theme == 'pydata_sphinx_theme':
        config.html_theme_options = {'header_dropdown_text': _('その他'),
                                     'search_bar_text': _('サイト内を検索'),
                                     'primary_sidebar_end': [],
                                     'navigation_depth': 2,
                                     **config.html_theme_options}
        config.html_context = {'default_mode': 'auto', **config.html_context}


def japanese_section_numbers(app: Sphinx, config: Config) -> None:
    """「1　主旨」, not 「1. 主旨」, in a Japanese site's headings, titles and menus.

    Sphinx's default suffix is an ASCII full stop and space, which Japanese
    text does not use; ward documents (the seed: 「1 主旨」) number a heading
    with a space. Only when ``conf.py`` keeps the default, and only in Japanese.
    """
    if (config.language or '').startswith('ja') and config.html_secnumber_suffix == '. ':
        config.html_secnumber_suffix = '\u3000'


_FIELD_COLON = '<span class="colon">:</span>'


def japanese_field_colons(app: Sphinx, pagename: str, templatename: str, context: dict,
                          doctree: object) -> None:
    """「目指す姿：」, not 「目指す姿:」: a field list's name ends with a full-width colon
    on a Japanese site (docutils writes an ASCII one after every field name)."""
    if (app.config.language or '').startswith('ja') and 'body' in context:
        context['body'] = context['body'].replace(_FIELD_COLON, '<span class="colon">：</span>')


def one_viewport_tag(app: Sphinx, pagename: str, templatename: str, context: dict,
                     doctree: object) -> None:
    """Drop docutils' viewport tag from the page's meta tags: the layout writes one."""
    if 'metatags' in context:
        context['metatags'] = _VIEWPORT.sub('', context['metatags'])


def keep_the_sidebar_toctree(app: Sphinx, pagename: str, templatename: str, context: dict,
                             doctree: object) -> None:
    """Every page keeps the sidebar's table of contents (sidebar-nav-bs.html).

    The theme drops it where its own sidebar, which starts below the top
    level, would be empty: the top page, the index, the search page. Ours
    lists every chapter, so it is never empty. Runs after the theme's handler.
    """
    if 'suppress_sidebar_toctree' in context:
        context['suppress_sidebar_toctree'] = lambda **kwargs: False


def collapsed_sidebar_once_per_branch(app: Sphinx, pagename: str, templatename: str, context: dict,
                                      doctree: object) -> None:
    """A collapsing sidebar (``collapse_navigation``) rendered once per branch and folder.

    The theme renders a collapsing sidebar again for every page: Sphinx resolves
    the whole table of contents (every toctree, then pruned), and the result is
    parsed with BeautifulSoup, so a plan family of 2,000 pages spent a third
    of its build there (issue 21). Yet the pages of one branch share the same
    tree: the levels above the deepest shown one are open as far as the page's
    ancestors, and deeper pages show nothing of their own. So the first such
    page's rendered tree is kept, and each later page gets it with the theme's
    own step that moves the current page's markers (what the theme does for a
    sidebar that does not collapse). Pages above the deepest level, and pages
    outside every toctree, keep their own rendering.
    """
    generate = context.get('generate_toctree_html')
    if generate is None:
        return
    from pydata_sphinx_theme.toctree import _move_current_markers  # type: ignore[import-untyped]

    def shared(kind: str, startdepth: int = 1, show_nav_level: int = 1, **kwargs: object) -> object:
        maxdepth = int(str(kwargs.get('maxdepth') or 0))
        uri = app.builder.get_target_uri(pagename)
        ancestry = _ancestry(app, pagename)
        if kind != 'sidebar' or startdepth != 0 or not kwargs.get('collapse') or maxdepth < 2 \
                or not ancestry or not uri or uri.endswith('/'):
            return generate(kind, startdepth, show_nav_level, **kwargs)
        key = (tuple(ancestry[:maxdepth - 1]), len(ancestry) < maxdepth, posixpath.dirname(uri),
               int(show_nav_level), tuple(sorted(kwargs.items())))
        cache = _sidebars(app)
        if key in cache:
            cached = cache[key]
            if _move_current_markers(cached[1], old_href=app.builder.get_relative_uri(pagename, cached[0]),
                                     new_href=app.builder.get_relative_uri(cached[0], pagename),
                                     show_nav_level=int(show_nav_level)):
                cached[0] = pagename
                return str(cached[1])
        soup = generate(kind, startdepth, show_nav_level, **kwargs)
        if not isinstance(soup, str) and soup.find('a', href='#') is not None:
            cache[key] = [pagename, soup]
        return soup

    context['generate_toctree_html'] = shared


def fresh_sidebars(app: Sphinx, builder: object) -> None:
    """Each build renders its sidebars anew (``write-started``).

    The editors' preview builds again and again in one application. The
    theme keeps its shared sidebars on the application and never drops them,
    so a page rewritten after its title changed showed the old title in its
    own sidebar; the same goes for ours.
    """
    build_state(app.env).transient.pop(_SIDEBARS, None)
    if hasattr(app, _THEME_SIDEBARS):
        delattr(app, _THEME_SIDEBARS)


def _sidebars(app: Sphinx) -> dict:
    """This build's rendered sidebars, and the pages' parents (``None`` key)."""
    state = build_state(app.env).transient
    return state.setdefault(_SIDEBARS, {})


def _ancestry(app: Sphinx, pagename: str) -> list[str]:
    """The page's chain from the root's child down to the page itself; empty
    for the root and for a page in no toctree."""
    cache = _sidebars(app)
    if None not in cache:
        cache[None] = {child: parent for parent, children in app.env.toctree_includes.items()
                       for child in children}
    parents = cache[None]
    chain = []
    while pagename in parents and pagename not in chain:
        chain.append(pagename)
        pagename = parents[pagename]
    if pagename != app.config.root_doc:
        return []
    return chain[::-1]


def language_switcher(app: Sphinx, pagename: str, templatename: str, context: dict,
                      doctree: object) -> None:
    """The page in the site's other languages (``vision_language_sites``): the
    switcher under the banner, the head's ``hreflang`` links, and on a
    translation the note that the original language's edition prevails."""
    if app.builder.name != 'html':
        return
    sites = app.config.vision_language_sites
    language = app.config.language or ''
    found = language_sites.editions(sites, language, app.builder.get_target_uri(pagename))
    if not found:
        return
    context['vision_languages'] = {
        'label': _('言語'),
        # 「言語：」, "Language: " (the colon of the page's language).
        'separator': _('{label}：').format(label=''),
        'editions': found,
        'translation_note': (_('この版は参考訳です。内容は日本語版が優先します。')
                             if language_sites.is_translation(sites, language) else ''),
    }


def setup(app: Sphinx) -> None:
    app.connect('config-inited', add_html_paths)
    app.connect('config-inited', theme_defaults)
    app.connect('config-inited', japanese_section_numbers)
    app.connect('html-page-context', one_viewport_tag)
    app.connect('html-page-context', language_switcher)
    app.connect('html-page-context', japanese_field_colons)
    app.connect('html-page-context', keep_the_sidebar_toctree, priority=events.AFTER_THEME_SIDEBAR)
    app.connect('html-page-context', collapsed_sidebar_once_per_branch, priority=events.AFTER_THEME_SIDEBAR)
    app.connect('write-started', fresh_sidebars)
    app.add_css_file(STYLESHEET)
