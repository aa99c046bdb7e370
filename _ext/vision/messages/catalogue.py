"""The ``vision-messages`` catalogue: an English format string's Japanese.

Read from the compiled ``.mo`` (``make catalogue``; committed, and a test
checks it agrees with the ``.po``). A format without Japanese is given back
as it is, so a message is never lost; a test fails on every format of the code
that has none.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / 'locale'
DOMAIN = 'vision-messages'


@cache
def translation() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=['ja'], fallback=True)


def japanese(message: str) -> str:
    """The Japanese of one English format string (the format itself if it has none)."""
    return translation().gettext(message)
