"""Every link with a fragment, of every page of a built site, and whether it lands.

Used by the anchors root's test (tests/web/test_web_fragments.py) and the
site's own (tests/content/test_site_fragments.py).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def targets_and_links(outdir: Path, suffix: str = '.html'
                      ) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """The ids of each page, and (page, href) of every link of every page."""
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for page in sorted(outdir.rglob(f'*{suffix}')):
        name = page.relative_to(outdir).as_posix()
        soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
        ids[name] = {str(tag['id']) for tag in soup.find_all(id=True)}
        links += [(name, str(tag['href'])) for tag in soup.find_all(href=True)]
    return ids, links


def fragment_links(outdir: Path, suffix: str = '.html') -> tuple[list[tuple[str, str]],
                                                                  list[tuple[str, str]]]:
    """(every internal link with a fragment, those whose page lacks the id)."""
    ids, links = targets_and_links(outdir, suffix)
    checked, broken = [], []
    for page, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.fragment:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) \
            if parts.path else page
        checked.append((page, href))
        if unquote(parts.fragment) not in ids.get(target, set()):
            broken.append((page, href))
    return checked, broken
