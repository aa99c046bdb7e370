"""The extension's message catalogues, in ``locale/``.

``vision`` holds the labels readers see (:mod:`vision.labels`): their message
ids are the Japanese labels, so a Japanese build needs no catalogue and
``locale/<lang>/LC_MESSAGES/vision.po`` translates them for another language
(English: ``locale/en/``, the groundwork for an English edition;
``locale/vision.pot`` is the template).

``sphinx`` is Japanese for the few labels of Sphinx and the HTML theme that
their own Japanese catalogues leave empty ("Link to this heading", "Collapse
Sidebar"); readers must see no English. Added to the ``sphinx`` catalogue as a
fallback, it fills gaps and never overrides an existing translation.

Its English (``locale/en/LC_MESSAGES/sphinx.po``) is the extension's
templates' Japanese words in the English edition. Sphinx has no English
catalogue of its own, so the templates would keep the empty translator Sphinx
made before the extension added this one: :func:`templates_translated` gives
them the catalogue as it now is.

The compiled ``.mo`` files are committed (``make catalogue`` compiles them
with Babel, byte for byte the same each time); a test checks that each agrees
with its ``.po``. Their :func:`digest` is part of the extension's
``env_version``: labels are translated while a page is read, so a changed
catalogue must make Sphinx read every page again, as a changed ``conf.py`` does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import locale

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOCALE_DIR = Path(__file__).with_name('locale')


def digest(locale_dir: Path = LOCALE_DIR) -> int:
    """A number that changes whenever a compiled catalogue's name or bytes change."""
    sha = hashlib.sha256()
    for mo in sorted(locale_dir.rglob('*.mo')):
        sha.update(mo.relative_to(locale_dir).as_posix().encode() + b'\0' + mo.read_bytes())
    return int.from_bytes(sha.digest()[:4], 'big')


def templates_translated(app: Sphinx) -> None:
    """The templates' ``_()`` through the ``sphinx`` catalogue with this extension's part."""
    environment = getattr(getattr(app.builder, 'templates', None), 'environment', None)
    if environment is not None and hasattr(environment, 'install_gettext_translations'):
        environment.install_gettext_translations(locale.get_translator('sphinx'))


def setup(app: Sphinx) -> None:
    app.add_message_catalog('vision', str(LOCALE_DIR))
    app.add_message_catalog('sphinx', str(LOCALE_DIR))
    app.connect('builder-inited', templates_translated)
