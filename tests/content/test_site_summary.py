"""The site's 概要版: at most 4 A4 pages, none blank, every font embedded,
vector diagrams, the stage and the date, and every policy and goal of the
vision on it (checked against the site's own ``vision.json``, not retyped);
summary.html linked from the index page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
PDF_NAME = 'setagaya-industrial-vision-summary.pdf'
A4 = (595, 842)  # points, rounded


def squeeze(text: str) -> str:
    return re.sub(r'\s+', '', text)


@pytest.fixture(scope='module')
def summary_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('summary-pdf')
    # As `make summary` runs it.
    proc = subprocess.run(
        [sys.executable, '-m', 'sphinx', '-M', 'latexpdf', 'docs', str(out), '-c', '.', '-W',
         '--keep-going', '-q', '-D', 'vision_edition=summary'],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, 'SOURCE_DATE_EPOCH': '1693872000', 'FORCE_SOURCE_DATE': '1'})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    return out / 'latex' / PDF_NAME


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(['pdftotext', '-raw', str(pdf), '-'], capture_output=True, text=True,
                          check=True).stdout
    return text.split('\f')[:-1]


@pytest.mark.tex
def test_four_a4_pages_none_blank(summary_pdf):
    info = subprocess.run(['pdfinfo', str(summary_pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.MULTILINE).group(1))
    width, height = map(float, re.search(r'^Page size:\s+([\d.]+) x ([\d.]+)', info,
                                         re.MULTILINE).groups())
    # The four pages of an A3 sheet folded to A4: the last one is the 奥付.
    assert pages == 4
    assert (round(width), round(height)) == A4
    # A page with only its running head and number is a layout fault.
    *panels, back = pdf_pages(summary_pdf)
    assert all(len(squeeze(page)) > 100 for page in panels)
    assert '発行世田谷区' in squeeze(back) and '発行年月令和5年9月' in squeeze(back)


@pytest.mark.tex
def test_every_font_is_embedded(summary_pdf):
    fonts = subprocess.run(['pdffonts', str(summary_pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == 'yes' for line in fonts), fonts


@pytest.mark.tex
def test_every_policy_and_goal_and_the_theme_are_on_it(summary_pdf, site_html):
    assert site_html.returncode == 0, site_html.stderr
    export = json.loads((site_html.outdir / 'vision.json').read_text(encoding='utf-8'))
    text = squeeze(''.join(pdf_pages(summary_pdf)))
    objects = [o for o in export['objects'] if o['type'] in ('theme', 'policy', 'goal')]
    assert {o['type'] for o in objects} == {'theme', 'policy', 'goal'}
    missing = [o['id'] for o in objects if squeeze(o['title']) not in text]
    assert not missing
    for obj in objects:
        if obj['body']:
            assert squeeze(obj['body']) in text, obj['id']
    first_page = squeeze(pdf_pages(summary_pdf)[0])
    assert '（素案）' in first_page
    assert re.search(r'令和\d+年\d+月（\d{4}年\d+月）', first_page)  # computed, as on the cover
    assert '体系図' in text and '今後のスケジュール' in text


@pytest.mark.tex
def test_the_diagrams_are_vector(summary_pdf):
    images = subprocess.run(['pdfimages', '-list', str(summary_pdf)], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert images == []


def test_the_index_page_links_to_the_summary(site_html):
    index = BeautifulSoup((site_html.outdir / 'index.html').read_text(encoding='utf-8'),
                          'html.parser')
    assert index.find('article').find('a', href='summary.html')
    page = BeautifulSoup((site_html.outdir / 'summary.html').read_text(encoding='utf-8'),
                         'html.parser')
    assert len(page.find_all('section', class_='vision-summary-policy')) == 4


def test_the_summary_stylesheet_only_on_the_summary(site_html):
    def linked(page: str) -> bool:
        soup = BeautifulSoup((site_html.outdir / page).read_text(encoding='utf-8'), 'html.parser')
        return any('vision-summary.css' in link.get('href', '') for link in soup.find_all('link'))
    assert linked('summary.html')
    assert not linked('theme.html')  # the front page shows the 概要版's link block, so it has it
