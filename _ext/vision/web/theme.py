"""The theme, adjusted for residents: Japanese labels, WCAG AA, print.

Registers this package's templates and static files for the HTML builders.
The templates add the draft-stage banner (:mod:`vision.stage`) after the skip
link and replace two theme components whose labels failed readers: the search
button (its accessible name left out its visible shortcut) and the sidebar
button (English labels). ``vision-residents.css`` holds the banner, a focus
ring visible on any background, and the print layout (content only).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .. import events
from ..translation import language_sites

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation('vision')

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / 'templates'
STYLESHEET = 'vision-residents.css'
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')


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
    app.add_css_file(STYLESHEET)
