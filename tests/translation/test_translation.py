"""The English edition's machinery (issue 23) on a made-up plan:
``tests/roots/test-translation`` (Japanese pages, an English catalogue) built
by real Sphinx in a subprocess, in Japanese and with ``-D language=en``.

What the domain stores while reading (a policy's statement, shown again in
the 概要版 and ``vision.json``) is translated as the page is."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from site_builds import ROOT, run_sphinx

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-translation'
STATEMENT_JA = '見本の産業の持続性の確保に向けた基盤強化を図る'
STATEMENT_EN = 'To strengthen the foundations of the sample industries, so as to secure their sustainability'


@dataclass(frozen=True)
class Built:
    root: Path
    out: Path
    returncode: int
    stderr: str

    def text(self, page: str) -> str:
        soup = BeautifulSoup((self.out / page).read_text(encoding='utf-8'), 'html.parser')
        return ' '.join((soup.find('main') or soup).get_text(' ').split())


def copy_root(tmp_path_factory) -> Path:
    # A copy: Sphinx compiles the catalogues (.mo) next to their .po files.
    root = tmp_path_factory.mktemp('translation') / 'root'
    shutil.copytree(TEST_ROOT, root)
    return root


def build(root: Path, language: str, *options: str, out: Path | None = None) -> Built:
    out = out or root / f'_build-{language}'
    proc = run_sphinx('-b', 'html', '-c', str(root), '-d', str(root / f'_doctrees-{language}'),
                      '-D', f'language={language}', '--keep-going', *options, str(root / 'docs'),
                      str(out))
    return Built(root, out, proc.returncode, proc.stderr)


@pytest.fixture(scope='module')
def english(tmp_path_factory) -> Built:
    built = build(copy_root(tmp_path_factory), 'en')
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope='module')
def japanese(tmp_path_factory) -> Built:
    built = build(copy_root(tmp_path_factory), 'ja')
    assert built.returncode == 0, built.stderr
    return built


def test_the_english_build_gives_no_warning(english):
    assert 'WARNING' not in english.stderr, english.stderr


def test_a_policy_statement_is_translated_in_the_summary(english, japanese):
    assert STATEMENT_EN in english.text('summary.html')
    assert STATEMENT_JA not in english.text('summary.html')
    assert STATEMENT_JA in japanese.text('summary.html')


def exported(built: Built) -> dict:
    return json.loads((built.out / 'vision.json').read_text(encoding='utf-8'))


def exported_object(built: Built, object_id: str) -> dict:
    return next(obj for obj in exported(built)['objects'] if obj['id'] == object_id)


def test_vision_json_holds_both_languages_in_both_builds(english, japanese):
    """Japanese (the edition that prevails) in title and body, the English beside it."""
    schema = json.loads((ROOT / '_ext' / 'vision' / 'export' / 'vision.schema.json').read_text(encoding='utf-8'))
    for built, language in ((japanese, 'ja'), (english, 'en')):
        jsonschema.validate(exported(built), schema)
        assert exported(built)['language'] == language
        policy = exported_object(built, 'P1')
        assert (policy['title'], policy['body']) == ('見本の産業の基盤強化', STATEMENT_JA)
        assert policy['translations'] == {'en': {
            'title': 'Strengthening the foundations of the sample industries', 'body': STATEMENT_EN}}
        goal = exported_object(built, 'G1-1')
        assert goal['translations']['en']['title'].startswith('A Sample City where')
        meeting = exported_object(built, 'M1')
        assert (meeting['title'], meeting['translations']['en']['title']) == \
            ('令和5年3月20日', '20 March 2023 (Reiwa 5)')


# -- The data files' words (data/*.yaml): their own catalogue, data.po -----------------

DATA_ENGLISH = ('Sample Committee', 'The state of industry in Sample City, etc.',
                'Report to the Sample Standing Committee', 'Academic expert',
                'Professor, Sample University', "Sample City Shopkeepers' Association")


def test_gettext_offers_the_data_strings_at_their_lines(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    out = root / '_gettext'
    proc = run_sphinx('-b', 'gettext', '-E', '-c', str(root), '-d', str(root / '_doctrees-pot'),
                      str(root / 'docs'), str(out))
    assert proc.returncode == 0, proc.stderr
    with (out / 'data.pot').open('rb') as stream:
        messages = {m.id: m.locations for m in read_po(stream) if m.id}
    assert messages == {
        '見本の会議': [('../data/meetings.yaml', 1)],
        '見本区の産業の状況について 等': [('../data/meetings.yaml', 7)],
        '見本委員会への報告': [('../data/meetings.yaml', 14)],
        '学識経験者': [('../data/members.yaml', 3)],
        '見本大学教授': [('../data/members.yaml', 5)],
        '見本区商店会': [('../data/members.yaml', 7)],
    }
    # Names of people are not offered; the tables' own captions are the extension's words.
    page = (out / 'committee.pot').read_text(encoding='utf-8')
    assert '見本 太郎' not in page and '会議の開催状況' not in page


def test_data_strings_are_shown_in_english(english, japanese):
    text = ' '.join(squeezed(english.text('committee.html')).split())
    assert [words for words in DATA_ENGLISH if words not in text] == []
    # The name stays in Japanese script, the title after it in English brackets.
    assert '見本 太郎 (Professor, Sample University)' in text
    assert 'No. 1 “Sample Committee”' in text
    assert '見本 太郎（見本大学教授）' in japanese.text('committee.html')
    assert '第1回「見本の会議」' in japanese.text('committee.html')


def test_dates_in_english(english, japanese):
    text = english.text('committee.html')
    for date in ('Meetings held (as of 5 September 2023 (Reiwa 5))', '20 March 2023 (Reiwa 5)',
                 'November 2023 (Reiwa 5)', '7 September (Planned)'):
        assert date in text
    assert '令和' not in text
    assert '令和5年3月20日' in japanese.text('committee.html')


def OUT_OF_DATE_AT(location: str) -> str:  # noqa: N802
    """The warning, as editors read it (in Japanese: translation out of date)."""
    return f'{location}: WARNING: 翻訳が古くなっています'


def squeezed(text: str) -> str:
    return text.replace('\u2019', "'")


def with_catalogue(root: Path, name: str, edit) -> None:
    po = root / 'locales' / 'en' / 'LC_MESSAGES' / name
    po.write_text(edit(po.read_text(encoding='utf-8')), encoding='utf-8')


def test_a_fuzzy_data_string_is_japanese_marked_with_a_located_warning(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    with_catalogue(root, 'data.po', lambda po: po.replace(
        '#: ../../data/members.yaml:5\n', '#: ../../data/members.yaml:5\n#, fuzzy\n'))
    built = build(root, 'en')
    assert built.returncode == 0, built.stderr
    warnings = [line for line in built.stderr.splitlines() if 'WARNING' in line]
    assert len(warnings) == 1, built.stderr
    assert OUT_OF_DATE_AT('data/members.yaml:5') in warnings[0]
    soup = BeautifulSoup((built.out / 'committee.html').read_text(encoding='utf-8'), 'html.parser')
    shown = soup.select_one('.vision-translation-fuzzy[lang="ja"]')
    assert shown is not None and shown.get_text() == '見本大学教授'
    assert 'Professor, Sample University' not in built.text('committee.html')


def test_a_changed_data_string_is_out_of_date_before_make_translations(tmp_path_factory):
    """The Japanese changed in the data file, the catalogue not merged yet: never the old English."""
    root = copy_root(tmp_path_factory)
    members = root / 'data' / 'members.yaml'
    members.write_text(members.read_text(encoding='utf-8').replace('見本大学教授', '見本大学名誉教授'),
                       encoding='utf-8')
    built = build(root, 'en')
    assert OUT_OF_DATE_AT('data/members.yaml:5') in built.stderr
    assert '見本大学名誉教授' in built.text('committee.html')
    assert 'Professor, Sample University' not in built.text('committee.html')


def test_an_untranslated_data_string_is_japanese_marked_without_warning(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    with_catalogue(root, 'data.po', lambda po: po.replace(
        'msgstr "Sample City Shopkeepers\' Association"', 'msgstr ""'))
    built = build(root, 'en', '-W')
    assert built.returncode == 0, built.stderr
    soup = BeautifulSoup((built.out / 'committee.html').read_text(encoding='utf-8'), 'html.parser')
    shown = soup.select_one('.vision-translation-untranslated[lang="ja"]')
    assert shown is not None and shown.get_text() == '見本区商店会'
    assert 'Not yet translated' in built.text('committee.html')


def test_a_fuzzy_object_title_is_japanese_everywhere_with_a_located_warning(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    with_catalogue(root, 'index.po', lambda po: po.replace(
        '#: ../../docs/index.md:13\n', '#: ../../docs/index.md:13\n#, fuzzy\n'))
    built = build(root, 'en')
    assert built.returncode == 0, built.stderr
    assert OUT_OF_DATE_AT('docs/index.md:13') in built.stderr or \
        OUT_OF_DATE_AT(str(root / 'docs' / 'index.md') + ':13') in built.stderr, built.stderr
    assert '[vision.translation]' in built.stderr
    # The goal under its policy in the 概要版: its Japanese title, not the old English.
    assert '見本の事業者が安心して事業を営むことができる見本区' in built.text('summary.html')
    assert 'A Sample City where' not in built.text('summary.html')
    # Nor is the old English exported as the goal's translation.
    assert exported_object(built, 'G1-1')['translations'] == {}


# -- conf.py's words and the templates' words --------------------------------------------

def test_gettext_offers_the_configuration_words_at_their_lines(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    out = root / '_gettext'
    proc = run_sphinx('-b', 'gettext', '-E', '-c', str(root), '-d', str(root / '_doctrees-pot'),
                      str(root / 'docs'), str(out))
    assert proc.returncode == 0, proc.stderr
    with (out / 'conf.pot').open('rb') as stream:
        messages = {m.id: m.locations for m in read_po(stream) if m.id}
    assert messages['見本区産業ビジョン'] == [('../conf.py', 5)]
    assert messages['見本区'] == [('../conf.py', 6)]


def test_the_project_and_the_templates_words_in_english(english, japanese):
    soup = BeautifulSoup((english.out / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    assert 'Sample City Industrial Vision' in soup.title.get_text()
    assert soup.title.get_text().endswith(' (preliminary draft)')
    assert soup.select_one('#vision-page-info-title').get_text() == 'About this page'
    assert 'This document is a preliminary draft.' in soup.select_one('.vision-stage-banner').get_text()
    not_found = BeautifulSoup((english.out / '404.html').read_text(encoding='utf-8'), 'html.parser')
    assert not_found.h1.get_text() == 'Page not found'
    assert 'To the top page of the Sample City Industrial Vision' in not_found.get_text()
    # The Japanese pages as they were.
    soup = BeautifulSoup((japanese.out / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    assert '見本区産業ビジョン' in soup.title.get_text() and soup.title.get_text().endswith('（素案）')
    assert soup.select_one('#vision-page-info-title').get_text() == 'このページの情報'


def test_a_fuzzy_configuration_word_stays_japanese_with_a_warning_at_its_line(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    with_catalogue(root, 'conf.po', lambda po: po.replace(
        '#: ../../conf.py:5\n', '#: ../../conf.py:5\n#, fuzzy\n'))
    built = build(root, 'en')
    assert OUT_OF_DATE_AT('conf.py:5') in built.stderr, built.stderr
    soup = BeautifulSoup((built.out / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    assert '見本区産業ビジョン' in soup.title.get_text()


# -- The English PDF ------------------------------------------------------------------------

def test_the_english_pdf(tmp_path_factory):
    """upLaTeX's ujbook as in Japanese, with English headings, the note on the cover, /Lang en."""
    import pypdf

    root = copy_root(tmp_path_factory)
    out = root / '_pdf'
    proc = run_sphinx('-M', 'latexpdf', str(root / 'docs'), str(out), '-c', str(root),
                      '-D', 'language=en', '-q')
    pdfs = [pdf for pdf in (out / 'latex').glob('*.pdf') if not pdf.name.startswith('mermaid')]
    assert proc.returncode == 0 and len(pdfs) == 1, proc.stdout[-3000:] + proc.stderr
    reader = pypdf.PdfReader(pdfs[0])
    assert reader.trailer['/Root']['/Lang'] == 'en'
    cover = reader.pages[0].extract_text()
    assert 'This is a reference translation. The Japanese edition prevails.' in cover
    assert '(preliminary draft)' in cover and '素案' not in cover
    text = ' '.join(page.extract_text() for page in reader.pages)
    assert 'Professor, Sample University' in text and '見本 太郎' in text
    assert [item.title for item in reader.outline if not isinstance(item, list)][:1] == \
        ['Reference materials']


# -- make check -------------------------------------------------------------------

def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    # The extension of this checkout, for a confdir that does not add it (as run_sphinx).
    return subprocess.run([sys.executable, str(ROOT / 'tools' / 'check.py'), 'docs', '.'], cwd=root,
                          capture_output=True, text=True, check=False, timeout=600,
                          env={**os.environ, 'PYTHONPATH': str(ROOT / '_ext')})


def test_make_check_reports_a_translation_out_of_date_at_its_line(tmp_path_factory):
    root = copy_root(tmp_path_factory)
    clean = run_check(root)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    with_catalogue(root, 'index.po', lambda po: po.replace(
        '#: ../../docs/index.md:13\n', '#: ../../docs/index.md:13\n#, fuzzy\n'))
    stale = run_check(root)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    located = [line for line in stale.stderr.splitlines() if '[vision.translation]' in line]
    assert len(located) == 1 and 'index.md:13:' in located[0], stale.stderr
