"""Checks of one object directive's own source, made while it is read.

- Ids are ASCII. An id typed with full-width letters, digits or hyphens
  (``G４-５``) is reported with its ASCII form, and the object is registered
  under that form, so the one mistake gives one warning, not a warning at
  every page that links the object.
- Ids have no leading zeros: ``O05`` would be another opinion than ``O5``.
  It is reported with, and registered under, its canonical form.
- An indicator's values (``:baseline:``, ``:target:``) have a ``:unit:``:
  without it readers cannot tell what 25 counts.
- An object's body holds neither a heading nor another object. Either is
  what a missing closing ``:::`` produces: everything after the opening
  line is swallowed into the object. The warning is at the opening line.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from ..messages import Term
from .nodes import vision_object

if TYPE_CHECKING:
    from collections.abc import Iterable

logger = logging.getLogger(__name__)

#: Dash-like characters that editors type for the hyphen of ``G1-1`` and
#: that NFKC leaves alone (NFKC already maps the full-width hyphen-minus).
_DASHES = str.maketrans(dict.fromkeys('‐‑‒–—―−ー─', '-'))


def ascii_form(text: str) -> str:
    """``G４－５`` -> ``G4-5``: full-width forms and dash-likes in ASCII."""
    return unicodedata.normalize('NFKC', text).translate(_DASHES).strip()


#: A run of zeros before another digit, at the start of a number: the ``0`` of ``O05``.
_LEADING_ZEROS = re.compile(r'(?<![0-9])0+(?=[0-9])')


def unpadded(object_id: str) -> str:
    """``O05`` -> ``O5``, ``G01-02`` -> ``G1-2``: each number without leading zeros."""
    return _LEADING_ZEROS.sub('', object_id)


def ascii_id(objtype: str, object_id: str, location: Any) -> str:
    """The id to register: ``object_id`` itself, or its canonical form with a warning."""
    if not object_id.isascii():
        suggested = ascii_form(object_id)
        if not (suggested.isascii() and suggested):
            return object_id  # not an id at all: the id pattern reports it
        logger.warning('%s id %r has full-width or non-ASCII characters: write %r',
                       Term(objtype), object_id, unpadded(suggested), location=location,
                       type='vision', subtype='id-ascii')
        return unpadded(suggested)
    if unpadded(object_id) != object_id:
        logger.warning('%s id %r has a leading zero: write %r (%r and %r would be two '
                       'different objects)', Term(objtype), object_id, unpadded(object_id),
                       object_id, unpadded(object_id), location=location,
                       type='vision', subtype='id-zero')
    return unpadded(object_id)


def ascii_ids(objtype: str, object_id: str, option: str, ids: Iterable[str],
              location: Any) -> tuple[str, ...]:
    """The ids of a link option in canonical form, with a warning for each that was not."""
    fixed = []
    for target in ids:
        if not target.isascii() and ascii_form(target).isascii():
            logger.warning('%s %r: :%s: %r has full-width or non-ASCII characters: write %r',
                           Term(objtype), object_id, option, target, unpadded(ascii_form(target)),
                           location=location, type='vision', subtype='id-ascii')
            target = ascii_form(target)
        elif unpadded(target) != target:
            logger.warning('%s %r: :%s: %r has a leading zero: write %r', Term(objtype), object_id,
                           option, target, unpadded(target), location=location,
                           type='vision', subtype='id-zero')
        fixed.append(unpadded(target))
    return tuple(fixed)


#: Fields that are numbers of something, and the field that says of what.
VALUE_FIELDS = ('baseline', 'target')


def check_unit(objtype: str, object_id: str, options: dict[str, Any], location: Any) -> None:
    """Warn if an object has values (:baseline:, :target:) but no :unit:."""
    given = [name for name in VALUE_FIELDS if str(options.get(name) or '').strip()]
    if given and not str(options.get('unit') or '').strip():
        logger.warning('%s %r has a value (:%s:) but no :unit:, so readers cannot tell what '
                       'it counts; add :unit: (for example :unit: %%, 件 or 人)', Term(objtype),
                       object_id, ':, :'.join(given), location=location, type='vision',
                       subtype='missing-unit')


def check_body(objtype: str, object_id: str, body: nodes.Element | None,
               location: Any) -> None:
    """Warn if the body holds a heading or another object (an unclosed fence)."""
    if body is None:
        return
    # MyST turns a heading inside a directive into a rubric with a level.
    heading = next((node for node in body.findall(nodes.Element)
                    if isinstance(node, nodes.section)
                    or (isinstance(node, nodes.rubric) and 'level' in node)), None)
    inner = next(body.findall(vision_object), None)
    if inner is not None:
        logger.warning("%s %r holds the %s %r in its body: is the closing ':::' of this %s "
                       'missing?', Term(objtype), object_id, Term(inner['objtype']),
                       inner['objid'], Term(objtype), location=location, type='vision',
                       subtype='unclosed')
    elif heading is not None:
        title = heading[0].astext() if isinstance(heading, nodes.section) else heading.astext()
        logger.warning("%s %r holds the heading %r in its body: is the closing ':::' of this %s "
                       'missing?', Term(objtype), object_id, title, Term(objtype),
                       location=location, type='vision', subtype='unclosed')
