"""Translating text the extension stores while reading, before Sphinx's Locale transform.

Sphinx translates the doctree after a page is parsed; what a directive stores
in the domain while parsing (an object's title, read by backlinks,
cross-references, tables, the matrix, the diagrams, ``vision.json``, the
search index and the PDF's bookmarks) would stay Japanese. The directives ask
:func:`translate` instead, from the same page catalogue Sphinx uses.

A message that is fuzzy or stale (:mod:`vision.translation.catalogue`) is
never shown translated: the Japanese is shown, marked, and the build warns at
the page's line (``[vision.translation]``). An untranslated message is shown
in Japanese, marked, without a warning (``make translations`` counts them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from ..messages import N_
from . import catalogue
from .catalogue import FUZZY, STALE, TRANSLATED, UNTRANSLATED, PageCatalogue

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The language the pages are written in: a build in it translates nothing.
SOURCE_LANGUAGE = 'ja'
#: The catalogue of the data files' strings (data/*.yaml), shared by every page.
DATA_DOMAIN = 'data'

OUT_OF_DATE = N_('translation out of date: the Japanese has changed since it was translated, so the '
               'Japanese is shown; update the English in %s (make translations marks it fuzzy)')


@dataclass(frozen=True)
class Translated:
    text: str
    state: str  # catalogue.TRANSLATED, FUZZY, STALE or UNTRANSLATED

    @property
    def shown_in_source_language(self) -> bool:
        return self.state != TRANSLATED


def translating(env: BuildEnvironment) -> bool:
    """Whether this build is a translation (``-D language=en``)."""
    return bool(env.config.language) and env.config.language != SOURCE_LANGUAGE


def catalogue_path(env: BuildEnvironment, domain: str, language: str | None = None) -> Path | None:
    """The ``.po`` of a catalogue domain (``policies/p1``, ``data``) in this build's language
    (or in ``language``)."""
    for directory in env.config.locale_dirs:
        path = catalogue.po_path(Path(env.srcdir, directory), language or env.config.language, domain)
        if path.is_file():
            return path.resolve()
    return None


def page_domain(env: BuildEnvironment, docname: str) -> str:
    return docname_to_domain(docname, env.config.gettext_compact)


def lookup(env: BuildEnvironment, domain: str,
           language: str | None = None) -> tuple[Path | None, PageCatalogue]:
    path = catalogue_path(env, domain, language)
    return path, (catalogue.read(path) if path else PageCatalogue())


def translate(env: BuildEnvironment, text: str, location: Any, *, domain: str | None = None,
              source: str | None = None, line: int | None = None, warn: bool = True,
              language: str | None = None) -> Translated:
    """``text`` in this build's language, from the page's catalogue (or ``domain``'s).

    ``source`` and ``line`` say where the message is (for a stale entry:
    the catalogue's translation of what stood there before). A fuzzy or stale
    message gives the located warning. The catalogue is a dependency of the
    current page, so a change of it re-reads the page.

    ``language``: another language than the build's (the translations a
    Japanese build exports in ``vision.json``); never warns.
    """
    if language is not None and language != env.config.language:
        warn = False
    else:
        language = env.config.language
    if not language or language == SOURCE_LANGUAGE or not text.strip():
        return Translated(text, TRANSLATED)
    path, page = lookup(env, domain or page_domain(env, env.current_document.docname), language)
    if path is not None:
        env.note_dependency(str(path))
    state = page.state(text, source, line)
    if state == TRANSLATED:
        return Translated(page.entries[text][0], TRANSLATED)
    if state in (FUZZY, STALE) and warn:
        warn_out_of_date(path, location)
    return Translated(text, state)


def other_languages(env: BuildEnvironment) -> list[str]:
    """The translations' languages of the published site (``vision_language_sites``)."""
    return [language for language in env.config.vision_language_sites if language != SOURCE_LANGUAGE]


def warn_out_of_date(path: Path | None, location: Any) -> None:
    logger.warning(OUT_OF_DATE, path.name if path else '', location=location,
                   type='vision', subtype='translation')


#: What a marked message says before its Japanese, in the edition's language.
MARKS = {
    UNTRANSLATED: 'Not yet translated: ',
    FUZZY: 'Translation out of date, Japanese original: ',
    STALE: 'Translation out of date, Japanese original: ',
}


def message_of(node: nodes.Element) -> str:
    """The msgid Sphinx's gettext builder extracts for ``node``."""
    for found, message in extract_messages(node):
        if found is node:
            return message
    return ''


_ROLE = re.compile(r'\{[\w:-]+\}`([^`<]*?)(?:\s*<[^`>]*>)?`')
_LINK = re.compile(r'\[([^\]]*)\]\([^)]*\)')
_EMPHASIS = re.compile(r'(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1')


def plain_text(markup: str) -> str:
    """The text a translated message shows, without its MyST markup:
    ``{index}`start-ups``` -> ``start-ups``, ``[text](url)`` -> ``text``."""
    text = _ROLE.sub(r'\1', markup)
    text = _LINK.sub(r'\1', text)
    return _EMPHASIS.sub(r'\2', text).replace('`', '')


def marked(node: nodes.Element, state: str) -> nodes.Element:
    """``node``'s content as Japanese (``lang="ja"``), after the mark of its state."""
    wrapper = nodes.inline('', '', classes=['language-ja', 'vision-untranslated',
                                            f'vision-translation-{state}'])
    wrapper.extend(node.children)
    node.children = []
    mark = nodes.inline('', MARKS[state], classes=['vision-translation-mark'])
    node += mark
    node += wrapper
    return node


__all__ = ['FUZZY', 'STALE', 'TRANSLATED', 'UNTRANSLATED', 'Translated', 'lookup', 'translate',
           'marked', 'message_of', 'other_languages', 'plain_text', 'translating', 'warn_out_of_date']
