"""What every page of a ward's plan shows besides its text (issue 13, PUBLISHING.md)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from web_harness import html_pages, run_browser, serve


def two_page_pdf() -> bytes:
    """A real, minimal PDF of two empty A4 pages (poppler reads it)."""
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>',
               b'<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
               b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
               b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>']
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n%s\nendobj\n' % (number, body)
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % offset for offset in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    return bytes(out)


def page_info(page) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser').select_one('.vision-page-info')


def test_every_page_has_dates_and_contact(site):
    for page in html_pages(site):
        if page == '404.html':
            continue
        info = page_info(site / page)
        assert info is not None, page
        terms = [dt.get_text(strip=True) for dt in info.select('dt')]
        assert {'作成日', '更新日', '問い合わせ先'} <= set(terms), page
        # The made-up site's vision_created and vision_contact.
        created = info.select_one('time[datetime="2023-04-01"]')
        assert created.get_text() == '令和5年4月1日', page
        assert '産業部 サンプル課' in info.get_text(), page
        # Only what conf.py gives: no phone, fax or form is made up.
        assert '電話' not in info.get_text() and 'tel:' not in str(info), page


def test_every_page_has_the_stage_in_its_title_and_a_description(site):
    for page in html_pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding='utf-8'), 'html.parser')
        assert soup.title.get_text().endswith('架空区サンプル計画（素案）'), page
        description = soup.select('meta[name=description]')
        assert len(description) == 1 and description[0]['content'].strip(), page


def test_titles_name_the_site_once_and_descriptions_say_what_the_page_is(site):
    descriptions = {}
    for page in html_pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding='utf-8'), 'html.parser')
        assert soup.title.get_text().count('架空区サンプル計画') == 1, (page, soup.title.get_text())
        content = soup.select_one('meta[name=description]')['content']
        cells = {cell.get_text(strip=True) for cell in soup.select('article table th, article table td')}
        assert content not in cells, (page, content)
        assert len(content) >= 10, (page, content)
        descriptions[page] = content
    assert descriptions['index.html'] != descriptions['genindex.html']
    assert descriptions['genindex.html'] == '架空区サンプル計画（素案）の索引です。'


def test_japanese_404_page(site):
    soup = BeautifulSoup((site / '404.html').read_text(encoding='utf-8'), 'html.parser')
    assert soup.h1.get_text() == 'ページが見つかりません'
    assert soup.select_one('article a[href="index.html"]')


def test_pdf_edition_is_copied_and_linked_with_size_and_pages(make_app, rootdir, tmp_path):
    srcdir = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-web-stage', srcdir)
    (srcdir / 'edition.pdf').write_bytes(two_page_pdf())
    app = make_app('html', srcdir=srcdir, confoverrides={
        'vision_pdf': 'edition.pdf',
        'vision_contact': {'section': '経済産業部 産業連携交流推進課', 'phone': '03-0000-0000'}})
    app.build()
    assert (app.outdir / 'edition.pdf').read_bytes() == two_page_pdf()
    info = page_info(app.outdir / 'index.html')
    link = info.select_one('a[type="application/pdf"]')
    assert link['href'] == 'edition.pdf'
    assert link.get_text().endswith('（PDF：1KB、2ページ）')
    assert '電話：03-0000-0000' in info.get_text()


def test_print_edition_is_linked_as_the_print_pdf(make_app, rootdir, tmp_path):
    """The tagged PDF and the print edition have one file name (as on the site):
    the print edition is published as ``…-print.pdf`` and linked as 「印刷用PDF」,
    after the PDF edition, with its own size and pages."""
    srcdir = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-web-stage', srcdir)
    for folder in ('tagged', 'print'):
        (srcdir / folder).mkdir()
    (srcdir / 'tagged' / 'edition.pdf').write_bytes(two_page_pdf())
    (srcdir / 'print' / 'edition.pdf').write_bytes(two_page_pdf() + b'%' * 2000)
    app = make_app('html', srcdir=srcdir, confoverrides={
        'vision_pdf': 'tagged/edition.pdf', 'vision_print_pdf': 'print/edition.pdf'})
    app.build()
    assert (app.outdir / 'edition.pdf').read_bytes() == two_page_pdf()
    assert (app.outdir / 'edition-print.pdf').read_bytes() == (srcdir / 'print' / 'edition.pdf').read_bytes()
    info = page_info(app.outdir / 'index.html')
    links = [(link['href'], link.get_text()) for link in info.select('a[type="application/pdf"]')]
    assert len(links) == 2, links
    assert links[0][0] == 'edition.pdf' and links[0][1].endswith('（PDF：1KB、2ページ）')
    assert links[1] == ('edition-print.pdf', '印刷用PDF（2KB、2ページ）')
    # Both under the one 「PDF版」 term.
    assert [dt.get_text() for dt in info.select('dt')].count('PDF版') == 1


@pytest.mark.sphinx('html', testroot='web-stage')
def test_no_pdf_link_without_a_pdf(app):
    app.build()
    assert page_info(app.outdir / 'index.html').select_one('a[type="application/pdf"]') is None


# -- The page's address in print --------------------------------------------------

BASEURL = 'https://example.jp/vision/'


def printed_text(outdir, tmp_path) -> tuple[str, str]:
    """The text of index.html printed by Chromium (print media, A4), and where it was served."""
    with serve(outdir) as base:
        printed = run_browser(base, checks=['printed'], pages=['index.html'], pdf_dir=tmp_path)
        text = subprocess.run(['pdftotext', '-layout', printed['printed']['index.html'], '-'],
                              capture_output=True, text=True, check=True).stdout
    return text, base


@pytest.mark.sphinx('html', testroot='web-stage', confoverrides={'html_baseurl': BASEURL})
def test_printed_page_carries_its_address_from_html_baseurl(app, tmp_path):
    app.build()
    info = page_info(app.outdir / 'index.html')
    shown = [item.get_text(strip=True) for item in info.select('.vision-print-only')]
    assert shown == ['このページのアドレス', f'{BASEURL}index.html']
    assert info.script is None
    text, base = printed_text(app.outdir, tmp_path)
    assert f'{BASEURL}index.html' in text
    assert base not in text


@pytest.mark.sphinx('html', testroot='web-stage')
def test_printed_page_carries_the_address_it_was_opened_at(app, tmp_path):
    app.build()
    assert not page_info(app.outdir / 'index.html').select('.vision-print-only')
    text, base = printed_text(app.outdir, tmp_path)
    assert 'このページのアドレス' in text
    assert f'{base}index.html' in text


_KANA_KANJI = '[\u3040-\u30ff\u4e00-\u9fff]'
_ASCII_PUNCTUATION_BY_JAPANESE = re.compile(f'{_KANA_KANJI} ?[.,:;!?()]|[(,:;!?] ?{_KANA_KANJI}|\\d\\. {_KANA_KANJI}')


def test_labels_use_full_width_punctuation(site):
    """Section numbers (「1　…」, was 「1. …」), the footer's copyright and every
    label a reader sees or hears (a field's name with its colon, 「目指す姿：」), on
    every page: no ASCII punctuation beside Japanese."""
    found = set()
    for page in html_pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding='utf-8'), 'html.parser')
        for hidden in soup.select('script, style'):
            hidden.decompose()
        texts = [soup.title.get_text(), *soup.body.stripped_strings]
        # A field's name and docutils' colon are two strings: 「目指す姿」「:」.
        texts += [dt.get_text() for dt in soup.select('dt')]
        texts += [element[name] for name in ('title', 'aria-label', 'alt', 'placeholder')
                  for element in soup.select(f'[{name}]')]
        texts += [meta['content'] for meta in soup.select('meta[name=description]')]
        found |= {(page, text) for text in texts if _ASCII_PUNCTUATION_BY_JAPANESE.search(text)}
    assert not found, sorted(found)[:10]
    soup = BeautifulSoup((site / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    assert '\u3000' in soup.select_one('.bd-sidebar-primary .toctree-l1 a').get_text()
    assert soup.select_one('.copyright').get_text(strip=True) == '© 2023 架空区'
