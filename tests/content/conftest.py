"""The real site: ``site_html`` and ``site_pdf`` build the project's own
``conf.py`` and ``docs/`` here, in place of the made-up site the other
tests build (``tests/conftest.py``)."""

from __future__ import annotations

import pytest

from site_builds import ROOT, Build, build_html, build_pdf


@pytest.fixture(scope='session')
def site_html(tmp_path_factory) -> Build:
    return build_html(ROOT, tmp_path_factory)


@pytest.fixture(scope='session')
def site_pdf(tmp_path_factory) -> Build:
    return build_pdf(ROOT, tmp_path_factory, 'setagaya-industrial-vision.pdf')
