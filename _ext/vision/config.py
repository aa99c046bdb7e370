"""Every configuration value of the extension, in one place, validated at start-up.

Set them in ``conf.py`` or with ``-D name=value``:

- ``vision_stage``: the draft stage (素案, 案 or 策定) on every page and the cover;
- ``vision_readings``: the readings of index terms, for mendex (a data file);
- ``vision_diagram_font``: the font of mermaid diagrams (a TrueType font, embedded in the PDF);
- ``vision_mermaid_config``: mermaid settings added to the extension's own;
- ``vision_chromium`` and ``vision_node``: the programs that draw diagrams;
- ``vision_diagram_cache``: the drawings' cache (default: ``.mermaid-cache`` next to the output);
- ``vision_diagram_server``: keep the diagram browser running between builds of one
  process (the editors' preview sets it);
- ``vision_raw_html_tags``: the HTML tags editors may type into a page (without
  attributes); any other raw HTML is a warning and is shown as text;
- ``vision_edition``: ``summary`` makes the LaTeX build the 概要版 alone
  (``make summary``, :mod:`vision.editions.summary`), ``print`` the print office's
  本編 (``make pdf-print``, :mod:`vision.print_edition.press`); empty for the screen PDF;
- ``vision_print_colour``: the print files' inks, ``cmyk`` (process colour) or
  ``mono`` (墨1色, black only);
- ``vision_print_chapters_open_right``: chapters of the print edition open on
  right-hand pages (default ``True``);
- ``vision_search_analyser``: the analyser that gives the search its readings,
  ``sudachi`` or ``fugashi`` (:mod:`vision.search.readings`);
- ``vision_pdf``: the built PDF edition, copied into the site and linked from every page;
- ``vision_created``: the 作成日 on every page (ISO date);
- ``vision_contact``: the 問い合わせ先: ``section``, and ``phone``, ``fax``, ``form`` (a URL)
  where the ward gives them.
- ``vision_object_types``: the object types over the defaults (:mod:`vision.object_types`);
- ``vision_document_name``: the document's short name in captions (新産業ビジョンの体系図);
- ``vision_ordinance``: the ordinance at the top of the 体系図 (no box when empty);
- ``vision_subtitle``, ``vision_publication_date`` (ISO; default: ``as_of`` of
  ``vision_publication_date_file``) and ``vision_colophon`` (publisher, editor,
  address, phone, fax, url, number): the cover and the colophon (奥付) of the PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Raw HTML tags an editor may need that cannot run code or change the layout:
#: line breaks, super- and subscripts, ruby (furigana).
RAW_HTML_TAGS = ('br', 'wbr', 'sup', 'sub', 'ruby', 'rb', 'rt', 'rp')

#: The stages a plan goes through before adoption, in order.
STAGES = ('素案', '案', '策定')


#: The print files' inks: process colour, or black only (墨1色).
PRINT_COLOURS = ('cmyk', 'mono')


def check_stage(app: Sphinx, config: Config) -> None:
    if config.vision_stage not in STAGES:
        raise ConfigError(
            f'vision_stage must be one of {", ".join(STAGES)}; got {config.vision_stage!r}'
        )
    if config.vision_print_colour not in PRINT_COLOURS:
        raise ConfigError(f'vision_print_colour must be one of {", ".join(PRINT_COLOURS)}; '
                          f'got {config.vision_print_colour!r}')


def setup(app: Sphinx) -> None:
    app.add_config_value('vision_stage', '素案', 'env', types=frozenset({str}))
    app.add_config_value('vision_edition', '', '', types=frozenset({str}))
    app.add_config_value('vision_print_colour', 'cmyk', '', types=frozenset({str}))
    app.add_config_value('vision_print_chapters_open_right', True, '', types=frozenset({bool}))
    app.add_config_value('vision_readings', 'data/readings.yaml', 'env', types=frozenset({str}))
    app.add_config_value('vision_diagram_font', 'BIZ UDGothic', 'html', str)
    app.add_config_value('vision_mermaid_config', {}, 'html', dict)
    app.add_config_value('vision_chromium', '/usr/bin/chromium', '', str)
    app.add_config_value('vision_node', 'node', '', str)
    app.add_config_value('vision_diagram_cache', '', '', str)
    app.add_config_value('vision_diagram_server', False, '', bool)
    app.add_config_value('vision_raw_html_tags', RAW_HTML_TAGS, 'env',
                         types=frozenset({tuple, list}))
    app.add_config_value('vision_search_analyser', 'sudachi', 'html', types=frozenset({str}))
    app.add_config_value('vision_pdf', '', 'html', types=frozenset({str}))
    app.add_config_value('vision_created', '', 'html', types=frozenset({str}))
    app.add_config_value('vision_contact', {}, 'html', types=frozenset({dict}))
    app.add_config_value('vision_subtitle', '', 'env', types=frozenset({str}))
    app.add_config_value('vision_publication_date', '', 'env', types=frozenset({str}))
    app.add_config_value('vision_publication_date_file', 'data/meetings.yaml', 'env',
                         types=frozenset({str}))
    app.add_config_value('vision_colophon', {}, 'env',
                         types=frozenset({dict}))
    # The plan's own words and types (issue 20: configuration, not code).
    app.add_config_value('vision_object_types', {}, 'env', types=frozenset({dict}))
    app.add_config_value('vision_document_name', '', 'env', types=frozenset({str}))
    app.add_config_value('vision_ordinance', '', 'env', types=frozenset({str}))
    app.connect('config-inited', check_stage)
