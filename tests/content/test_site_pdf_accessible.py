"""The site's tagged PDF (``make pdf-accessible``): built from the real conf.py and
docs/, it passes the structure checker, and its structure tree reads as a
screen reader would take it (printed in the test output: ``pytest -s``)."""

from __future__ import annotations

import sys

import pikepdf
import pytest

from site_builds import ROOT, build_accessible_pdf

sys.path.insert(0, str(ROOT / 'tools'))

import pdf_accessible  # noqa: E402
import preflight_accessible  # noqa: E402
from pdf_marked_text import page_texts  # noqa: E402


@pytest.fixture(scope='module')
def site_accessible_pdf(tmp_path_factory):
    return build_accessible_pdf(ROOT, ROOT / 'docs', tmp_path_factory.mktemp('site-accessible'))[1]


def _text(element: pikepdf.Dictionary, cache: dict) -> str:
    words = []
    for page, mcid in pdf_accessible.marked_content(element, element.get('/Pg')):
        if isinstance(page, pikepdf.Dictionary):
            if page.objgen not in cache:
                cache[page.objgen] = page_texts(pikepdf.Page(page))
            words.append(cache[page.objgen].get(mcid, ''))
    return ' '.join(''.join(words).split())


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
