"""Readers see no English: every label of objects, views, links, the domain
index and the search index is Japanese (labels.py, through sphinx.locale)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.search import js_index

from vision import labels
from vision.object_types import registry_from

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
    types = registry_from(None)
    values = [labels.DOMAIN_LABEL, labels.INDEX_NAME, labels.INDEX_SHORT_NAME,
              *(kind.label for kind in types), *labels.FIELD_LABELS.values(),
              *(heading for kind in types for _type, heading in kind.backlinks),
              *labels.COLUMN_LABELS.values()]
    assert not [str(v) for v in values if LATIN_WORD.search(str(v))]


LOCALE = Path(labels.__file__).with_name('locale')
CATALOGUES = sorted(LOCALE.glob('*/LC_MESSAGES/*.po'))


@pytest.mark.parametrize('po_path', CATALOGUES, ids=lambda p: str(p.relative_to(LOCALE)))
def test_compiled_catalogue_matches_its_source(po_path):
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    with open(po_path, 'rb') as po, open(po_path.with_suffix('.mo'), 'rb') as mo:
        source, compiled = read_po(po), read_mo(mo)
    assert {m.id: m.string for m in source if m.id} == {m.id: m.string for m in compiled if m.id}


def test_every_label_is_in_the_template_and_translated_to_english():
    """A label added to the code without a catalogue entry fails here, not in an English build."""
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    package = LOCALE.parent
    in_code = {message for path in sorted(package.rglob('*.py'))
               for _line, message, _comments, _context in extract_from_file(
                   'python', str(path), keywords={'_': None})}
    assert len(in_code) > 50
    with open(LOCALE / 'vision.pot', 'rb') as pot, \
            open(LOCALE / 'en' / 'LC_MESSAGES' / 'vision.po', 'rb') as po:
        template, english = read_po(pot), read_po(po)
    assert in_code == {m.id for m in template if m.id}
    assert not [m.id for m in english if m.id and (not m.string or m.string == m.id)
                and m.id not in ('●',)]


@pytest.mark.sphinx('html', testroot='domain-views', srcdir='domain-views-en', freshenv=True,
                    confoverrides={'language': 'en'})
def test_the_vision_catalogue_is_registered(app):
    """With language = 'en' the labels come from locale/en/LC_MESSAGES/vision.mo."""
    app.build()
    html = (app.outdir / 'policies.html').read_text(encoding='utf-8')
    assert 'Goals of this basic policy' in html
    assert 'この基本的方針の目指す姿' not in html
