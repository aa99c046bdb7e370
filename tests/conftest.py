"""Shared fixtures: real Sphinx builds of a whole site.

``site_html`` and ``site_pdf`` build ``tests/roots/test-site``, a complete
made-up plan in the site's shape, once per test session, with the same
options as the Makefile (``-W --keep-going``), into a temporary directory.
``tests/content/conftest.py`` overrides both with the real site (``conf.py``
and ``docs/``): only the tests there check what the site's pages say.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from site_builds import TEST_SITE, Build, build_html, build_pdf

ROOT = Path(__file__).resolve().parent.parent
# Test roots are copied to a temporary directory, so they cannot find _ext by a
# relative path: make the extension importable for every test here.
sys.path.insert(0, str(ROOT / '_ext'))

pytest_plugins = ('sphinx.testing.fixtures',)


@pytest.fixture(scope='session')
def site_html(tmp_path_factory) -> Build:
    return build_html(TEST_SITE, tmp_path_factory)


@pytest.fixture(scope='session')
def site_pdf(tmp_path_factory) -> Build:
    return build_pdf(TEST_SITE, tmp_path_factory, 'sample-plan.pdf')


@pytest.fixture(scope='session')
def rootdir() -> Path:
    """Test roots for ``@pytest.mark.sphinx(testroot=...)``: ``tests/roots/test-<name>/``.

    Each root is a complete, tiny project whose ``conf.py`` lists
    ``extensions = ['myst_parser', 'vision']``.
    """
    return ROOT / 'tests' / 'roots'


# -- Markers for `make test-fast`: no TeX, no page driven in a browser, no EPUBCheck -------

#: What in a test's own code, or which fixture, makes it run TeX or drive Chromium.
_TEX_SIGNS = ("'all-pdf'", "'latexpdf'")
_TEX_FIXTURES = {'site_pdf'}
_BROWSER_SIGNS = ('run_browser(', 'print_accessible(', 'diagram_readers(', 'show_offline(', 'SCREENSHOT', 'MermaidRenderer(', 'renderer_for(',
                  'laid_out_labels(')
_BROWSER_FIXTURES = {'browser_report'}
_EPUBCHECK_SIGNS = ('EpubCheck(',)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests ``tex`` and ``browser`` from what they call, so new tests are marked too."""
    import inspect

    for item in items:
        function = getattr(item, 'function', None)
        source = inspect.getsource(function) if function is not None else ''
        fixtures = set(getattr(item, 'fixturenames', ()))
        if fixtures & _TEX_FIXTURES or any(sign in source for sign in _TEX_SIGNS):
            item.add_marker(pytest.mark.tex)
        if fixtures & _BROWSER_FIXTURES or any(sign in source for sign in _BROWSER_SIGNS):
            item.add_marker(pytest.mark.browser)
        if any(sign in source for sign in _EPUBCHECK_SIGNS):
            item.add_marker(pytest.mark.epubcheck)
