"""Cross-reference roles: ``{goal}`G1-1```, ``{vision:goal}`G1-1```, ...

A role makes a ``pending_xref`` in the ``vision`` domain; the domain resolves
it at write time (:meth:`VisionDomain.resolve_xref`) and, unless the editor
wrote their own text (``{goal}`この姿 <G1-1>```), generates the link text
from the object: 目指す姿1-1 地域の事業者が…. A target the domain does not
have goes on through Sphinx's pipeline (intersphinx, ``missing-reference``,
``nitpick_ignore``) and only then is a warning
(:func:`vision.domain.sphinx_domain.warn_missing_reference`).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.roles import XRefRole
from sphinx.util import logging

from ..messages import Term
from .object_checks import unpadded

logger = logging.getLogger(__name__)

#: Marks a reference whose target :mod:`vision.domain.checks` has checked already.
CHECKED_LINK = 'vision_checked_link'


class VisionXRefRole(XRefRole):
    """A reference to an object of one type, with or without the ``vision:`` prefix."""

    def __init__(self, objtype: str) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)
        self.objtype = objtype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        result, messages = super().run()
        # Registered globally as ``goal`` the base class leaves the domain
        # empty; every vision role belongs to the vision domain.
        for node in result:
            for xref in node.findall(addnodes.pending_xref):
                xref['refdomain'] = 'vision'
                xref['reftype'] = self.objtype
                self._unpad(xref)
                for inner in xref.findall(nodes.inline):
                    inner['classes'] = ['xref', 'vision', f'vision-{self.objtype}']
        return result, messages

    def _unpad(self, xref: addnodes.pending_xref) -> None:
        """``{opinion}`O05``` links O5, with a warning: O05 is no other opinion."""
        target = xref['reftarget']
        if unpadded(target) != target:
            logger.warning('%s reference %r has a leading zero: write %r', Term(self.objtype), target,
                           unpadded(target), location=self.get_location(), type='vision',
                           subtype='id-zero')
            xref['reftarget'] = unpadded(target)

    def process_link(self, env, refnode, has_explicit_title, title, target):
        return title, target.strip()


def make_xref(objtype: str, target: str, docname: str,
              text: str | None = None) -> addnodes.pending_xref:
    """A reference made by the extension itself (backlinks, tables, fields).

    It does not warn (``refwarn`` false), not even when ``nitpicky``
    (``checked_links``): a dangling one was already reported where its link is
    declared (:mod:`vision.domain.checks`). It still goes through intersphinx.
    """
    xref = addnodes.pending_xref(
        '', refdomain='vision', reftype=objtype, reftarget=target,
        refexplicit=text is not None, refwarn=False, refdoc=docname,
    )
    xref[CHECKED_LINK] = True
    xref += nodes.inline(text or target, text or target,
                         classes=['xref', 'vision', f'vision-{objtype}'])
    return xref
