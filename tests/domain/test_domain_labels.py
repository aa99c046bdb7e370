"""Readers see no English: every label of objects, views, links, the domain
index and the search index is Japanese (labels.py, through sphinx.locale)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sphinx.search import js_index

from vision import labels

LATIN_WORD = re.compile(r'[A-Za-z]{2,}')


def visible_strings(soup: BeautifulSoup) -> list[str]:
    """Text and reader-facing attributes of the extension's own output."""
    strings = []
    for element in soup.select('[class*="vision-"], .headerlink'):
        strings.append(element.get_text(' '))
        strings += [element.get(attr, '') for attr in ('title', 'aria-label', 'alt')]
        strings += [a.get('title', '') for a in element.find_all('a')]
    return strings


@pytest.mark.sphinx('html', testroot='domain-views', freshenv=True)
def test_no_english_in_generated_output(app):
    app.build()
    strings = []
    for page in ('index.html', 'policies.html', 'vision-index.html'):
        soup = BeautifulSoup((app.outdir / page).read_text(encoding='utf-8'), 'html.parser')
        strings += visible_strings(soup)
    index = js_index.loads((app.outdir / 'searchindex.js').read_text(encoding='utf-8'))
    strings += [name for _domain, _type, name in index['objnames'].values()]
    assert len(strings) > 50
    english = sorted({s for s in strings if LATIN_WORD.search(s)})
    assert not english


def test_every_label_is_japanese():
    values = [labels.DOMAIN_LABEL, labels.INDEX_NAME, labels.INDEX_SHORT_NAME,
              *labels.TYPE_LABELS.values(), *labels.FIELD_LABELS.values(),
              *labels.BACKLINK_HEADINGS.values(), *labels.COLUMN_LABELS.values()]
    assert not [str(v) for v in values if LATIN_WORD.search(str(v))]


def test_compiled_catalogue_matches_its_source():
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    directory = labels.__file__.rsplit('/', 1)[0] + '/locale/ja/LC_MESSAGES/'
    with open(directory + 'sphinx.po', 'rb') as po, open(directory + 'sphinx.mo', 'rb') as mo:
        source, compiled = read_po(po), read_mo(mo)
    assert {m.id: m.string for m in source if m.id} == {m.id: m.string for m in compiled if m.id}
