"""The English PDFs of the real ``docs/`` (issue 23), as ``make pdf-en`` and
``make summary-en`` build them: the 本編 and the 概要版 from the catalogues in
``locales/en``, typeset by upLaTeX.

The English title of every policy and goal (looked up in the catalogues, so a
retitled goal is checked with its new English) is in the 本編; the chapters
are 'Chapter N', never 第N章; the cover carries the note that the Japanese
edition prevails; the members' names stay in Japanese script; every font is
embedded; and the page counts stay near the Japanese edition's (25 pages, the
概要版 4).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from seed_facts import GOAL_TITLES, MEMBER_NAMES, POLICY_TITLES

from site_builds import ROOT, build_pdf

pytestmark = pytest.mark.tex

CATALOGUES = ROOT / 'locales' / 'en' / 'LC_MESSAGES'
NOTE = 'This is a reference translation. The Japanese edition prevails.'
CHAPTERS = ('Purpose', 'Structure diagram', 'Basic policies and goals', 'Direction ahead',
            'Reference materials')


@pytest.fixture(scope='module')
def english_pdf(english_pdf) -> Path:
    """The session's English PDF build (conftest.py), as its file: built once per session."""
    assert english_pdf.returncode == 0, english_pdf.stderr
    return english_pdf.pdf


@pytest.fixture(scope='module')
def english_summary_pdf(tmp_path_factory) -> Path:
    built = build_pdf(ROOT, tmp_path_factory, 'setagaya-industrial-vision-summary.pdf',
                      '-D', 'language=en', '-D', 'vision_edition=summary')
    assert built.returncode == 0, built.stderr
    return built.pdf


def translation(japanese: str) -> str:
    """The English of a Japanese message, from whichever catalogue holds it, translated and not fuzzy."""
    for path in sorted(CATALOGUES.rglob('*.po')):
        with path.open('rb') as file:
            message = read_po(file).get(japanese)
        if message is not None and message.string and not message.fuzzy:
            return str(message.string)
    raise AssertionError(f'no translation of {japanese!r} in {CATALOGUES}')


def text_of(pdf: Path, *pages: str) -> str:
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', *pages, str(pdf), '-'], capture_output=True,
                          text=True, check=True).stdout


def letters(text: str) -> str:
    """Letters and digits only: TeX's hyphenation and line breaks do not count."""
    return re.sub(r'[\W_]+', '', text).lower()


def page_count(pdf: Path) -> int:
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


def unembedded_fonts(pdf: Path) -> list[str]:
    lines = subprocess.run(['pdffonts', str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return [line for line in lines if line.split()[-5] != 'yes']


def test_every_policy_and_goal_title_in_english(english_pdf):
    text = letters(text_of(english_pdf))
    for japanese in (*POLICY_TITLES, *GOAL_TITLES):
        english = re.sub(r'^[①②③④]\s*', '', translation(japanese))
        assert letters(english) in text, (japanese, english)


def test_chapters_in_english_never_japanese(english_pdf):
    text = text_of(english_pdf)
    contents = text_of(english_pdf, '-f', '3', '-l', '3')
    assert contents.lstrip().startswith('Contents'), contents[:200]
    assert re.search(r'Chapter 1\s+Purpose', text)
    for title in CHAPTERS:
        assert re.search(rf'Chapter \d\s+{title}', contents), title
    assert not re.search(r'第\s*\d+\s*章', text)
    assert '目次' not in text


def test_the_cover_says_the_stage_in_english_and_the_note(english_pdf):
    cover = text_of(english_pdf, '-f', '1', '-l', '1')
    assert 'Setagaya City New Industrial Vision' in cover
    assert '(preliminary draft)' in cover
    assert NOTE in cover
    assert '素案' not in text_of(english_pdf)


def test_the_members_names_stay_in_japanese_script(english_pdf):
    text = text_of(english_pdf)
    for name in MEMBER_NAMES:
        assert name in text, name


def test_fonts_embedded_and_pages_near_the_japanese_editions(english_pdf):
    assert unembedded_fonts(english_pdf) == []
    # English runs longer than Japanese: the Japanese 本編 has 25 pages.
    assert 25 <= page_count(english_pdf) <= 40


def test_the_english_summary(english_summary_pdf):
    text = text_of(english_summary_pdf)
    assert 'Setagaya City New Industrial Vision (Summary edition)' in text
    assert NOTE in text
    for japanese in POLICY_TITLES:
        english = re.sub(r'^[①②③④]\s*', '', translation(japanese))
        assert letters(english) in letters(text), english
    assert '概要版' not in text
    assert unembedded_fonts(english_summary_pdf) == []
    # The four pages of an A3 sheet folded to A4, as the Japanese 概要版.
    assert page_count(english_summary_pdf) == 4
