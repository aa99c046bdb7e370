"""Sphinx's own messages in Japanese.

Sphinx translates its console messages (``__()``: warnings, progress, errors)
with the ``console`` translator, which ``sphinx.cmd.build.main`` sets from the
shell's locale (``sphinx.locale.init_console``, ``LC_MESSAGES``): in a shell
without a Japanese locale, or under ``sphinx.testing``, they are English.
The editors read Japanese, so the extension loads Sphinx's Japanese catalogue
for the console whatever the locale. The messages are translated when they
are written, so every one from here on is Japanese; the few Sphinx writes
before the extensions are set up ("Running Sphinx", "loading translations")
follow the locale. A message Sphinx's catalogue leaves untranslated stays
English.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx
from sphinx import locale

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SPHINX_LOCALE_DIR = Path(sphinx.__file__).resolve().parent / 'locale'
LANGUAGE = 'ja'


#: The Japanese console translator this module put in place, once loaded.
_LOADED: list[gettext.NullTranslations] = []


def setup(app: Sphinx) -> None:
    if _LOADED and locale.translators.get(('console', 'sphinx')) is _LOADED[0]:
        return
    if not _LOADED:
        _LOADED.append(gettext.translation('sphinx', str(SPHINX_LOCALE_DIR), languages=[LANGUAGE],
                                           fallback=True))
    locale.translators['console', 'sphinx'] = _LOADED[0]
