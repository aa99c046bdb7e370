"""The English PDFs (issue 23) of the made-up plan ``tests/roots/test-translation``:
its 本編 and its 概要版 built by real Sphinx and real upLaTeX in a subprocess,
with ``-D language=en`` (and, as a control, in Japanese).

The English PDF keeps Sphinx's Japanese class (ujbook) so that the names of
people stay in Japanese script, but its chapter labels, contents and index
read in English, and its cover carries the reference translation's note.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from site_builds import ROOT, run_sphinx

pytestmark = pytest.mark.tex

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-translation'
NOTE = 'This is a reference translation. The Japanese edition prevails.'
PDF_NAME = 'samplecityindustrialvision.pdf'


def build_pdf(tmp_path_factory, language: str, *options: str) -> Path:
    # A copy: Sphinx compiles the catalogues (.mo) next to their .po files.
    root = tmp_path_factory.mktemp(f'translation-pdf-{language}') / 'root'
    shutil.copytree(TEST_ROOT, root)
    out = root / '_build'
    proc = run_sphinx('-M', 'latexpdf', str(root / 'docs'), str(out), '-c', str(root), '-W',
                      '--keep-going', '-q', '-D', f'language={language}', *options)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    pdfs = [path for path in (out / 'latex').glob('*.pdf') if not path.name.startswith('mermaid-')]
    assert len(pdfs) == 1, pdfs
    return pdfs[0]


def text_of(pdf: Path) -> str:
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True,
                          text=True, check=True).stdout


def unembedded_fonts(pdf: Path) -> list[str]:
    lines = subprocess.run(['pdffonts', str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    # Columns from the right: emb sub uni object-number generation.
    return [line for line in lines if line.split()[-5] != 'yes']


@pytest.fixture(scope='module')
def english(tmp_path_factory) -> Path:
    return build_pdf(tmp_path_factory, 'en')


@pytest.fixture(scope='module')
def japanese(tmp_path_factory) -> Path:
    return build_pdf(tmp_path_factory, 'ja')


@pytest.fixture(scope='module')
def english_summary(tmp_path_factory) -> Path:
    return build_pdf(tmp_path_factory, 'en', '-D', 'vision_edition=summary')


def test_chapters_are_labelled_in_english(english):
    text = text_of(english)
    assert re.search(r'Chapter 1\s+Reference materials', text), text[:2000]
    assert 'Contents' in text
    assert not re.search(r'第\s*\d+\s*章', text)
    assert '目次' not in text and '目 次' not in text


def test_the_japanese_pdf_keeps_its_chapter_labels(japanese):
    text = text_of(japanese)
    assert re.search(r'第\s*1\s*章', text)
    assert NOTE not in text
    assert 'Chapter 1' not in text


def test_the_cover_names_the_stage_and_carries_the_note(english):
    cover = subprocess.run(['pdftotext', '-enc', 'UTF-8', '-f', '1', '-l', '1', str(english), '-'],
                           capture_output=True, text=True, check=True).stdout
    assert 'Sample City Industrial Vision' in cover
    assert '(preliminary draft)' in cover
    assert NOTE in cover
    assert '素案' not in text_of(english)


def test_names_of_people_stay_in_japanese_script(english):
    text = text_of(english)
    assert '見本 太郎' in text
    assert 'Professor, Sample University' in text


def test_every_font_is_embedded_and_the_metadata_is_english(english):
    assert unembedded_fonts(english) == []
    info = subprocess.run(['pdfinfo', str(english)], capture_output=True, text=True, check=True).stdout
    assert re.search(r'^Title:\s+Sample City Industrial Vision$', info, re.M), info


def test_the_english_summary(english_summary):
    text = text_of(english_summary)
    assert 'Sample City Industrial Vision (Summary edition)' in text
    assert NOTE in text
    assert 'To strengthen the foundations of the sample industries' in text
    assert '概要' not in text
    assert unembedded_fonts(english_summary) == []
