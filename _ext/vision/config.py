"""Every configuration value of the extension, declared once and checked at start-up.

Set them in ``conf.py`` or with ``-D name=value``. :data:`SETTINGS` holds one
:class:`Setting` per value (its default, when a change rebuilds, its checker
and an example of the right form); :func:`setup` registers them in a loop and
:func:`check_settings` checks them all at ``config-inited``, before anything
reads them. A value that does not pass is one warning (``[vision.config]``)
naming the setting, what was written and an example; the default is used
instead, and ``-W`` makes the warning fatal. Adding a setting is one line in
:data:`SETTINGS`.

A checker takes the written value and returns it in the form the code reads
(dates in ISO form, a tag list as a tuple, ``'yes'`` as ``True``), or raises
:class:`ValueError`.

Dates may be written the ways ward staff write them: ``2023-09-05``,
``2023/09/05``, ``2023年9月5日`` or ``令和5年9月5日`` (the era table of
:mod:`vision.typesetting`, shared with the era dates of the data files).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from sphinx.util import logging

from . import events
from .object_types import registry_from
from .typesetting import ERA_FIRST_YEAR, ERA_NAMES, ERAS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: Raw HTML tags an editor may need that cannot run code or change the layout:
#: line breaks, super- and subscripts, ruby (furigana).
RAW_HTML_TAGS = ('br', 'wbr', 'sup', 'sub', 'ruby', 'rb', 'rt', 'rp')
#: Tags never allowed as raw HTML: they run code, load other content or take input.
UNSAFE_TAGS = frozenset({'script', 'style', 'iframe', 'object', 'embed', 'link', 'meta',
                         'base', 'form', 'input', 'button', 'textarea', 'select', 'frame',
                         'frameset', 'applet', 'svg', 'math', 'template'})
#: The stages a plan goes through before adoption, in order.
STAGES = ('素案', '案', '策定')
#: The analysers that can give the search its readings (:mod:`vision.search.readings`).
ANALYSERS = ('sudachi', 'fugashi')
#: The LaTeX editions besides the screen PDF (``''``): the 概要版
#: (:mod:`vision.editions.summary`) and the print office's 本編 (:mod:`vision.print_edition.press`).
EDITIONS = ('', 'summary', 'print')
#: The print files' inks: process colour, or black only (墨1色).
PRINT_COLOURS = ('cmyk', 'mono')
#: The fields of the 問い合わせ先 and of the colophon (奥付).
CONTACT_FIELDS = ('section', 'phone', 'fax', 'form')
COLOPHON_FIELDS = ('publisher', 'editor', 'address', 'phone', 'fax', 'url', 'number')
#: Where the readings of index terms are when ``vision_readings`` is not set.
DEFAULT_READINGS = 'data/readings.yaml'


# -- Checkers: the written value -> the value the code reads, or ValueError --------------

def text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def nonempty(value: Any) -> str:
    if not text(value).strip():
        raise ValueError(value)
    return value


def one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if text(value) not in choices:
            raise ValueError(value)
        return value
    return check


def file_ending(suffix: str) -> Callable[[Any], str]:
    """A path ending in *suffix*, or empty (not set)."""
    def check(value: Any) -> str:
        if text(value) and not value.lower().endswith(suffix):
            raise ValueError(value)
        return value
    return check


def flag(value: Any) -> bool:
    """``True``/``False``, or from ``-D``: 1, 0, yes, no, true, false, on, off."""
    if isinstance(value, bool):
        return value
    words = {'1': True, 'yes': True, 'true': True, 'on': True,
             '0': False, 'no': False, 'false': False, 'off': False}
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    raise ValueError(value)


def mapping(value: Any) -> dict:
    if not isinstance(value, dict):
        raise ValueError(value)
    return value


def language_folders(value: Any) -> dict:
    """Languages (``'en'``) to folders of the published tree (``''``, ``'en'``),
    relative and without ``..``."""
    for language, folder in mapping(value).items():
        if not re.fullmatch(r'[a-z]{2,3}(-[A-Za-z0-9]+)*', text(language)) or \
                text(folder).startswith('/') or '..' in folder.split('/'):
            raise ValueError(value)
    return value


def fields(*known: str, urls: tuple[str, ...] = ()) -> Callable[[Any], dict]:
    """A dict of text fields, each one of *known*; the fields in *urls* web addresses."""
    def check(value: Any) -> dict:
        if set(mapping(value)) - set(known) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError(value)
        if any(value.get(key) and not re.match(r'https?://\S+$', value[key]) for key in urls):
            raise ValueError(value)
        return value
    return check


def object_type_records(value: Any) -> dict:
    """Records over the default object types that make a registry (:mod:`vision.object_types`)."""
    registry_from(mapping(value))  # ObjectTypeError, a ValueError, names what is wrong
    return value


def tag_names(value: Any) -> tuple[str, ...]:
    """HTML tag names, as a list or (from ``-D``) separated by commas."""
    names = value.split(',') if isinstance(value, str) else value
    if not isinstance(names, (list, tuple)):
        raise ValueError(value)
    tags = tuple(str(name).strip().lower() for name in names)
    if not all(re.fullmatch(r'[a-z][a-z0-9]*', tag) and tag not in UNSAFE_TAGS for tag in tags):
        raise ValueError(value)
    return tags


_DAY_PATTERNS = (
    re.compile(r'(?P<year>\d{4})[-/](?P<month>\d{1,2})(?:[-/](?P<day>\d{1,2}))?'),
    re.compile(r'(?P<year>\d{4})年(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?'),
    re.compile(f'(?P<era>{"|".join(ERA_NAMES)})' r'(?P<year>\d{1,2}|元)年(?P<month>\d{1,2})月'
               r'(?:(?P<day>\d{1,2})日)?'),
)


def parse_date(value: str) -> tuple[date, bool]:
    """The day (or first of the month) written in *value*, and whether a day was given.

    ``2023-09-05``, ``2023/09/05``, ``2023年9月5日`` and ``令和5年9月5日`` give
    the same day; digits may be full-width. ValueError if it is no calendar
    date or an era year its era never had (平成32年).
    """
    written = value.strip().translate(_FULL_WIDTH_DIGITS)
    for pattern in _DAY_PATTERNS:
        match = pattern.fullmatch(written)
        if match is None:
            continue
        year = match['year']
        era = match.groupdict().get('era')
        number = 1 if year == '元' else int(year)
        western = ERA_FIRST_YEAR[era] + number - 1 if era else number
        day = date(western, int(match['month']), int(match['day'] or 1))
        if era and not _in_era(era, day):
            raise ValueError(value)
        return day, match['day'] is not None
    raise ValueError(value)


_FULL_WIDTH_DIGITS = str.maketrans('０１２３４５６７８９／－', '0123456789/-')


def _in_era(era: str, day: date) -> bool:
    starts = [start for _name, start in ERAS]
    index = [name for name, _start in ERAS].index(era)
    end = starts[index + 1] if index + 1 < len(starts) else date.max
    # An era date's month may begin before the era (令和元年5月 is all of May 2019).
    return date(starts[index].year, starts[index].month, 1) <= day < end


def a_day(value: Any) -> str:
    """A day, in any of the forms of :func:`parse_date`; read as ``YYYY-MM-DD``."""
    if text(value) == '':
        return value
    day, has_day = parse_date(value)
    if not has_day:
        raise ValueError(value)
    return day.isoformat()


def a_month_or_day(value: Any) -> str:
    """A month (``2024-03``, ``令和6年3月``) or a day; read as ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if text(value) == '':
        return value
    day, has_day = parse_date(value)
    return day.isoformat() if has_day else day.isoformat()[:7]


# -- The settings ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Setting:
    """One configuration value: what it is, and how a written value is checked."""

    name: str
    default: Any
    #: What a change rebuilds: ``'env'`` (every page is read again), ``'html'``, ``''``.
    rebuild: Literal['', 'env', 'html']
    check: Callable[[Any], Any]
    #: The right form, as the editor would write it in conf.py.
    example: str
    doc: str


S = Setting
#: Every ``vision_*`` setting. One line adds a setting.
SETTINGS: tuple[Setting, ...] = (
    S('vision_stage', '素案', 'env', one_of(*STAGES), "'素案'、'案'、'策定'",
      'the draft stage on every page and the cover'),
    S('vision_edition', '', '', one_of(*EDITIONS), "'summary'、'print'",
      "'summary' makes the LaTeX build the 概要版 alone (make summary), 'print' the print "
      "office's 本編 (make pdf-print); empty for the screen PDF"),
    S('vision_print_colour', 'cmyk', '', one_of(*PRINT_COLOURS), "'cmyk'、'mono'",
      "the print files' inks: process colour, or black only (墨1色)"),
    S('vision_print_chapters_open_right', True, '', flag, 'True',
      'chapters of the print edition open on right-hand pages'),
    S('vision_readings', '', 'env', file_ending('.yaml'), "'data/readings.yaml'",
      'the readings of index terms, for mendex; empty: data/readings.yaml if the project '
      'has one (no warning when it has none)'),
    S('vision_diagram_font', 'BIZ UDGothic', 'html', nonempty, "'BIZ UDGothic'",
      'the font of mermaid diagrams (a TrueType font, embedded in the PDF)'),
    S('vision_mermaid_config', {}, 'html', mapping, "{'theme': 'neutral'}",
      "mermaid settings added to the extension's own"),
    S('vision_chromium', '/usr/bin/chromium', '', nonempty, "'/usr/bin/chromium'",
      'the browser that draws diagrams'),
    S('vision_node', 'node', '', nonempty, "'node'", 'the Node.js that runs the drawing script'),
    S('vision_diagram_cache', '', '', text, "'.mermaid-cache'",
      "the drawings' cache (empty: .mermaid-cache next to the output)"),
    S('vision_diagram_server', False, '', flag, 'True',
      'keep the diagram browser running between builds of one process (the preview)'),
    S('vision_raw_html_tags', list(RAW_HTML_TAGS), 'env', tag_names, "['br', 'ruby', 'rt']",
      'the HTML tags editors may type into a page (without attributes)'),
    S('vision_search_analyser', 'sudachi', 'html', one_of(*ANALYSERS), "'sudachi'、'fugashi'",
      'the analyser that gives the search its readings'),
    S('vision_pdf', '', 'html', file_ending('.pdf'), "'_build/pdf-accessible/setagaya-industrial-vision.pdf'",
      'the built PDF edition (the tagged PDF, make pdf-accessible), copied into the site and linked '
      'from every page'),
    S('vision_summary_pdf', '', 'html', file_ending('.pdf'),
      "'_build/summary/setagaya-industrial-vision-summary.pdf'",
      'the built 概要版 PDF, copied into the site and linked from the front page and every page'),
    S('vision_print_pdf', '', 'html', file_ending('.pdf'), "'_build/latex/setagaya-industrial-vision.pdf'",
      "the print edition's PDF (upLaTeX), copied into the site and linked from the front page and "
      "every page as 「印刷用PDF」 (named …-print.pdf when vision_pdf has its file name)"),
    S('vision_language_sites', {}, 'html', language_folders, "{'ja': '', 'en': 'en'}",
      "each language's site folder in the published tree, the original language first: "
      'every page links to itself in the others (empty: no language switcher)'),
    S('vision_created', '', 'html', a_day, "'2023-09-05'、'2023/09/05'、'2023年9月5日'、'令和5年9月5日'",
      'the 作成日 on every page'),
    S('vision_contact', {}, 'html', fields(*CONTACT_FIELDS, urls=('form',)),
      "{'section': '経済産業部 産業連携交流推進課', 'form': 'https://…'}",
      'the 問い合わせ先: section, and phone, fax, form (a URL) where the ward gives them'),
    S('vision_subtitle', '', 'env', text, "'副題'", 'a subtitle under the title on the cover'),
    S('vision_publication_date', '', 'env', a_month_or_day, "'2024-03'、'令和6年3月'",
      'the month of publication on the cover and colophon (empty: as_of of '
      'vision_publication_date_file)'),
    S('vision_publication_date_file', 'data/meetings.yaml', 'env', file_ending('.yaml'),
      "'data/meetings.yaml'", 'the data file whose as_of is the month of publication'),
    S('vision_colophon', {}, 'env', fields(*COLOPHON_FIELDS),
      "{'publisher': '世田谷区', 'editor': '…'}",
      'the colophon (奥付): publisher, editor, address, phone, fax, url, number'),
    S('vision_prose_checks', True, '', flag, 'False',
      'the HTML and PDF builds report the prose checks (textlint) as warnings; make check always does'),
    S('vision_prose_server', False, '', flag, 'True',
      'keep one textlint process running between builds of one process (the preview)'),
    S('vision_prose_config', '', '', file_ending('.json'), "'.textlintrc.json'",
      "the prose checks' textlint configuration, relative to the confdir; empty: .textlintrc.json "
      'if the project has one (no checks and no warning when it has none)'),
    # The plan's own words and types (issue 20: configuration, not code).
    S('vision_object_types', {}, 'env', object_type_records,
      "{'goal': {'name': '目指す姿'}}", 'the object types over the defaults (vision.object_types)'),
    S('vision_document_name', '', 'env', text, "'新産業ビジョン'",
      "the document's short name in captions (新産業ビジョンの体系図); the project's when empty"),
    S('vision_ordinance', '', 'env', text, "'世田谷区地域経済の持続可能な発展条例'",
      'the ordinance at the top of the 体系図 (no box when empty)'),
)
del S
BY_NAME = {setting.name: setting for setting in SETTINGS}


def check_settings(app: Sphinx, config: Config) -> None:
    """Check every setting; a bad one is one warning, and its default is used."""
    for setting in SETTINGS:
        written = config[setting.name]
        try:
            config[setting.name] = setting.check(written)
        except (ValueError, TypeError):
            logger.warning('%s = %r cannot be used; write it like %s (the default %r is used '
                           'instead)', setting.name, written, setting.example, setting.default,
                           type='vision', subtype='config')
            config[setting.name] = setting.default


def document_name(config: Config) -> str:
    """The plan's short name in captions: ``vision_document_name``, else the project's name."""
    return config.vision_document_name or config.project


def readings_file(config: Config) -> tuple[str, bool]:
    """The readings file (relative to the confdir), and whether the project named it."""
    return config.vision_readings or DEFAULT_READINGS, bool(config.vision_readings)


def setup(app: Sphinx) -> None:
    for setting in SETTINGS:
        # Text too (from -D) and the checked form: the checker, run before
        # Sphinx's own type check, says what is wrong.
        app.add_config_value(setting.name, setting.default, setting.rebuild,
                             types=frozenset({type(setting.default), str, tuple}),
                             description=setting.doc)
    app.connect('config-inited', check_settings, priority=events.CHECK_CONFIG)
