"""The bookmarks of the English 本編's PDF (issue 23), as ``make pdf-en``
builds it: every chapter and section of the pages the PDF holds, in English
(its Japanese heading looked up in the catalogues), and no Japanese."""

from __future__ import annotations

import re

import pikepdf
import pytest
from babel.messages.pofile import read_po
from test_site_english import CATALOGUES, plain

from site_builds import ROOT

pytestmark = pytest.mark.tex

JAPANESE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff]')
#: The 概要版 is a PDF of its own; the front page is the PDF's title page.
NOT_IN_THE_PDF = ('index.md', 'summary.md')


def letters(text: str) -> str:
    return re.sub(r'[\W_]+', '', text).lower()


def english_of(japanese: str) -> str:
    for po in sorted(CATALOGUES.rglob('*.po')):
        with po.open('rb') as f:
            message = read_po(f).get(japanese)
        if message is not None and message.string and not message.fuzzy:
            return plain(str(message.string))
    raise AssertionError(f'no translation of {japanese!r}')


def headings() -> list[str]:
    """The Japanese headings (# and ##) of the pages in the PDF."""
    found = []
    for page in sorted((ROOT / 'docs').rglob('*.md')):
        if page.name not in NOT_IN_THE_PDF:
            text = page.read_text(encoding='utf-8')
            found += [m.group(1).strip() for m in re.finditer(r'^#{1,2} (.+)$', text, re.M)]
    return found


@pytest.fixture(scope='module')
def outline(english_pdf) -> list[str]:
    assert english_pdf.returncode == 0, english_pdf.stderr
    titles: list[str] = []
    with pikepdf.open(english_pdf.pdf) as pdf, pdf.open_outline() as tree:
        def walk(items):
            for item in items:
                titles.append(str(item.title))
                walk(item.children)
        walk(tree.root)
    return titles


def test_the_bookmarks_are_in_english(outline):
    assert len(outline) >= len(headings())
    assert not [title for title in outline if JAPANESE.search(title)]
    assert not [title for title in outline if '第' in title or '章' in title]


def test_every_heading_has_its_english_bookmark(outline):
    # 'Chapter 5 …', '5.1 …': the title after the number.
    marked = {letters(re.sub(r'^(Chapter \d+|\d+(\.\d+)+)\s+', '', title)) for title in outline}
    missing = [english_of(ja) for ja in headings() if letters(english_of(ja)) not in marked]
    assert not missing
    # The chapters are numbered in English: 'Chapter 1' to 'Chapter 8', none missing.
    chapters = [int(m.group(1)) for title in outline if (m := re.match(r'Chapter (\d+) ', title))]
    assert chapters == list(range(1, len(chapters) + 1)) and len(chapters) >= 5
