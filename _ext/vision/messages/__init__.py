"""The editors' messages in Japanese (issue 24).

Every message the extension logs, and every line the tools print, is written
in the code in English: that English is the message id of the ``vision-messages``
catalogue (``locale/ja/LC_MESSAGES/vision-messages.po``), whose strings are the
Japanese with the same ``%`` placeholders.

- :mod:`.catalogue` looks an English format up and gives its Japanese
  (:func:`japanese`; :func:`translated` formats it, for a message built
  before it is logged and for the tools' output);
- :mod:`.records` swaps the format of every record of a ``sphinx.vision``
  logger for its Japanese before Sphinx writes it, so a call site stays
  ``logger.warning(fmt, *args, location=..., type='vision', subtype=...)`` and
  keeps its ``file:line:`` location and its ``[vision.…]`` code; an object
  type's key given as :class:`Term` (``goal``) is shown as its name (目指す姿);
- :mod:`.console` puts Sphinx's own Japanese catalogue on its console
  messages (``toctree contains reference to nonexisting document`` ...),
  whatever the locale of the editor's shell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import console, records
from .catalogue import N_, Term, japanese, translated

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ['N_', 'Term', 'japanese', 'setup', 'translated']


def setup(app: Sphinx) -> None:
    console.setup(app)
    records.setup(app)
