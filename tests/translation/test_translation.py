"""The English edition's machinery (issue 23) on a made-up plan:
``tests/roots/test-translation`` (Japanese pages, an English catalogue) built
by real Sphinx in a subprocess, in Japanese and with ``-D language=en``.

What the domain stores while reading (a policy's statement, shown again in
the 概要版 and ``vision.json``) is translated as the page is."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
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


def test_vision_json_holds_the_translated_statement(english, japanese):
    def policy(built: Built) -> dict:
        data = json.loads((built.out / 'vision.json').read_text(encoding='utf-8'))
        return next(obj for obj in data['objects'] if obj['id'] == 'P1')
    assert policy(english)['body'] == STATEMENT_EN
    assert policy(japanese)['body'] == STATEMENT_JA
