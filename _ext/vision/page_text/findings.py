"""What a check found: a line of the page and an English message with its arguments.

The message is a format string, so that the message catalogue translates it
whatever its arguments (:mod:`vision.catalogues`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    line: int
    message: str
    args: tuple[object, ...]
    subtype: str


def shorten(text: str, width: int = 30) -> str:
    """The start of a long quoted text: enough to find it in the page.

    Only ASCII spaces are trimmed: a full-width space (U+3000) may be the mistake.
    """
    text = text.strip(' \t')
    return text if len(text) <= width else text[:width] + '…'
