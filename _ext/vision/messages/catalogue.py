"""The ``vision-messages`` catalogue: an English format string's Japanese.

Read from the compiled ``.mo`` (``make catalogue``; committed, and a test
checks it agrees with the ``.po``). A format without Japanese is given back
as it is, so a message is never lost; a test fails on every format of the code
that has none.

The code writes a message's format in English at one of the places the test
reads: the first argument of a logger call, of :func:`translated` or of
:func:`japanese`, or marked with :func:`N_` where a format is kept for later
(a table of messages, a constant).
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent.parent / 'locale'
DOMAIN = 'vision-messages'


@cache
def translation() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=['ja'], fallback=True)


def japanese(message: str) -> str:
    """The Japanese of one English format string (the format itself if it has none)."""
    return translation().gettext(message)


def translated(message: str, *args: Any) -> str:
    """The Japanese of a format, formatted with ``args`` (``%`` formatting, as logging's)."""
    return japanese(message) % args if args else japanese(message)


class Term(str):
    """An object type's key as a message argument (``Term(obj.objtype)``): the
    Japanese gives the type's name (目指す姿 for ``goal``, or the name
    ``conf.py`` gives it); a message without Japanese shows the key."""

    __slots__ = ()


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "translated later")
    """Mark an English format as a message without translating it yet."""
    return message
