"""A sibling plan links to this site's objects through Sphinx's own pipeline (issue 27).

The domain returns None for an id it does not have; intersphinx then finds it
in the site's ``objects.inv``, and only a reference nothing resolves becomes
the ``[vision.ref]`` warning (``warn-missing-reference``), which
``nitpick_ignore`` can silence like any Sphinx reference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

BASE = 'https://example.jp/vision/'
ROOTS = Path(__file__).resolve().parents[1] / 'roots'
ENV = {**os.environ, 'PYTHONPATH': str(ROOTS.parents[1] / '_ext')}


@pytest.fixture(scope='module')
def inventory(tmp_path_factory) -> Path:
    """The objects.inv of the domain-core root, built first (its own process)."""
    out = tmp_path_factory.mktemp('main')
    proc = subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'html', '-q',
                           str(ROOTS / 'test-domain-core'), str(out)],
                          capture_output=True, text=True, env=ENV, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out / 'objects.inv'


def test_sibling_links_resolve_through_intersphinx_without_warning(make_app, tmp_path,
                                                                   rootdir, inventory):
    src = tmp_path / 'sibling'
    shutil.copytree(rootdir / 'test-sibling', src)
    app = make_app('html', srcdir=src, freshenv=True,
                   confoverrides={'intersphinx_mapping': {'main': (BASE, str(inventory))}})
    app.build()
    assert app.warning.getvalue() == ''  # no unknown goal, no readings file
    page = BeautifulSoup((app.outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    links = {a.get_text(): a['href'] for a in page.select('a.reference.external')}
    assert links['方針'] == f'{BASE}index.html#vision-policy-P1'
    hrefs = set(links.values())
    assert {f'{BASE}index.html#vision-goal-G1-1', f'{BASE}goals.html#vision-goal-G1-2',
            f'{BASE}goals.html#vision-opinion-O1'} <= hrefs, links


@pytest.mark.sphinx('html', testroot='domain-warnings', freshenv=True,
                    confoverrides={'nitpicky': True, 'nitpick_ignore': [('vision:goal', 'G8-8')]})
def test_nitpick_ignore_silences_an_unknown_reference(app, warning):
    app.build()
    assert "'G8-8'" not in warning.getvalue()
    assert "会議 'M3' はありません：この番号の項目はどこにもありません。番号を確かめてください [vision.ref]" \
        in warning.getvalue()
    # A field's dangling link is reported once, where it is declared, even when nitpicky.
    assert warning.getvalue().count("'G1-9'") == 1
