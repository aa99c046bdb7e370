"""Saving an edit the way an editor's save does, for the incremental tests."""

from __future__ import annotations

import os
from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` and date the file later.

    Ten seconds later than its last modification: newer than the last read,
    whatever the file system's clock resolution.
    """
    text = path.read_text(encoding='utf-8')
    assert old in text
    path.write_text(text.replace(old, new), encoding='utf-8')
    later = path.stat().st_mtime + 10
    os.utime(path, (later, later))
