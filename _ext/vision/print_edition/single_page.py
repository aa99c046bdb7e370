"""The tagged PDF's front and back matter, in the single page it is printed from.

``make pdf-accessible`` prints the singlehtml build (tools/print_accessible.mjs).
For that page, as the upLaTeX PDF has them (:mod:`.print_matter`):

- the cover: the document's title (its H1), then the stage while a draft, the
  publication date and the issuer, each once, as text;
- 目次 after はじめに, before the first chapter: a list of links to the
  chapters and their sections, numbered as their headings;
- the colophon (奥付) after the last chapter: title and stage, the date and
  the ``vision_colophon`` fields that ``conf.py`` sets.

The 概要版 (``docs/summary.md``, outside the 本編's toctree) is written by the
same build as a page of its own, ``summary.html``, for its tagged PDF: the
page as the site has it (its own cover line) under the upLaTeX 概要版's title
(「世田谷区新産業ビジョン（概要版）」), then the colophon, as the upLaTeX 概要版 ends.

The site's page furniture is left out of both pages: the stage banner
(the cover states the stage) and 「このページの情報」 (its address would be a
file path; the colophon says who issued it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes

from .. import events, labels
from ..stage import is_draft

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

BUILDER = 'singlehtml'
#: The 概要版's page (vision.editions.summary's SUMMARY_DOC).
SUMMARY_DOC = 'summary'
#: The depth of the 目次: chapters and their sections, as in the upLaTeX PDF.
CONTENTS_DEPTH = 2


def add_matter(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name != BUILDER:
        return
    if docname == SUMMARY_DOC and docname != app.config.root_doc:
        pub = app.emit_firstresult(events.PUBLICATION, app.config)
        top = next(iter(doctree.findall(nodes.section)), None)
        if pub is not None and top is not None:
            top += colophon(pub)
        return
    if docname != app.config.root_doc:
        return
    top = next(iter(doctree.findall(nodes.section)), None)
    pub = app.emit_firstresult(events.PUBLICATION, app.config)
    if top is None or pub is None or not isinstance(top[0], nodes.title):
        return
    # The cover is the H1 (the section's title, kept where the HTML writer makes
    # it a heading) and what follows it here, up to a page break.
    cover = nodes.container(classes=['vision-pdf-cover'])
    top.insert(1, cover)
    stage = f'（{pub.stage}）' if is_draft(pub.stage) else ''
    for text, kind in ((pub.subtitle, 'subtitle'), (stage, 'stage'), (pub.date_text, 'date'),
                       (pub.issuer, 'issuer')):
        if text:
            cover += nodes.paragraph(text, text, classes=[f'vision-pdf-cover-{kind}'])
    contents = contents_section(app, doctree)
    first_chapter = next((node for node in top.findall(nodes.compound)
                          if 'toctree-wrapper' in node['classes']), None)
    if contents is not None and first_chapter is not None:
        first_chapter.parent.insert(first_chapter.parent.index(first_chapter), contents)
    top += colophon(pub)


def contents_section(app: Sphinx, doctree: nodes.document) -> nodes.section | None:
    """目次: each numbered section down to CONTENTS_DEPTH, linked, with its number."""
    numbers: dict[str, dict[str, tuple[int, ...]]] = app.env.toc_secnumbers
    suffix = app.config.html_secnumber_suffix
    entries: list[tuple[tuple[int, ...], str, str]] = []

    def walk(node: nodes.Node, docname: str, first: set[str]) -> None:
        for child in node.children:
            if isinstance(child, addnodes.start_of_file):
                walk(child, child['docname'], set())
                continue
            if isinstance(child, nodes.section) and child['ids'] and isinstance(child[0], nodes.title):
                doc_numbers = numbers.get(docname, {})
                number = doc_numbers.get('#' + child['ids'][0])
                if number is None and docname not in first:
                    number = doc_numbers.get('')
                first.add(docname)
                if number and len(number) <= CONTENTS_DEPTH:
                    entries.append((number, child['ids'][0], child[0].astext()))
            if isinstance(child, nodes.Element):
                walk(child, docname, first)

    walk(doctree, app.config.root_doc, {app.config.root_doc})
    if not entries:
        return None
    section = nodes.section(ids=['vision-pdf-contents'], classes=['vision-pdf-contents'])
    heading = str(labels.PDF_CONTENTS_HEADING)
    section += nodes.title(heading, heading)
    stack: list[nodes.bullet_list] = [nodes.bullet_list(classes=['vision-pdf-contents-list'])]
    section += stack[0]
    for number, target, title in entries:
        while len(stack) > len(number):
            stack.pop()
        while len(stack) < len(number):
            items = stack[-1].children
            nested = nodes.bullet_list()
            if items and isinstance(items[-1], nodes.list_item):
                items[-1].append(nested)
            else:
                stack[-1] += nodes.list_item('', nested)
            stack.append(nested)
        text = '.'.join(map(str, number)) + suffix + title
        reference = nodes.reference('', text, internal=True, refid=target)
        stack[-1] += nodes.list_item('', nodes.paragraph('', '', reference))
    return section


def colophon(pub: Any) -> nodes.container:
    """The 奥付: title and stage, then a list of its fields (発行年月, 発行, 編集 …)."""
    block = nodes.container(classes=['vision-pdf-colophon'])
    stage = f'（{pub.stage}）' if is_draft(pub.stage) else ''
    block += nodes.paragraph('', pub.title + stage, classes=['vision-pdf-colophon-title'])
    fields = nodes.definition_list(classes=['vision-pdf-colophon-fields'])
    rows = [(str(labels.COLOPHON_LABELS['date']), pub.date_text)] if pub.date_text else []
    for label, value in [*rows, *pub.colophon]:
        fields += nodes.definition_list_item('', nodes.term(label, label),
                                             nodes.definition('', nodes.paragraph(value, value)))
    block += fields
    return block


def leave_out_furniture(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                        doctree: nodes.document | None) -> None:
    if app.builder.name == BUILDER:
        context['vision_stage_banner'] = ''
        context.pop('vision_page_info', None)


def summary_page(app: Sphinx, exception: Exception | None) -> None:
    """``summary.html`` next to the single page: the 概要版 alone, for its tagged PDF.

    The single-page builder writes no page but its one (no ``html-collect-pages``),
    so this page is written when the build has finished, with the builder's own
    page writer and context.
    """
    if exception is not None or app.builder.name != BUILDER or SUMMARY_DOC not in app.env.all_docs \
            or SUMMARY_DOC == app.config.root_doc:
        return
    builder = cast('StandaloneHTMLBuilder', app.builder)
    doctree = app.env.get_and_resolve_doctree(SUMMARY_DOC, builder)
    builder.post_process_images(doctree)
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None or not isinstance(top[0], nodes.title):
        return
    # Its title as the upLaTeX 概要版's: 「世田谷区新産業ビジョン（概要版）」.
    heading = f'{app.config.project}（{labels.SUMMARY_NAME}）'
    top[0].children = []
    top[0] += nodes.Text(heading)
    context = builder.get_doc_context(SUMMARY_DOC, builder.render_partial(top)['fragment'], '')
    context['title'] = heading
    builder.handle_page(SUMMARY_DOC, context, 'page.html')


def setup(app: Sphinx) -> None:
    app.connect('doctree-resolved', add_matter)
    app.connect('build-finished', summary_page)
    app.connect('html-page-context', leave_out_furniture, priority=events.SINGLE_PAGE_FURNITURE)
