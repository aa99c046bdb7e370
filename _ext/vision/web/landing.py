"""The residents' first screen: ``{vision-landing}`` on the site's front page.

PUBLISHING.md: the plan's page says what the plan is before anything else:
its title and stage, its main theme, its policies, and the links to the 本編
and 概要版 PDFs with their sizes; the table of contents follows. All of it
comes from what the site already knows: the project's name and stage from
``conf.py``, the banner object (the main theme) and the top level of the
hierarchy (the 基本的方針) from the domain, and the two PDFs' facts from
:mod:`vision.web.page_info`. Nothing is typed twice. The block is written when
the page is, so a retitled policy or a rebuilt PDF shows at once; other
builders (the PDF, which has its own cover) drop it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from .. import events, labels
from ..build_state import build_state
from ..domain import naming, vision_domain
from ..domain.selection import ViewSpec
from ..sphinx_compat import builder_of
from ..stage import is_draft, stage_name
from .page_info import SITE_BUILDERS, pdf_link_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class vision_landing(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the first screen's content when the page is written."""


class LandingDirective(SphinxDirective):
    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        domain = vision_domain(self.env)
        shown = tuple(kind.key for kind in (domain.types.banner, *domain.types.levels[:1]) if kind)
        if shown:
            domain.note_view(self.env.docname, ViewSpec(shown))
        placeholder = vision_landing()
        self.set_source_info(placeholder)
        return [placeholder]


class FillLanding(SphinxPostTransform):
    default_priority = events.FILL_VIEWS

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(vision_landing)):
            if builder_of(self.env).name in SITE_BUILDERS:
                placeholder.replace_self(self.landing())
            else:
                placeholder.parent.remove(placeholder)

    def landing(self) -> nodes.container:
        config, domain = self.config, vision_domain(self.env)
        block = nodes.container(classes=['vision-landing'])
        stage = config.vision_stage
        lead = str(labels.LANDING_LEAD_DRAFT) % (config.project, stage_name(stage)) if is_draft(stage) \
            else str(labels.LANDING_LEAD) % config.project
        block += nodes.paragraph(lead, lead, classes=['vision-landing-lead'])
        banner = domain.types.banner
        if banner is not None:
            for theme in domain.objects_of(banner.key):
                quoted = str(labels.QUOTED_THEME).format(title=theme.title)
                block += _term(banner.label, nodes.paragraph('', quoted, classes=['vision-landing-theme']))
        levels = domain.types.levels
        if levels and domain.objects_of(levels[0].key):
            link = domain.linker(self.env.docname)
            items = nodes.enumerated_list(classes=['vision-landing-policies'])
            for policy in domain.objects_of(levels[0].key):
                text = f'{naming.display_number(policy)} {policy.title}'
                items += nodes.list_item('', nodes.paragraph('', '', link(policy.objtype, policy.id, text,
                                                                          pageref=False)))
            block += _term(levels[0].label, items)
        state = build_state(self.env)
        downloads = nodes.bullet_list(classes=['vision-landing-downloads'])
        for edition, label in ((state.pdf_edition, labels.LANDING_MAIN_PDF),
                               (state.summary_pdf_edition, labels.LANDING_SUMMARY_PDF)):
            if edition:
                href = relative_uri(builder_of(self.env).get_target_uri(self.env.docname), edition['file'])
                reference = nodes.reference('', pdf_link_text(str(label), edition),
                                            refuri=href, classes=['vision-pdf-link'])
                downloads += nodes.list_item('', nodes.paragraph('', '', reference))
        if downloads.children:
            block += _term(labels.LANDING_DOWNLOADS, downloads)
        return block


def _term(label: object, body: nodes.Element) -> nodes.container:
    """A labelled part of the block: its label as a short heading line, then its content."""
    part = nodes.container(classes=['vision-landing-part'])
    part += nodes.paragraph(str(label), str(label), classes=['vision-landing-label'])
    part += body
    return part


def setup(app: Sphinx) -> None:
    app.add_node(vision_landing)
    app.add_directive('vision-landing', LandingDirective)
    app.add_post_transform(FillLanding)
