"""An edited label of the extension's own catalogue reaches every page on the
next incremental build, as a clean build would show it.

Labels are translated while a page is read, and Sphinx kept the pages read
before: 'Goal1-1' stayed after the English label changed, until the build
folder was deleted. The catalogues' digest is now part of the extension's
``env_version`` (:func:`vision.catalogues.digest`).
"""

from __future__ import annotations

import shutil

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from site_builds import ROOT, run_sphinx

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-translation'


def english_html(root, ext, out, doctrees):
    proc = run_sphinx('-b', 'html', '-c', str(root), '-d', str(doctrees), '-D', 'language=en',
                      '--keep-going', '-q', str(root / 'docs'), str(out),
                      env={'PYTHONPATH': str(ext)})
    assert proc.returncode == 0, proc.stderr
    return ' '.join(BeautifulSoup((out / 'index.html').read_text(encoding='utf-8'), 'html.parser')
                    .find('main').get_text(' ').split())


def relabel_goal(ext, label: str) -> None:
    catalogue_dir = ext / 'vision' / 'locale' / 'en' / 'LC_MESSAGES'
    with open(catalogue_dir / 'vision.po', 'rb') as stream:
        catalogue = read_po(stream, locale='en')
    catalogue['目指す姿'].string = label
    with open(catalogue_dir / 'vision.mo', 'wb') as stream:
        write_mo(stream, catalogue)


def test_a_changed_label_reaches_the_pages_read_before(tmp_path):
    # Copies: Sphinx compiles the root's catalogues next to their .po files.
    root, ext = tmp_path / 'root', tmp_path / '_ext'
    shutil.copytree(TEST_ROOT, root)
    shutil.copytree(ROOT / '_ext', ext, ignore=shutil.ignore_patterns('__pycache__'))
    out, doctrees = tmp_path / 'out', tmp_path / 'doctrees'
    before = english_html(root, ext, out, doctrees)
    assert 'Goal 1-1' in before and 'Aim 1-1' not in before

    relabel_goal(ext, 'Aim')
    after = english_html(root, ext, out, doctrees)
    assert 'Aim 1-1' in after and 'Goal 1-1' not in after
    assert after == english_html(root, ext, tmp_path / 'clean', tmp_path / 'clean-doctrees')
