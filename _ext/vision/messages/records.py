"""Sphinx writes the extension's messages in Japanese.

A filter swaps the English format of a record from a ``sphinx.vision`` logger
for the catalogue's Japanese. The arguments are formatted into the Japanese
later, as they would have been into the English, except that an object type's
key passed as a :class:`~.catalogue.Term` (``goal``) is given as the type's
name (目指す姿, or the name ``conf.py`` gives it). The location
(``file:line:``) and the type and subtype (``[vision.…]``, which
``suppress_warnings`` matches) are the record's own and are left alone.

The filter sits in two places:

- on each ``sphinx.vision`` logger, so a record is Japanese from the moment it
  is made: a parallel reader (``-j``) formats its records before it sends
  them to the main process (``sphinx.util.logging.convert_serializable``);
- first on each of Sphinx's handlers (``sphinx.util.logging.setup`` makes them
  anew for every application, before the extensions are set up), for a
  logger made after set-up; first, so ``-W`` stops with the Japanese too.

A record already in Japanese is left as it is, so the second pass does nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..object_types import object_types, registry_from
from .catalogue import Term, japanese

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The names that ``sphinx.util.logging.getLogger`` gives the extension's loggers.
PREFIX = 'sphinx.vision'


def type_names(config: Config | None) -> dict[str, str]:
    """Each object type's key -> its Japanese name, from ``conf.py``'s registry."""
    try:
        types = object_types(config) if config is not None else registry_from(None)
    except (ValueError, AttributeError):  # a bad vision_object_types has its own warning
        types = registry_from(None)
    return {kind.key: kind.name for kind in types}


class JapaneseRecords(logging.Filter):
    """Replace a ``sphinx.vision`` record's English format by its Japanese."""

    def __init__(self, config: Config | None = None) -> None:
        super().__init__()
        self.config = config

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str) or not (
                record.name == PREFIX or record.name.startswith(PREFIX + '.')):
            return True
        message = japanese(record.msg)
        if message != record.msg:
            record.msg = message
            if isinstance(record.args, tuple) and any(isinstance(a, Term) for a in record.args):
                names = type_names(self.config)
                record.args = tuple(names.get(arg, arg) if isinstance(arg, Term) else arg
                                    for arg in record.args)
        return True


#: The one filter of the loggers, which live as long as the process: it names
#: the types of the application set up last.
LOGGERS_FILTER = JapaneseRecords()


def put_on(handler: logging.Handler, config: Config | None = None) -> None:
    """Put a filter first on one handler (once)."""
    if not any(isinstance(f, JapaneseRecords) for f in handler.filters):
        handler.filters.insert(0, JapaneseRecords(config))


def put_on_loggers() -> None:
    """Put the filter on every ``sphinx.vision`` logger made so far (once each)."""
    for name in [PREFIX, *logging.Logger.manager.loggerDict]:
        if name == PREFIX or name.startswith(PREFIX + '.'):
            logger = logging.getLogger(name)
            if LOGGERS_FILTER not in logger.filters:
                logger.addFilter(LOGGERS_FILTER)


def setup(app: Sphinx) -> None:
    LOGGERS_FILTER.config = app.config
    put_on_loggers()
    for handler in logging.getLogger('sphinx').handlers:
        put_on(handler, app.config)
    app.connect('builder-inited', lambda _app: put_on_loggers())
