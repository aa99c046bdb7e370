"""The extension's message catalogues, in ``locale/``.

``vision`` holds the labels readers see (:mod:`vision.labels`): their message
ids are the Japanese labels, so a Japanese build needs no catalogue and
``locale/<lang>/LC_MESSAGES/vision.po`` translates them for another language
(English: ``locale/en/``, the groundwork for an English edition;
``locale/vision.pot`` is the template).

``sphinx`` is Japanese for the few labels of Sphinx and the HTML theme that
their own Japanese catalogues leave empty ("Link to this heading", "Collapse
Sidebar"); readers must see no English. Added to the ``sphinx`` catalogue as a
fallback, it fills gaps and never overrides an existing translation.

The compiled ``.mo`` files are committed (``make catalogue`` compiles them
with Babel, byte for byte the same each time); a test checks that each agrees
with its ``.po``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOCALE_DIR = Path(__file__).with_name('locale')


def setup(app: Sphinx) -> None:
    app.add_message_catalog('vision', str(LOCALE_DIR))
    app.add_message_catalog('sphinx', str(LOCALE_DIR))
