"""Every ``vision_*`` setting is checked at start-up (issue 27).

A bad value, given with ``-D`` or written in ``conf.py``, is one Japanese
warning naming the setting, what was written and an example of the right
form; the default is used and the build goes on, or with ``-W`` it fails on
that one message. Never a traceback, ``Theme error!``, ``Extension error`` or
``Configuration error``. Run as editors run it: ``sphinx-build`` in a
subprocess, and the real Makefile's ``make html``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from vision import config

CATALOGUE = Path(config.__file__).parent / 'locale' / 'ja' / 'LC_MESSAGES' / 'vision-messages.po'
MESSAGE = '%s = %r cannot be used; write it like %s (the default %r is used instead)'
try:  # the logging layer that applies the catalogue (issue 24)
    import vision.messages  # noqa: F401
    CATALOGUE_APPLIED = True
except ImportError:
    CATALOGUE_APPLIED = False

ROOT = Path(__file__).resolve().parents[2]
TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-config'
ENV = {**os.environ, 'PYTHONPATH': str(ROOT / '_ext'), 'SOURCE_DATE_EPOCH': '1693872000'}
CRASHES = ('Traceback', 'Theme error', 'Extension error', 'Configuration error',
           'Exception occurred', 'テーマエラー', '拡張機能エラー', '設定エラー', '例外が発生')
JAPANESE = re.compile(r'[\u3041-\u309f\u30a0-\u30ff]')

#: (how it is given, the setting, what the editor wrote). ``-D`` passes text;
#: ``conf`` writes the Python expression into conf.py.
BAD = [
    # The cases.
    ('-D', 'vision_search_analyser', 'mecab'),
    ('-D', 'vision_stage', '最終'),
    ('-D', 'vision_publication_date', '2024-13'),
    # More of our own.
    ('-D', 'vision_created', '2023-02-30'),
    ('-D', 'vision_created', '昨日'),
    ('-D', 'vision_created', '平成32年1月1日'),
    ('-D', 'vision_created', '2023-09'),
    ('-D', 'vision_publication_date', '来年の春'),
    ('-D', 'vision_edition', '概要版'),
    ('-D', 'vision_diagram_server', 'maybe'),
    ('-D', 'vision_raw_html_tags', 'script,br'),
    ('-D', 'vision_raw_html_tags', '<br>'),
    ('-D', 'vision_pdf', 'edition.docx'),
    ('-D', 'vision_readings', 'data/readings.txt'),
    ('-D', 'vision_diagram_font', ''),
    ('conf', 'vision_stage', "3"),
    ('conf', 'vision_contact', "{'section': '産業連携交流推進課', 'email': 'x@example.jp'}"),
    ('conf', 'vision_contact', "{'section': '産業連携交流推進課', 'form': 'フォーム'}"),
    ('conf', 'vision_colophon', "{'publisher': '世田谷区', 'printer': '印刷所'}"),
    ('conf', 'vision_mermaid_config', "'dark'"),
    ('conf', 'vision_subtitle', "['副題']"),
    ('conf', 'vision_created', "20230905"),
    ('conf', 'vision_language_sites', "{'ja': '', 'en': '../en'}"),
    ('conf', 'vision_language_sites', "{'English': 'en'}"),
]


def project(tmp_path: Path, conf_line: str = '') -> Path:
    shutil.copytree(TEST_ROOT, tmp_path / 'src')
    if conf_line:
        with (tmp_path / 'src' / 'conf.py').open('a', encoding='utf-8') as conf:
            conf.write(f'\n{conf_line}\n')
    return tmp_path / 'src'


def sphinx_build(src: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'html', '-q', *options,
                           str(src), str(src.parent / 'out')],
                          capture_output=True, text=True, env=ENV, timeout=300)


def assert_one_message(output: str, name: str, written: str) -> str:
    assert not [crash for crash in CRASHES if crash in output], output
    lines = [line for line in output.splitlines() if line.strip()]
    problems = [line for line in lines if '[vision.config]' in line]
    assert len(problems) == 1, output
    message = problems[0]
    assert name in message and written in message, message
    assert config.BY_NAME[name].example in message, message
    if CATALOGUE_APPLIED:
        assert JAPANESE.search(message.replace(config.BY_NAME[name].example, '')
                               .replace(written, '')), message
    return message


def test_the_message_has_its_japanese_in_the_catalogue():
    with CATALOGUE.open('rb') as po:
        entries = {str(entry.id): str(entry.string) for entry in read_po(po) if entry.id}
    japanese = entries[MESSAGE]
    assert JAPANESE.search(japanese) and japanese.count('%') == MESSAGE.count('%')
    assert MESSAGE in config.check_settings.__code__.co_consts  # the msgid the code logs


@pytest.mark.parametrize(('how', 'name', 'written'), BAD, ids=lambda v: str(v)[:24])
def test_a_bad_setting_is_one_japanese_message_and_the_default(tmp_path, how, name, written):
    if how == '-D':
        proc = sphinx_build(project(tmp_path), '-D', f'{name}={written}')
        shown = repr(written.split(',')) if name == 'vision_raw_html_tags' else repr(written)
    else:
        proc = sphinx_build(project(tmp_path, f'{name} = {written}'))
        shown = written.replace('"', "'")
    assert proc.returncode == 0, proc.stderr
    assert_one_message(proc.stderr, name, shown)
    assert proc.stderr.count('WARNING') + proc.stderr.count('警告') == 1, proc.stderr
    page = (tmp_path / 'out' / 'index.html').read_text(encoding='utf-8')
    assert '審議を行ってきた' in page  # the build went on


def test_with_warnings_as_errors_the_bad_setting_stops_the_build_on_its_one_message(tmp_path):
    proc = sphinx_build(project(tmp_path), '-W', '-D', 'vision_stage=最終')
    assert proc.returncode != 0
    assert_one_message(proc.stderr, 'vision_stage', "'最終'")


@pytest.mark.parametrize('written', ['2023-09-05', '2023/09/05', '2023/9/5', '2023年9月5日',
                                     '令和5年9月5日', '令和５年９月５日'])
def test_dates_in_every_form_ward_staff_write_are_the_same_day(tmp_path, written):
    proc = sphinx_build(project(tmp_path), '-W', '-D', f'vision_created={written}')
    assert proc.returncode == 0 and proc.stderr == '', proc.stderr
    page = (tmp_path / 'out' / 'index.html').read_text(encoding='utf-8')
    assert '<time datetime="2023-09-05">令和5年9月5日</time>' in page


@pytest.mark.parametrize(('written', 'read'), [
    ('2024-03', '2024-03'), ('2024/3', '2024-03'), ('2024年3月', '2024-03'),
    ('令和6年3月', '2024-03'), ('令和元年5月', '2019-05'), ('平成31年4月30日', '2019-04-30'),
    ('', ''),
])
def test_a_month_of_publication_in_any_form(written, read):
    assert config.a_month_or_day(written) == read


@pytest.mark.parametrize('written', ['平成31年5月1日', '令和元年4月1日', '2023-13-01', '令和'])
def test_dates_outside_the_calendar_or_the_era_are_refused(written):
    with pytest.raises(ValueError):
        config.parse_date(written)


def test_every_setting_is_declared_once_with_a_checker_and_an_example():
    names = [setting.name for setting in config.SETTINGS]
    assert len(names) == len(set(names)) and all(n.startswith('vision_') for n in names)
    for setting in config.SETTINGS:
        assert setting.check(setting.default) == setting.default or \
            tuple(setting.check(setting.default)) == tuple(setting.default), setting.name
        assert setting.example and setting.doc


# -- Through the Makefile, as editors build ------------------------------------------------

@pytest.fixture
def make_project(tmp_path) -> Path:
    shutil.copy(ROOT / 'Makefile', tmp_path)
    shutil.copy(TEST_ROOT / 'conf.py', tmp_path)
    (tmp_path / 'docs').mkdir()
    shutil.copy(TEST_ROOT / 'index.md', tmp_path / 'docs')
    (tmp_path / '.venv').symlink_to(ROOT / '.venv')
    return tmp_path


def make_html(project: Path, options: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in ENV.items() if not key.startswith('MAKE')}
    return subprocess.run(['make', '--no-print-directory', 'html', 'DEPS=',
                           f'SPHINXOPTS=-q {options}'],
                          cwd=project, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize(('option', 'name', 'written'), [
    ('-D vision_search_analyser=mecab', 'vision_search_analyser', "'mecab'"),
    ('-D vision_stage=最終', 'vision_stage', "'最終'"),
    ('-D vision_publication_date=2024-13', 'vision_publication_date', "'2024-13'"),
    ('-D vision_edition=概要版', 'vision_edition', "'概要版'"),
])
def test_make_html_gives_the_same_one_message(make_project, option, name, written):
    proc = make_html(make_project, option)
    assert proc.returncode == 0, proc.stderr
    assert_one_message(proc.stderr + proc.stdout, name, written)


def test_make_html_with_warnings_as_errors_fails_on_the_one_message(make_project):
    proc = make_html(make_project, '-W --keep-going -D vision_stage=最終')
    assert proc.returncode != 0
    assert_one_message(proc.stderr + proc.stdout, 'vision_stage', "'最終'")


@pytest.mark.parametrize('written', ['2023/09/05', '令和5年9月5日'])
def test_make_html_reads_japanese_dates(make_project, written):
    proc = make_html(make_project, f'-W -D vision_created={written}')
    assert proc.returncode == 0, proc.stderr
    page = (make_project / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
    assert '<time datetime="2023-09-05">令和5年9月5日</time>' in page
