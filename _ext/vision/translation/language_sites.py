"""The language switcher's links: the same page in the site's other languages.

``vision_language_sites`` maps each language to its site's folder in the
published tree, the original first: ``{'ja': '', 'en': 'en'}`` puts the
Japanese site at the top and the English one in ``en/``. Every link is
relative, so the switcher works from ``file://`` as from a web server.
The first language's edition prevails; the others are reference translations.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Each language's name in its own language, as the switcher shows it.
NATIVE_NAMES = {'ja': '日本語', 'en': 'English'}


@dataclass(frozen=True)
class Edition:
    """One language's version of a page, as a link from the current page."""

    language: str
    name: str
    href: str
    current: bool


def _parts(folder: str) -> list[str]:
    return [part for part in folder.split('/') if part]


def editions(sites: dict[str, str], language: str, target: str) -> list[Edition]:
    """The page ``target`` (its URI from the site's root, ``policies/p1.html``)
    in every language of ``sites``, linked from the current page in ``language``;
    none when the current language has no site there."""
    if language not in sites or len(sites) < 2:
        return []
    to_root = '../' * target.count('/')
    to_top = to_root + '../' * len(_parts(sites[language]))
    found = []
    for lang, folder in sites.items():
        if lang == language:
            href = to_root + target
        else:
            href = to_top + ''.join(f'{part}/' for part in _parts(folder)) + target
        found.append(Edition(lang, NATIVE_NAMES.get(lang, lang), href, lang == language))
    return found

def is_translation(sites: dict[str, str], language: str) -> bool:
    """Whether the current language's site is a reference translation (not the first)."""
    return language in sites and next(iter(sites)) != language
