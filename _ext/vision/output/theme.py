"""The theme, adjusted for residents: Japanese labels, WCAG AA, print.

Registers this package's templates and static files for the HTML builders.
The templates add the draft-stage banner (:mod:`vision.output.stage`) after the skip
link and replace two theme components whose labels failed readers: the search
button (its accessible name left out its visible shortcut) and the sidebar
button (English labels). ``vision-residents.css`` holds the banner, a focus
ring visible on any background, and the print layout (content only).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation('vision')

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / 'templates'
STYLESHEET = 'vision-residents.css'


def add_html_paths(app: Sphinx, config: Config) -> None:
    # First, ahead of the component directory the theme puts on templates_path
    # itself, so that our components replace the theme's. A new list, never
    # changed in place: a default value is shared by every application in the
    # process. (The static folder is registered once, by vision.output.html_assets.)
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def name_the_theme_menu(app: Sphinx, config: Config) -> None:
    """The header's overflow menu is 「More」 in every language: name it in Japanese."""
    if config.html_theme == 'pydata_sphinx_theme':
        config.html_theme_options = {'header_dropdown_text': _('その他'),
                                     **config.html_theme_options}


def setup(app: Sphinx) -> None:
    app.connect('config-inited', add_html_paths)
    app.connect('config-inited', name_the_theme_menu)
    app.add_css_file(STYLESHEET)
