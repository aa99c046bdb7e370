"""The 概要版 (summary edition): panels made from the vision's own objects.

``docs/summary.md`` places the parts; each part is generated when the page is
written, from the domain, so a goal retitled in ``docs/`` changes the 概要版
too. Nothing in the 概要版 is typed twice:

``:::{vision-summary} cover``     the project, the stage and the date;
``:::{vision-summary} theme``     the main theme and its statement, in a panel
                                  (the registry's banner type, by its key);
``:::{vision-summary} policy``    each policy with its statement and goals,
                                  one panel per policy, two columns (the
                                  hierarchy's top level, by its key).

The 体系図 and the schedule are the 本編's own directives (``{vision-structure}``
and ``{schedule-timeline}``). In HTML, panels are ``<section>`` elements in a
grid; in print, ``tcolorbox`` panels in ``multicols``
(``sphinxvisionsummary.sty``). ``make summary`` builds the print edition with
``-D vision_edition=summary``, which makes ``summary`` the only LaTeX document.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import events, labels
from ..build_state import build_state
from ..domain import naming, vision_domain
from ..domain.selection import ViewSpec
from ..object_types import ObjectTypes, object_types
from ..print_edition.print_matter import colophon_tex, is_translation, translation_note_tex
from ..stage import title_stage

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    from ..domain.model import VisionObject
    from ..domain.sphinx_domain import Linker, VisionDomain

logger = logging.getLogger(__name__)

COVER = 'cover'
SUMMARY_DOC = 'summary'
#: After the 本編's file name: setagaya-industrial-vision-summary.pdf.
SUMMARY_SUFFIX = '-summary'
STYLE_FILE = Path(__file__).with_name('sphinxvisionsummary.sty')

#: Each build's date line (令和5年9月（2023年9月）), found when the build starts.
#: The edition's date, in the build state's transient part.
_DATE = 'summary_date'


class summary_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the part's content when the page is written."""


class summary_panel(nodes.General, nodes.Element):  # noqa: N801
    """A framed panel with a heading (``title``)."""


class summary_columns(nodes.General, nodes.Element):  # noqa: N801
    """Panels side by side: a grid on screen, two columns on paper."""


class SummaryDirective(SphinxDirective):
    required_arguments = 1
    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0].strip()
        parts = summary_parts(object_types(self.config))
        if part not in parts:
            logger.warning('unknown summary part %r: expected one of %s', part,
                           ', '.join(parts), location=self.get_location(),
                           type='vision', subtype='summary')
            return []
        if parts[part]:
            vision_domain(self.env).note_view(self.env.docname, ViewSpec(parts[part]))
        placeholder = summary_placeholder(part=part)
        self.set_source_info(placeholder)
        return [placeholder]


def summary_parts(types: ObjectTypes) -> dict[str, tuple[str, ...]]:
    """The parts and the types each shows: the cover, the banner, the top level with its children."""
    parts: dict[str, tuple[str, ...]] = {COVER: ()}
    if types.banner is not None:
        parts[types.banner.key] = (types.banner.key,)
    levels = types.levels
    if levels:
        parts[levels[0].key] = tuple(kind.key for kind in levels[:2])
    return parts


class FillSummary(SphinxPostTransform):
    """Replace each placeholder with its part, from the domain's objects."""

    default_priority = events.FILL_VIEWS

    def run(self, **kwargs: object) -> None:
        domain = vision_domain(self.env)
        # Links where the builder has the goal's page; text where it has not
        # (the 概要版's LaTeX document holds only this page).
        linker = domain.linker(self.env.docname)
        for placeholder in list(self.document.findall(summary_placeholder)):
            part = placeholder['part']
            content: list[nodes.Node]
            if part == COVER:
                content = [cover(self.config, build_state(self.env).transient.get(_DATE, ''))]
            elif domain.types[part].banner:
                content = [theme_panel(theme) for theme in domain.objects_of(part)]
            else:
                content = [policy_columns(domain, linker)]
            placeholder.replace_self(content)


def cover(config: Config, date: str) -> nodes.paragraph:
    """「世田谷区新産業ビジョン（素案）　令和5年9月（2023年9月）」"""
    stage = title_stage(config.vision_stage)
    text = f'{config.project}{stage}' + (str(labels.COVER_DATE).format(date=date) if date else '')
    return nodes.paragraph(text, text, classes=['vision-summary-cover'])


def theme_panel(theme: VisionObject) -> summary_panel:
    panel = summary_panel(title=theme.kind.label, panel_id=f'summary-{theme.id}',
                          classes=['vision-summary-theme'])
    name = str(labels.QUOTED_THEME).format(title=theme.title)
    panel += nodes.paragraph('', '', nodes.strong(name, name),
                             classes=['vision-summary-theme-title'])
    if theme.body:
        panel += nodes.paragraph(theme.body, theme.body)
    return panel


def policy_columns(domain: VisionDomain, linker: Linker) -> summary_columns:
    columns = summary_columns()
    levels = domain.types.levels
    below = levels[1] if len(levels) > 1 else None
    for policy in domain.objects_of(levels[0].key):
        title = f'{naming.display_number(policy)} {policy.title}'
        panel = summary_panel(title=title, panel_id=f'summary-{policy.id}',
                              classes=['vision-summary-policy'])
        if policy.body:
            panel += nodes.paragraph(policy.body, policy.body, classes=['vision-summary-statement'])
        goals = domain.children(policy.id, below.key) if below is not None else []
        if below is not None and goals:
            heading = below.label
            panel += nodes.paragraph('', '', nodes.strong(heading, heading),
                                     classes=['vision-summary-goals-heading'])
            items = nodes.bullet_list(classes=['vision-summary-goals'])
            for goal in goals:
                text = f'{naming.display_number(goal)} {goal.title}'
                link = linker(goal.objtype, goal.id, text, pageref=False)
                items += nodes.list_item('', nodes.paragraph('', '', link))
            panel += items
        columns += panel
    return columns


# -- Writers -----------------------------------------------------------------------------

def visit_panel_html(self: HTML5Translator, node: summary_panel) -> None:
    classes = ' '.join(['vision-summary-panel', *node['classes']])
    heading_id = f'{node["panel_id"]}-heading'
    self.body.append(f'<section class="{classes}" aria-labelledby="{heading_id}">'
                     f'<h3 id="{heading_id}">{self.encode(node["title"])}</h3>')


def depart_panel_html(self: HTML5Translator, node: summary_panel) -> None:
    self.body.append('</section>\n')


def visit_columns_html(self: HTML5Translator, node: summary_columns) -> None:
    self.body.append('<div class="vision-summary-columns">')


def depart_columns_html(self: HTML5Translator, node: summary_columns) -> None:
    self.body.append('</div>\n')


def visit_panel_latex(self: LaTeXTranslator, node: summary_panel) -> None:
    self.body.append(f'\n\\begin{{visionsummarypanel}}{{{self.encode(node["title"])}}}\n')


def depart_panel_latex(self: LaTeXTranslator, node: summary_panel) -> None:
    self.body.append('\n\\end{visionsummarypanel}\n')


def visit_columns_latex(self: LaTeXTranslator, node: summary_columns) -> None:
    self.body.append('\n\\begin{visionsummarycolumns}\n')


def depart_columns_latex(self: LaTeXTranslator, node: summary_columns) -> None:
    self.body.append('\n\\end{visionsummarycolumns}\n')


def visit_other(self: object, node: nodes.Element) -> None:
    """Text, EPUB, man ...: the panel's heading as a paragraph, then its content."""
    if isinstance(node, summary_panel):
        node.insert(0, nodes.paragraph(node['title'], node['title']))


def depart_other(self: object, node: nodes.Element) -> None:
    pass


# -- The summary edition's LaTeX document ------------------------------------------------

def configure_summary_latex(app: Sphinx, config: Config) -> None:
    """With ``vision_edition = 'summary'``, the LaTeX build makes only the 概要版."""
    if config.vision_edition != 'summary':
        return
    title = config.project + str(labels.AFTER_TITLE) % labels.SUMMARY_NAME
    config.latex_documents = [(SUMMARY_DOC, f'{summary_name(config)}.tex', title, config.author,
                               'howto')]
    config.latex_domain_indices = False
    # The last page: the 奥付's facts (title, date, publisher, editor), so that
    # the 概要版 is the four pages of an A3 sheet folded to A4.
    publication = app.emit_firstresult(events.PUBLICATION, config)
    back_page = colophon_tex(publication) if publication is not None else ''
    # A reference translation says so under its title (the 本編 on its cover).
    note = rf'{{\centering {translation_note_tex()}}}\bigskip' if is_translation(config) else ''
    config.latex_elements = {
        **config.latex_elements,
        # The PDF's title names the 概要版 (hyperref's pdftitle in conf.py names the 本編).
        'preamble': config.latex_elements.get('preamble', '') + f'\n\\hypersetup{{pdftitle={{{title}}}}}\n',
        'maketitle': rf'{{\centering\sffamily\bfseries\LARGE {title}\par}}\bigskip' + note,
        'tableofcontents': '',
        'printindex': back_page,
        'makeindex': '',
        # Each figure right below its heading: the 体系図 fills its own page.
        'figure_align': 'H',
    }
    app.add_latex_package('sphinxvisionsummary')


def summary_name(config: Config) -> str:
    """The 概要版's file name, after the 本編's in ``conf.py``'s ``latex_documents``."""
    documents = config.latex_documents
    main = Path(documents[0][1]).stem if documents else 'vision'
    return f'{main}{SUMMARY_SUFFIX}'


def copy_style_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == 'latex' and app.config.vision_edition == 'summary':
        shutil.copyfile(STYLE_FILE, Path(app.outdir, STYLE_FILE.name))


def edition_date(app: Sphinx) -> str:
    """The 本編's publication date, 令和5年9月（2023年9月）: the print edition's
    ``vision-publication`` answer (:mod:`vision.datafiles.publication`)."""
    publication = app.emit_firstresult(events.PUBLICATION, app.config)
    return str(publication.date_text) if publication is not None else ''


def start_build(app: Sphinx) -> None:
    build_state(app.env).transient[_DATE] = edition_date(app)


def stylesheet_where_shown(app: Sphinx, pagename: str, templatename: str, context: dict,
                           doctree: object) -> None:
    """The 概要版's stylesheet only on a page that shows its panels or cover
    (every other page was 668 bytes and a request heavier: issue 29's budget)."""
    if 'vision-summary' in context.get('body', ''):
        app.add_css_file('vision-summary.css')


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', start_build)
    app.connect('html-page-context', stylesheet_where_shown, priority=events.PAGE_STYLESHEETS)
    other = (visit_other, depart_other)
    app.add_node(summary_placeholder)
    app.add_node(summary_panel, html=(visit_panel_html, depart_panel_html),
                 latex=(visit_panel_latex, depart_panel_latex), text=other, man=other,
                 texinfo=other)
    app.add_node(summary_columns, html=(visit_columns_html, depart_columns_html),
                 latex=(visit_columns_latex, depart_columns_latex), text=other, man=other,
                 texinfo=other)
    app.add_directive('vision-summary', SummaryDirective)
    app.add_post_transform(FillSummary)
    app.connect('config-inited', configure_summary_latex, priority=events.SUMMARY_LATEX)
    app.connect('build-finished', copy_style_file)
