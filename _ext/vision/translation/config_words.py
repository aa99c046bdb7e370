"""``conf.py``'s words readers see, in a translated build: the ``conf`` catalogue.

The project's name (the site's title, the 概要版's cover), the 問い合わせ先,
the colophon, the document's name in captions, the ordinance of the 体系図
and the figure and table numbers (表%s) are configuration, not page text, so
no Sphinx catalogue holds them. They are the messages of
``locales/<lang>/LC_MESSAGES/conf.po``:

- Sphinx's gettext builder gets them, each at its ``conf.py:LINE``, when it
  starts writing (``make translations`` merges and counts ``conf``);
- a translated build replaces each by its translation on ``config-inited``;
  a fuzzy one stays Japanese and is warned about at its line of ``conf.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.gettext import MsgOrigin

from .. import events
from . import catalogue
from .lookup import SOURCE_LANGUAGE, warn_out_of_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

#: The catalogue of conf.py's words.
CONF_DOMAIN = 'conf'
#: Configuration values that are words readers see.
WORDS = ('project', 'html_title', 'author', 'copyright', 'vision_document_name', 'vision_ordinance',
         'vision_subtitle')
#: Dictionaries of configuration whose values (at these keys) are words readers see.
WORDS_IN = {'vision_contact': ('section',), 'vision_colophon': ('publisher', 'editor'),
            'numfig_format': ('figure', 'table')}


def config_words(config: Config) -> Iterator[tuple[str, str | None, str]]:
    """(name, key or None, text) of every word of the configuration to translate."""
    for name in WORDS:
        value = getattr(config, name, None)
        if isinstance(value, str) and value.strip():
            yield name, None, value
    for name, keys in WORDS_IN.items():
        mapping = getattr(config, name, None)
        if isinstance(mapping, dict):
            for key in keys:
                value = mapping.get(key)
                if isinstance(value, str) and value.strip():
                    yield name, key, value


def line_in_conf(conf_py: Path, text: str) -> int:
    """The first line of conf.py that writes ``text`` as a string (1 if none does)."""
    try:
        lines = conf_py.read_text(encoding='utf-8').splitlines()
    except OSError:
        return 1
    for quoted in (f"'{text}'", f'"{text}"', text):
        for number, line in enumerate(lines, 1):
            if quoted in line:
                return number
    return 1


def _po(app: Sphinx, config: Config) -> Path | None:
    for directory in config.locale_dirs:
        path = catalogue.po_path(Path(app.srcdir, directory), config.language, CONF_DOMAIN)
        if path.is_file():
            return path
    return None


def translate_config(app: Sphinx, config: Config) -> None:
    """A translated build: each word of the configuration in the build's language."""
    if not config.language or config.language == SOURCE_LANGUAGE:
        return
    path = _po(app, config)
    if path is None:
        return
    page = catalogue.read(path)
    conf_py = Path(app.confdir, 'conf.py')
    for name, key, text in list(config_words(config)):
        state = page.state(text)
        if state == catalogue.TRANSLATED:
            translated = page.entries[text][0]
            if key is None:
                setattr(config, name, translated)
            else:
                setattr(config, name, {**getattr(config, name), key: translated})
        elif state == catalogue.FUZZY:
            warn_out_of_date(path, f'conf.py:{line_in_conf(conf_py, text)}')


def offer_to_gettext(app: Sphinx, builder: Builder) -> None:
    """Sphinx's gettext builder: conf.py's words into the ``conf`` catalogue."""
    if builder.name != 'gettext':
        return
    found: Any = builder.catalogs[CONF_DOMAIN]  # type: ignore[attr-defined]
    conf_py = Path(app.confdir, 'conf.py')
    for _name, _key, text in config_words(app.config):
        found.add(text, MsgOrigin(str(conf_py), line_in_conf(conf_py, text)))


def setup(app: Sphinx) -> None:
    app.connect('config-inited', translate_config, priority=events.TRANSLATE_CONFIG)
    app.connect('write-started', offer_to_gettext)
