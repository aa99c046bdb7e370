"""The draft stage: a banner on every HTML page, the PDF's cover and watermark."""

from __future__ import annotations

import re
import subprocess
import zlib

import pytest
from bs4 import BeautifulSoup
from web_harness import html_pages

#: The watermark's marked content: drawn, but empty to text extraction.
WATERMARK_MARK = b'/ActualText ()'


def banner(page) -> BeautifulSoup | None:
    soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
    return soup.select_one('aside.vision-stage-banner')


def test_every_page_of_the_site_shows_the_stage(site):
    for page in html_pages(site):
        found = banner(site / page)
        assert found is not None, page
        assert found['aria-label'] == '文書の段階'
        assert found.get_text(strip=True).startswith('この文書は素案です。'), page


@pytest.mark.sphinx('html', testroot='web-stage', confoverrides={'vision_stage': '案'})
def test_stage_set_on_the_command_line(app):
    app.build()
    assert banner(app.outdir / 'index.html').get_text(strip=True).startswith('この文書は案です。')


@pytest.mark.sphinx('html', testroot='web-stage', confoverrides={'vision_stage': '策定'})
def test_adopted_vision_has_no_banner(app):
    app.build()
    assert banner(app.outdir / 'index.html') is None


@pytest.mark.sphinx('latex', testroot='web-stage', confoverrides={'vision_stage': '案'})
def test_draft_cover_and_watermark_in_latex(app):
    app.build()
    tex = (app.outdir / 'vision.tex').read_text(encoding='utf-8')
    assert '\\usepackage{eso-pic}' in tex
    cover = tex[tex.index('\\begin{titlepage}'):tex.index('\\end{titlepage}')]
    assert '世田谷区新産業ビジョン' in cover and '（案）' in cover and '世田谷区' in cover
    assert '\\AddToShipoutPictureBG' in tex.split('\\end{titlepage}', 1)[1]


@pytest.mark.sphinx('latex', testroot='web-stage', confoverrides={'vision_stage': '策定'})
def test_adopted_vision_has_a_plain_cover(app):
    app.build()
    tex = (app.outdir / 'vision.tex').read_text(encoding='utf-8')
    assert '\\begin{titlepage}' in tex
    assert 'eso-pic' not in tex and '\\AddToShipoutPictureBG' not in tex
    assert '策定' not in tex


@pytest.fixture(scope='module')
def pdf(site_pdf):
    assert site_pdf.returncode == 0, site_pdf.stderr
    return site_pdf.pdf


def pdftotext(pdf, *pages: str) -> str:
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', *pages, str(pdf), '-'],
                          capture_output=True, text=True, check=True).stdout


def page_count(pdf) -> int:
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


def content_streams(pdf) -> list[bytes]:
    """Every Flate stream, inflated as far as it goes (a stream's data may end
    in the line break before ``endstream``)."""
    streams = []
    for raw in re.findall(rb'stream\r?\n(.*?)endstream', pdf.read_bytes(), re.S):
        try:
            streams.append(zlib.decompressobj().decompress(raw))
        except zlib.error:
            continue
    return streams


def test_pdf_cover_names_title_ward_and_stage(pdf):
    cover = re.sub(r'\s+', '', pdftotext(pdf, '-f', '1', '-l', '1'))
    assert cover == '架空区サンプル計画（素案）令和5年6月（2023年6月）架空区'


def test_pdf_watermark_is_on_every_page_after_the_cover(pdf):
    marks = sum(stream.count(WATERMARK_MARK) for stream in content_streams(pdf))
    assert marks == page_count(pdf) - 1


def test_pdf_watermark_stays_out_of_the_text(pdf):
    body = pdftotext(pdf, '-f', '2')
    assert not re.search(r'^\s*素\s*$', body, re.M)
    assert not re.search(r'^\s*素案\s*$', body, re.M)
