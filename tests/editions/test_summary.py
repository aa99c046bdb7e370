"""The 概要版: its panels come from the objects (a test root), and the site's
summary PDF fits in 4 A4 pages with every font embedded and every policy and
goal of the vision on it (checked against the site's own ``vision.json``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

from vision.editions.edition_date import edition_date_text

ROOT = Path(__file__).resolve().parents[2]
NEW_ROOT = ROOT / 'tests' / 'roots' / 'test-editions-new'
PDF_NAME = 'setagaya-industrial-vision-summary.pdf'
A4 = (595, 842)  # points, rounded


def squeeze(text: str) -> str:
    return re.sub(r'\s+', '', text)


@pytest.fixture(scope='module')
def root_page(tmp_path_factory) -> BeautifulSoup:
    out = tmp_path_factory.mktemp('summary-html')
    assert build_main(['-b', 'html', '-c', str(NEW_ROOT), '-q', '-W', str(NEW_ROOT / 'docs'),
                       str(out)]) == 0
    return BeautifulSoup((out / 'summary.html').read_text(encoding='utf-8'), 'html.parser')


def test_panels_are_made_from_the_objects(root_page):
    panels = root_page.find_all('section', class_='vision-summary-panel')
    assert [p.h3.text for p in panels] == [
        'メインテーマ', '① 地域産業の基盤強化', '② 多様な働き方の実現']
    theme, first, second = panels
    assert '「わくわく感が生む新たな価値」' in theme.text
    assert 'あらゆる主体との共創によって新たな価値を創造していく。' in theme.text
    assert '地域産業の持続性の確保に向けた基盤の強化を推進する' in first.text
    assert [li.text for li in first.find_all('li')] == [
        '1-1 事業者が持続的に事業を営むことができる世田谷区']
    assert [li.text for li in second.find_all('li')] == [
        '2-1 誰もが働きやすい世田谷区', '2-2 多様な人材が活躍する世田谷区',
        '2-3 企業が定着し成長する世田谷区']
    assert second.find('a')['href'] == 'index.html#vision-goal-G2-1'
    assert panels[1]['aria-labelledby'] == panels[1].h3['id']


def test_cover_shows_stage_and_computed_date(root_page):
    cover = root_page.find('p', class_='vision-summary-cover')
    assert cover.text == '試験ビジョン（素案）\u3000令和5年9月（2023年9月）'


# -- The site's summary PDF --------------------------------------------------------------

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
def test_at_most_four_a4_pages_none_blank(summary_pdf):
    info = subprocess.run(['pdfinfo', str(summary_pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.MULTILINE).group(1))
    width, height = map(float, re.search(r'^Page size:\s+([\d.]+) x ([\d.]+)', info,
                                         re.MULTILINE).groups())
    assert 1 <= pages <= 4
    assert (round(width), round(height)) == A4
    # A page with only its running head and number is a layout fault.
    assert all(len(squeeze(page)) > 100 for page in pdf_pages(summary_pdf))


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
    assert '（素案）' in first_page and squeeze(edition_date_text(ROOT)) in first_page
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
