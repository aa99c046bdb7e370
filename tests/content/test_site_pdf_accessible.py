"""The site's tagged PDF (``make pdf-accessible``): built from the real conf.py and
docs/, it passes the structure checker, and its structure tree reads as a
screen reader would take it (printed in the test output: ``pytest -s``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup

from site_builds import ROOT

sys.path.insert(0, str(ROOT / 'tools'))
sys.path.insert(0, str(ROOT / 'tests' / 'print'))

import test_pdf_accessible  # noqa: E402

import pdf_accessible  # noqa: E402
import pdf_tables  # noqa: E402
import preflight_accessible  # noqa: E402
from pdf_marked_text import page_texts  # noqa: E402
from vision.web.page_info import size_text  # noqa: E402

#: Chromium prints the tagged PDF; the site's pages link to it and to the upLaTeX PDF.
pytestmark = [pytest.mark.browser]


def _text(element: pikepdf.Dictionary, cache: dict) -> str:
    return ' '.join(pdf_accessible.element_text(element, cache).split())


def test_site_pdf_passes_the_checker(site_accessible_pdf) -> None:
    assert preflight_accessible.problems(site_accessible_pdf) == []


def test_site_pdf_reads_in_order(site_accessible_pdf) -> None:
    cache: dict = {}
    with pikepdf.open(site_accessible_pdf) as pdf:
        meta = pdf.open_metadata()
        assert meta['dc:title'] == '世田谷区新産業ビジョン'
        assert meta['dc:creator'] == ['世田谷区']
        elements = preflight_accessible.structure(pdf).elements
        headings = [(kind, _text(element, cache)) for kind, element in elements if kind in {'H1', 'H2', 'H3'}]
        figures = [str(element.Alt) for kind, element in elements if kind == 'Figure']
        print('\n-- headings (H1-H3), as a screen reader lists them')
        for kind, text in headings:
            print(f'{"  " * (int(kind[1]) - 1)}{kind} {text}')
        print('-- figure alternatives')
        for alt in figures:
            print(f'Figure: {alt}')
    assert headings[0] == ('H1', '世田谷区新産業ビジョン')
    assert {kind for kind, _ in headings} == {'H1', 'H2', 'H3'}
    chapters = [text for kind, text in headings if kind == 'H2']
    assert any(text.endswith('主旨') for text in chapters), chapters
    assert len(figures) == 2 and all(figures)
    assert figures[0].startswith('世田谷区地域経済の持続可能な発展条例')


def _pdfinfo(pdf) -> dict[str, str]:
    out = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(':') for line in out.splitlines())}


@pytest.mark.tex
def test_site_links_the_tagged_pdf_and_the_print_pdf(site_published, site_pdf) -> None:
    """Every page's PDF links: the 本編 is the tagged PDF (top of the page and
    「このページの情報」), with its size and page count; the upLaTeX PDF follows
    as 「印刷用PDF」."""
    assert site_published.returncode == 0, site_published.stderr
    outdir = site_published.outdir
    tagged, printed = outdir / 'setagaya-industrial-vision.pdf', outdir / 'setagaya-industrial-vision-print.pdf'
    assert _pdfinfo(tagged)['Tagged'] == 'yes'
    assert _pdfinfo(printed)['Tagged'] == 'no'
    assert printed.read_bytes() == site_pdf.pdf.read_bytes()
    tagged_pages, print_pages = _pdfinfo(tagged)['Pages'], _pdfinfo(printed)['Pages']
    pages = sorted(path for path in outdir.rglob('*.html') if 'en' not in path.relative_to(outdir).parts[:1])
    checked = 0
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding='utf-8'), 'html.parser')
        info = page.select_one('.vision-page-info')
        if info is None:
            continue
        links = [(link['href'].rsplit('/', 1)[-1], link.get_text()) for link in info.select('a[type="application/pdf"]')]
        assert [href for href, _ in links] == [tagged.name, printed.name], path
        assert links[0][1] == f'世田谷区新産業ビジョン（素案）（PDF：{size_text(tagged.stat().st_size)}、{tagged_pages}ページ）'
        assert links[1][1] == f'印刷用PDF（{size_text(printed.stat().st_size)}、{print_pages}ページ）'
        top = [link['href'].rsplit('/', 1)[-1] for link in page.select('.vision-downloads a')]
        if path != outdir / 'index.html':
            assert top[0] == tagged.name, (path, top)
        checked += 1
    assert checked > 10


def test_site_matrix_is_a_table_with_its_marks_read(site_accessible_pdf, site_published) -> None:
    """The opinions × goals matrix: its header read once (not once per page it runs
    over), a row head per opinion (/Scope /Row), and each ● read as the HTML gives it
    to screen readers: 「●対応あり」, as many as the HTML page has."""
    cache: dict = {}
    with pikepdf.open(site_accessible_pdf) as pdf:
        matrix = next(table for table in pdf_tables.tables(pdf) if '意見と目指す姿の対応' in _text(table, cache))
        rows = [[(str(cell.S)[1:], pdf_tables._scope(cell), _text(cell, cache)) for cell in pdf_tables.cells(row)]
                for row in pdf_tables.rows(matrix)]
    assert [text for _, _, text in rows[0]] == ['意見', '①', '②', '③', '④']
    assert [text for _, _, text in rows[1]] == list('12341231212345')
    assert {scope for row in rows[:2] for _, scope, _ in row} == {'/Column'}
    body = rows[2:]
    assert len(body) == 26
    for number, row in enumerate(body, 1):
        assert row[0][:2] == ('TH', '/Row') and row[0][2].startswith(f'意見{number}'), row[0]
        assert {text for _, _, text in row[1:]} <= {'', '●対応あり'}, row
    html = BeautifulSoup((site_published.outdir / 'opinions.html').read_text(encoding='utf-8'), 'html.parser')
    marks = html.select('table.vision-matrix-table .vision-mark')
    assert marks and all(mark.parent.get_text() == '●対応あり' for mark in marks)
    assert sum(text == '●対応あり' for row in body for _, _, text in row) == len(marks)


def test_site_pdf_passes_pdfua(site_accessible_pdf) -> None:
    """The kept checker pdfua on the site's tagged PDF: no error, no warning."""
    proc = subprocess.run([str(Path(sys.executable).with_name('pdfua')), 'check', '--format', 'json',
                           str(site_accessible_pdf)], capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout)
    print('pdfua:', report['coverage']['summary'], '; skipped:', [item['rule_id'] for item in report['skipped']])
    assert report['summary']['errors'] == 0 and report['summary']['warnings'] == 0, report['findings']


def _squeezed(text: str) -> str:
    return ''.join(unicodedata.normalize('NFKC', text).split())


def test_site_pdf_has_the_print_editions_order(site_accessible_pdf, site_pdf) -> None:
    """The tagged PDF in the upLaTeX 本編's order: the same cover (title, stage once,
    date, issuer), はじめに, then 目次 listing the same chapters and sections in the
    same order, each entry a link to its heading's page, then the chapters to
    資料編, and the same 奥付 on the last page."""
    assert site_pdf.returncode == 0, site_pdf.stderr
    printed = [subprocess.run(['pdftotext', '-f', str(number), '-l', str(number), str(site_pdf.pdf), '-'],
                              capture_output=True, text=True, check=True).stdout
               for number in range(1, int(_pdfinfo(site_pdf.pdf)['Pages']) + 1)]
    contents_number = next(number for number, text in enumerate(printed, 1) if text.split()[:1] == ['目次'])
    contents_page = subprocess.run(['pdftotext', '-layout', '-f', str(contents_number), '-l', str(contents_number),
                                    str(site_pdf.pdf), '-'], capture_output=True, text=True, check=True).stdout
    entry = re.compile(r'^(?:第\s*\d+\s*章|\d+\.\d+)\s+(.+?)[\s.]*\d+$')
    print_entries = [match.group(1).strip() for line in contents_page.splitlines()
                     if (match := entry.match(line.strip()))]
    with pikepdf.open(site_accessible_pdf) as pdf:
        texts = [''.join(page_texts(page).values()) for page in pdf.pages]
        headings = test_pdf_accessible.heading_pages(pdf)
        links = test_pdf_accessible.contents_links(pdf)
    # The cover and the 奥付: the upLaTeX PDF's text (its folio apart).
    assert _squeezed(texts[0]) == _squeezed(printed[0])
    assert _squeezed(texts[-1]) == re.sub(r'\d+$', '', _squeezed(printed[-1]))
    # The stage as text on the cover and in the 奥付 (as in print), no banner.
    assert sum(text.count('（素案）') for text in texts) == 2
    assert not any('この文書は素案です' in text for text in texts)
    order = list(headings)
    assert order[:3] == ['世田谷区新産業ビジョン', 'はじめに', '目次'], order[:4]
    assert [re.sub(r'^[\d.]+\s*', '', text) for text, _ in links] == print_entries
    for text, page in links:
        assert headings[text] == page, (text, page, headings.get(text))
    assert order.index('8 資料編') < order.index('8.3 委員名簿') and 'このページの情報' not in ''.join(texts)
    print('\n-- 目次 of the tagged PDF (page)')
    for text, page in links:
        print(f'{text} ({page})')


def test_site_summary_pdf_is_tagged_and_linked(site_accessible_summary_pdf, site_published, site_pdf) -> None:
    """The 概要版 the site links (front page and the top of every page) is its tagged
    PDF: the checkers pass, its title names the 概要版, it holds the four policies
    and ends with the 奥付 of the upLaTeX 本編."""
    pdf_path = site_accessible_summary_pdf
    assert preflight_accessible.problems(pdf_path) == []
    with pikepdf.open(pdf_path) as pdf:
        assert pdf.open_metadata()['dc:title'] == '世田谷区新産業ビジョン（概要版）'
        texts = [''.join(page_texts(page).values()) for page in pdf.pages]
        elements = preflight_accessible.structure(pdf).elements
    assert sum(kind == 'Figure' for kind, _ in elements) == 2  # the 体系図 and the schedule
    for policy in ('多様な地域産業の基盤強化', '起業促進、多様な働き方の実現',
                   '地域課題解決に向けたソーシャルビジネスの推進', '持続可能性を考慮した事業活動及びエシカル消費の推進'):
        assert policy in ''.join(texts)
    assert _squeezed(texts[-1]).endswith(re.sub(r'\d+$', '', _squeezed(
        subprocess.run(['pdftotext', '-f', _pdfinfo(site_pdf.pdf)['Pages'], str(site_pdf.pdf), '-'],
                       capture_output=True, text=True, check=True).stdout)))
    outdir = site_published.outdir
    published = outdir / pdf_path.name
    assert published.read_bytes() == pdf_path.read_bytes()
    landing = BeautifulSoup((outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    hrefs = [link['href'] for link in landing.select('.vision-landing-downloads a')]
    assert hrefs == ['setagaya-industrial-vision.pdf', pdf_path.name]
    chapter = BeautifulSoup((outdir / 'purpose.html').read_text(encoding='utf-8'), 'html.parser')
    top = [link['href'] for link in chapter.select('.vision-downloads a')]
    assert top == ['setagaya-industrial-vision.pdf', pdf_path.name]
    assert landing.select('.vision-landing-downloads a')[1].get_text() == \
        f'概要版（PDF：{size_text(published.stat().st_size)}、{_pdfinfo(published)["Pages"]}ページ）'
