"""Japanese for the few labels of Sphinx and the HTML theme that their own
Japanese catalogues leave empty ("Link to this heading", "Collapse Sidebar").

Readers must see no English. ``locale/ja/LC_MESSAGES/sphinx.po`` (compiled to
``sphinx.mo``; a test checks they agree) is added to the ``sphinx`` catalogue
as a fallback: it fills gaps and never overrides an existing translation.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOCALE_DIR = Path(__file__).with_name('locale')


def setup(app: Sphinx) -> None:
    app.add_message_catalog('sphinx', str(LOCALE_DIR))
