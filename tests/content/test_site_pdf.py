"""The print office's PDF of the real ``docs/``, checked with poppler."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pypdf
import pytest
import yaml
from seed_facts import GOAL_TITLES, POLICY_STATEMENTS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / 'tools'))
import preflight  # noqa: E402 (a script in tools/, not a package)

PDF_NAME = 'setagaya-industrial-vision.pdf'


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope='module')
def pdf(site_pdf):
    assert site_pdf.returncode == 0, site_pdf.stderr
    path = site_pdf.outdir / PDF_NAME
    assert path.is_file()
    return path


def test_pdf_build_is_warning_free(site_pdf):
    assert 'WARNING' not in site_pdf.stderr, site_pdf.stderr


def test_no_label_is_defined_twice(pdf, site_pdf):
    """Page references point at one place: TeX saw no label twice (the
    structure diagram's figure once took the section's ``id1``)."""
    log = (site_pdf.outdir / PDF_NAME.replace('.pdf', '.log')).read_text(encoding='utf-8',
                                                                          errors='replace')
    assert 'multiply defined' not in log, re.findall(r'Label .*? multiply defined', log)


def test_every_font_is_embedded(pdf):
    rows = poppler('pdffonts', str(pdf)).splitlines()[2:]
    assert rows, 'pdffonts listed no font'
    assert any('BIZUDMincho' in row for row in rows)
    assert any('BIZUDGothic' in row for row in rows)
    not_embedded = [row for row in rows if row.split()[-5] != 'yes']
    assert not not_embedded


def test_every_font_has_a_tounicode_map(pdf):
    """pdffonts' ``uni`` column: copying and searching work in every reader."""
    rows = poppler('pdffonts', str(pdf)).splitlines()[2:]
    assert [row for row in rows if row.split()[-3] != 'yes'] == []
    assert [row for row in rows if 'Type 3' in row] == []


def test_text_extracts_without_poppler(pdf):
    """A reader that relies on ToUnicode (pypdf here) gets the Japanese text."""
    text = re.sub(r'\s+', '', pypdf.PdfReader(pdf).pages[3].extract_text())
    assert '第1章主旨' in text


def test_page_labels_are_distinct(pdf):
    """The cover has its own label, the front matter roman, the body arabic from 1."""
    page_labels = pypdf.PdfReader(pdf).page_labels
    assert len(set(page_labels)) == len(page_labels)
    assert page_labels[:4] == ['表紙', 'i', 'ii', '1']
    assert page_labels[3:] == [str(n) for n in range(1, len(page_labels) - 2)]


def test_table_and_figure_numbers_are_per_chapter_and_unique(pdf):
    text = poppler('pdftotext', '-enc', 'UTF-8', str(pdf), '-')
    # upLaTeX sets its usual quarter space between 表 and the digits.
    # (A long table's continuation repeats its number: 「表6-1 – 前のページからの続き」.)
    captions = [re.sub(r'\s', '', m[1]) for m in re.finditer(r'^((?:表|図)\s?\d+-\d+)\s(.*)$', text, re.M)
                if '続き' not in m[2]]
    assert any(c.startswith('図') for c in captions) and any(c.startswith('表') for c in captions)
    assert len(captions) == len(set(captions)), captions
    assert not re.search(r'^(?:表|図)\s*1\s', text, re.M)


def test_pages_are_a4(pdf):
    info = poppler('pdfinfo', '-f', '1', '-l', '9999', str(pdf))
    sizes = set(re.findall(r'Page\s+\d+ size:\s+([\d.]+ x [\d.]+ pts)', info))
    assert sizes == {'595.28 x 841.89 pts'}


def test_metadata_is_japanese(pdf):
    info = poppler('pdfinfo', str(pdf))
    assert re.search(r'^Title:\s+世田谷区新産業ビジョン', info, re.M)
    assert re.search(r'^Author:\s+世田谷区$', info, re.M)


def test_text_has_policies_and_goals(pdf):
    text = re.sub(r'\s+', '', poppler('pdftotext', '-enc', 'UTF-8', str(pdf), '-'))
    assert '基本的方針' in text
    missing = [t for t in (*GOAL_TITLES, *POLICY_STATEMENTS) if re.sub(r'\s+', '', t) not in text]
    assert not missing


def test_bookmarks_are_japanese_chapter_titles(pdf):
    xml = poppler('pdftohtml', '-xml', '-i', '-stdout', str(pdf))
    bookmarks = re.findall(r'<item page="\d+">([^<]+)</item>', xml)
    assert '第1章 主旨' in bookmarks
    assert any('基本的方針と目指す姿' in b for b in bookmarks)


def test_chapter_numbers_are_not_doubled(pdf):
    text = poppler('pdftotext', '-enc', 'UTF-8', str(pdf), '-')
    assert '第1章' in text
    assert not re.search(r'第\s*\d+\s*章\s*\d+(\.\d+)*\s', text)


def test_index_is_sorted_by_reading(site_pdf, pdf):
    ind = (site_pdf.outdir / 'setagaya-industrial-vision.ind').read_text(encoding='utf-8')
    groups = re.split(r'\\bigletter\s*', ind)[1:]
    by_letter = {g.split('\n', 1)[0].strip(): g for g in groups}
    assert 'ン' not in by_letter
    assert '地域経済の持続可能な発展条例' in by_letter['チ']


def test_index_has_the_key_terms_each_on_the_pages_it_names(site_pdf, pdf):
    """The general 索引 lists the terms residents look up (not one entry), each
    under the letter of its reading, and each page it names shows the term."""
    readings = yaml.safe_load((Path(__file__).resolve().parents[2] / 'data' / 'readings.yaml')
                              .read_text(encoding='utf-8'))
    ind = (site_pdf.outdir / 'setagaya-industrial-vision.ind').read_text(encoding='utf-8')
    entries, letters = [], []
    for group in re.split(r'\\bigletter\s*', ind)[1:]:
        letter = group.split('\n', 1)[0].strip()
        letters.append(letter)
        for term, pages in re.findall(r'\\spxentry\{([^}]+)\}(.*)', group):
            first = unicodedata.normalize('NFD', readings.get(term, term)[0])[0]
            kana = chr(ord(first) + 0x60) if 'ぁ' <= first <= 'ゖ' else first
            assert kana == letter, (term, letter)
            entries.append((term, re.findall(r'\\hyperpage\{([^}]+)\}', pages)))
    assert letters == sorted(letters), letters
    terms = [term for term, _ in entries]
    assert len(terms) >= 30, terms
    for term in ('商店街', '起業', 'ソーシャルビジネス', 'エシカル消費', '事業承継', 'ウェルビーイング'):
        assert term in terms
    labels = list(pypdf.PdfReader(pdf).page_labels)
    for term, pages in entries:
        assert pages, term
        for label in pages:
            page = labels.index(label) + 1
            text = re.sub(r'\s+', '', poppler('pdftotext', '-f', str(page), '-l', str(page),
                                               '-enc', 'UTF-8', str(pdf), '-'))
            assert term in text, (term, label)


def test_no_page_is_left_mostly_empty_inside_a_chapter(pdf):
    """Under a quarter full only where it cannot reasonably be avoided: はじめに, the
    奥付, a chapter's last page (chapters open a new page) and a page before a
    landscape page. (The roster's last rows once stood alone on a page.)"""
    with pikepdf.open(pdf) as document:
        labels = preflight.page_labels(document)
        turned = [int(page.obj.get('/Rotate', 0)) != 0 for page in document.pages]
    pages = poppler('pdftotext', '-layout', '-enc', 'UTF-8', str(pdf), '-').split('\f')
    heads = [next((line.strip() for line in page.splitlines() if line.strip()), '') for page in pages]
    sparse = preflight.check_fill(pdf, labels).details
    assert sparse, 'the check would pass vacuously'
    for page in sparse:
        number = page['page']
        if labels[number - 1] == 'i' or number == len(labels):
            continue  # はじめに, 奥付
        last_of_chapter = number < len(labels) and heads[number] != heads[number - 1]
        assert last_of_chapter or turned[number], page
        # Not the tail of a table that broke across pages (its last rows alone).
        assert '前のページからの続き' not in pages[number - 1], page
