"""What a ward's plan page shows besides its text (PUBLISHING.md, "The web edition").

On every page of the residents' site, after the article:

- the PDF edition, copied into the site, with its size and page count
  (「PDF版（1.2MB、24ページ）」), when ``vision_pdf`` names a built PDF; then
  the print edition's PDF (``vision_print_pdf``) as 「印刷用PDF（1.2MB、25ページ）」;
- 作成日 (``vision_created``) and 更新日 (the build's date, which the Makefile
  fixes to the last commit's), in era form;
- the 問い合わせ先: ``vision_contact``'s section, then only the phone, fax and
  mail form ``conf.py`` gives; nothing is made up;
- in print only, the page's address: from ``html_baseurl`` when it is set,
  otherwise the address the reader opened (filled in by a script).

Also the stage in every page's ``<title>`` while it is a draft, a meta
description (the page's first paragraph), and a Japanese 404 page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx.util import logging

from .. import labels
from ..build_state import build_state
from ..stage import title_stage

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: The builders that make the residents' site (not EPUB, not the single page).
SITE_BUILDERS = ('html', 'dirhtml')
#: The longest meta description, in characters: search engines show about this many.
DESCRIPTION_LENGTH = 110


def copy_pdf(app: Sphinx) -> None:
    """Copy the PDF editions (the 本編's, the 概要版's, the print edition's) into the site
    and note their size and pages.

    Each is published under its own file name; one whose name another took
    (the tagged PDF and the print edition are both ``setagaya-industrial-vision.pdf``)
    gets ``-print`` before its ending.
    """
    state = build_state(app.env)
    taken: set[str] = set()
    state.pdf_edition = published_pdf(app, app.config.vision_pdf, taken)
    state.summary_pdf_edition = published_pdf(app, app.config.vision_summary_pdf, taken)
    state.print_pdf_edition = published_pdf(app, app.config.vision_print_pdf, taken, suffix='-print')


def published_pdf(app: Sphinx, setting: str, taken: set[str] | None = None,
                  suffix: str = '-2') -> dict[str, Any] | None:
    """Copy ``setting``'s PDF into the site under a name not in ``taken`` (which it joins)."""
    if app.builder.name not in SITE_BUILDERS or not setting:
        return None
    source = Path(app.confdir, setting)
    if not source.is_file():
        logger.info('vision: no PDF edition at %s; pages link to none', source)
        return None
    taken = set() if taken is None else taken
    name = source.name
    if name in taken:
        name = f'{source.stem}{suffix}{source.suffix}'
    taken.add(name)
    target = Path(app.outdir, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return {'file': name, 'size': size_text(source.stat().st_size), 'pages': page_count(source)}


def pdf_link_text(name: str, edition: dict[str, Any]) -> str:
    """「概要版（PDF：120KB、4ページ）」: the name, then the format, size and page count.

    A name that says PDF already (「印刷用PDF」) does not say it twice: 「印刷用PDF（1.2MB、25ページ）」.
    """
    pages = str(labels.PDF_PAGES).format(pages=edition['pages']) if edition.get('pages') else ''
    kind = '' if name.endswith('PDF') else str(labels.PDF_KIND)
    return str(labels.PDF_LINK).format(name=name, details=f'{kind}{edition["size"]}{pages}')


def size_text(size: int) -> str:
    """A file size as ward sites give it: 850KB, 1.2MB."""
    if size < 1_000_000:
        return f'{max(1, round(size / 1000))}KB'
    return f'{size / 1_000_000:.1f}MB'


def page_count(pdf: Path) -> int | None:
    """The PDF's number of pages, from poppler's ``pdfinfo``."""
    try:
        info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in info.splitlines():
        if line.startswith('Pages:'):
            return int(line.split()[1])
    return None


def build_date() -> str:
    """The build's date (``SOURCE_DATE_EPOCH`` when set, as the Makefile does), ISO form."""
    epoch = int(os.environ.get('SOURCE_DATE_EPOCH', time.time()))
    return time.strftime('%Y-%m-%d', time.gmtime(epoch))


def first_paragraph(doctree: nodes.document | None) -> str:
    if doctree is None:
        return ''
    for paragraph in doctree.findall(nodes.paragraph):
        # A table's cell (「時期」) says nothing about the page.
        if any(isinstance(parent, (nodes.table, nodes.caption)) for parent in _ancestors(paragraph)):
            continue
        text = ' '.join(paragraph.astext().split())
        if text:
            return text if len(text) <= DESCRIPTION_LENGTH else text[:DESCRIPTION_LENGTH - 1] + '…'
    return ''


#: The titles of the pages Sphinx writes itself (genindex.html, search.html), in Japanese.
SPHINX_PAGE_TITLES = {'genindex': '索引', 'search': '検索'}


def striptags(html: str) -> str:
    return Markup(html).striptags()


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def description(doctree: nodes.document | None, title: str, site_title: str) -> str:
    """The page's first paragraph of running text; else what the page is, in です・ます."""
    found = first_paragraph(doctree)
    if found:
        return found
    if not title or title == site_title:
        return site_title
    return f'{site_title}の{title}です。'


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: nodes.document | None) -> None:
    config = app.config
    stage = config.vision_stage
    context['vision_page_info'] = {
        'pdf': build_state(app.env).pdf_edition,
        'summary_pdf': build_state(app.env).summary_pdf_edition,
        'print_pdf': build_state(app.env).print_pdf_edition,
        'print_pdf_label': str(labels.PRINT_PDF),
        'created': config.vision_created,
        'updated': build_date(),
        'contact': config.vision_contact,
        'url': context.get('pageurl'),
    }
    context['vision_title_stage'] = title_stage(stage)
    context['vision_pdf_link_text'] = pdf_link_text
    # Sphinx's own pages set their title in the template, not the context.
    title = striptags(context.get('title') or SPHINX_PAGE_TITLES.get(pagename, ''))
    site_title = striptags(context.get('docstitle') or '')
    # The landing page's title is the site's: say it once (not 「A — A（素案）」).
    context['vision_title_is_site'] = not title or title == site_title
    context['vision_description'] = description(doctree, title, site_title + context['vision_title_stage'])


def not_found_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The 404 page, ``404.html`` at the site's root, in the build's language."""
    if app.builder.name in SITE_BUILDERS:
        yield '404', {'title': str(labels.NOT_FOUND_TITLE)}, 'vision-404.html'


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', copy_pdf)
    app.connect('html-page-context', page_context)
    app.connect('html-collect-pages', not_found_page)
