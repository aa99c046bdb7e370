"""The language switcher (issue 23): every page of each language links to the
same page in the other, by a relative link (so from ``file://`` too), with
``hreflang`` alternates in the head, a 言語 / Language label in the page's own
language, and on the English pages the note that the Japanese edition prevails.

Real Sphinx in a subprocess builds ``tests/roots/test-web-languages`` twice, as
``make`` builds the site: Japanese into the top folder, ``-D language=en`` into
``en/``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from nu_checker import nu_errors
from web_harness import html_pages, run_browser, serve

from site_builds import ROOT, run_sphinx

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-web-languages'
OTHER = {'ja': 'en', 'en': 'ja'}
LABEL = {'ja': '言語', 'en': 'Language'}
PRINT_PAGE = Path(__file__).with_name('print_page.mjs')
NOTE = 'This is a reference translation. The Japanese edition prevails.'


@pytest.fixture(scope='module')
def published(tmp_path_factory) -> Path:
    # A copy: Sphinx compiles the catalogues (.mo) next to their .po files.
    root = tmp_path_factory.mktemp('languages') / 'root'
    shutil.copytree(TEST_ROOT, root)
    out = tmp_path_factory.mktemp('published')
    for language, folder in (('ja', out), ('en', out / 'en')):
        doctrees = tmp_path_factory.mktemp(f'doctrees-{language}')
        proc = run_sphinx('-b', 'html', '-c', str(root), '-d', str(doctrees), '-D', f'language={language}',
                          '-W', '--keep-going', str(root / 'docs'), str(folder))
        assert proc.returncode == 0, proc.stderr
    return out


def pages(published: Path) -> dict[str, list[str]]:
    english = html_pages(published / 'en')
    japanese = [page for page in html_pages(published) if not page.startswith('en/')]
    return {'ja': japanese, 'en': english}


def soup_of(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')


def site_of(published: Path, language: str) -> Path:
    return published if language == 'ja' else published / 'en'


def test_both_languages_have_the_same_pages(published):
    found = pages(published)
    assert found['ja'] == found['en']
    assert {'index.html', 'chapters/outline.html', 'genindex.html', 'search.html'} <= set(found['ja'])


@pytest.mark.parametrize('language', ['ja', 'en'])
def test_every_page_links_to_itself_in_the_other_language(published, language):
    site = site_of(published, language)
    other_site = site_of(published, OTHER[language])
    for page in pages(published)[language]:
        soup = soup_of(site / page)
        assert soup.html['lang'] == language, page
        switcher = soup.select_one('nav.vision-languages')
        assert switcher is not None, page
        # Named by its visible label, in the page's language.
        label = soup.find(id=switcher['aria-labelledby'])
        assert label is not None and label.get_text(strip=True) == LABEL[language], page
        links = switcher.find_all('a')
        assert len(links) == 1, page
        link = links[0]
        assert link['lang'] == link['hreflang'] == OTHER[language], page
        assert '://' not in link['href'] and not link['href'].startswith('/'), page
        # The same page, not the other language's front page.
        target = ((site / page).parent / link['href']).resolve()
        assert target == (other_site / page).resolve(), (page, link['href'])
        assert target.is_file(), (page, link['href'])


@pytest.mark.parametrize('language', ['ja', 'en'])
def test_head_names_both_languages(published, language):
    site = site_of(published, language)
    for page in pages(published)[language]:
        alternates = {link['hreflang']: ((site / page).parent / link['href']).resolve()
                      for link in soup_of(site / page).head.find_all('link', rel='alternate')}
        assert alternates == {'ja': (published / page).resolve(),
                              'en': (published / 'en' / page).resolve()}, page


def test_english_pages_say_the_japanese_edition_prevails(published):
    for page in pages(published)['en']:
        soup = soup_of(published / 'en' / page)
        note = soup.select_one('.vision-translation-note')
        assert note is not None and note.get_text(strip=True) == NOTE, page
        # At the top: before the page's main content.
        assert soup.find(id='main-content') in note.find_all_next(id='main-content'), page
    english = soup_of(published / 'en' / 'chapters' / 'outline.html')
    assert english.select_one('nav.vision-languages a').get_text(strip=True) == '日本語'
    assert 'The plan runs for 10 years.' in english.find('main').get_text()


def test_japanese_pages_have_no_translation_note(published):
    for page in pages(published)['ja']:
        soup = soup_of(published / page)
        assert soup.select_one('.vision-translation-note') is None, page
        assert soup.select_one('nav.vision-languages a').get_text(strip=True) == 'English', page


def test_both_languages_are_valid_html(published):
    errors = nu_errors(sorted(published.rglob('*.html')))
    assert [e.located(published) for e in errors] == []


def test_no_switcher_without_languages(tmp_path):
    """The control: the same site without vision_language_sites has neither."""
    root = tmp_path / 'root'
    shutil.copytree(TEST_ROOT, root)
    conf = root / 'conf.py'
    conf.write_text(conf.read_text(encoding='utf-8').replace('vision_language_sites', '_unused'),
                    encoding='utf-8')
    proc = run_sphinx('-b', 'html', '-c', str(root), '-d', str(tmp_path / 'doctrees'), '-W',
                      '--keep-going', str(root / 'docs'), str(tmp_path / 'out'))
    assert proc.returncode == 0, proc.stderr
    page = soup_of(tmp_path / 'out' / 'index.html')
    assert page.select_one('nav.vision-languages') is None
    assert page.head.find('link', rel='alternate') is None


def test_both_languages_pass_axe_on_desktop_and_phone(published):
    every = html_pages(published)
    with serve(published) as base:
        report = run_browser(base, checks=['pages', 'phone'], pages=every)
    assert set(report['axe']) == set(every)
    assert not {page: found for page, found in report['axe'].items() if found}
    on_phone = {(page, scheme): seen[scheme] for page, seen in report['phone'].items()
                for scheme in ('light', 'dark') if seen[scheme]}
    assert not on_phone
    assert not {page: seen['scrollWidth'] for page, seen in report['phone'].items()
                if seen['scrollWidth'] > 320}


def test_printed_english_page_keeps_the_note_not_the_switcher(published, tmp_path):
    out = tmp_path / 'outline.pdf'
    with serve(published) as base:
        # As the print dialog does (print_page.mjs: print media, the page's @page).
        subprocess.run(['node', str(PRINT_PAGE), base + 'en/chapters/outline.html', str(out)],
                       check=True, timeout=120, cwd=PRINT_PAGE.parent)
    printed = ' '.join(subprocess.run(['pdftotext', '-enc', 'UTF-8', str(out), '-'], check=True,
                                      capture_output=True, text=True).stdout.split())
    assert NOTE in printed
    assert 'The plan runs for 10 years.' in printed
    assert 'Language' not in printed and '日本語' not in printed
