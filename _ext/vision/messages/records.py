"""Sphinx writes the extension's messages in Japanese.

A filter on each of Sphinx's handlers (``sphinx.util.logging.setup`` makes
them anew for every application, before the extensions are set up) swaps the
English format of a record from a ``sphinx.vision`` logger for the catalogue's
Japanese. The arguments are formatted into the Japanese later, as they would
have been into the English; the location (``file:line:``) and the type and
subtype (``[vision.…]``, which suppress_warnings matches) are the record's
own and are left alone. On handlers, not loggers, it sees the records of
every module, however late its logger was made, and those a parallel worker
sends back. It runs first, so ``-W`` stops with the Japanese too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .catalogue import japanese

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The names that ``sphinx.util.logging.getLogger`` gives the extension's loggers.
PREFIX = 'sphinx.vision'


class JapaneseRecords(logging.Filter):
    """Replace a ``sphinx.vision`` record's English format by its Japanese."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and (record.name == PREFIX
                                            or record.name.startswith(PREFIX + '.')):
            record.msg = japanese(record.msg)
        return True


FILTER = JapaneseRecords()


def put_on(handler: logging.Handler) -> None:
    """Put the filter first on one handler (once)."""
    if FILTER not in handler.filters:
        handler.filters.insert(0, FILTER)


def setup(app: Sphinx) -> None:
    for handler in logging.getLogger('sphinx').handlers:
        put_on(handler)
