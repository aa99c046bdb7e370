"""The real site: ``site_html`` and ``site_pdf`` build the project's own
``conf.py`` and ``docs/`` here, in place of the made-up site the other
tests build (``tests/conftest.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builds import ROOT, Build, build_accessible_pdf, build_html, build_pdf, print_accessible_summary


@pytest.fixture(scope='session')
def site_html(tmp_path_factory) -> Build:
    return build_html(ROOT, tmp_path_factory)


@pytest.fixture(scope='session')
def site(site_html) -> Path:
    """The built site's HTML folder, once the build has succeeded."""
    assert site_html.returncode == 0, site_html.stderr
    return site_html.outdir


@pytest.fixture(scope='session')
def english_html(tmp_path_factory) -> Build:
    """The English edition, as `make html-en` builds it (issue 23)."""
    return build_html(ROOT, tmp_path_factory, '-D', 'language=en')


@pytest.fixture(scope='session')
def english_pdf(tmp_path_factory) -> Build:
    """The English 本編's PDF, as `make pdf-en` builds it."""
    return build_pdf(ROOT, tmp_path_factory, 'setagaya-industrial-vision.pdf', '-D', 'language=en')


@pytest.fixture(scope='session')
def site_pdf(tmp_path_factory) -> Build:
    return build_pdf(ROOT, tmp_path_factory, 'setagaya-industrial-vision.pdf')


@pytest.fixture(scope='session')
def site_summary_pdf(tmp_path_factory) -> Build:
    """The 概要版, as `make summary` builds it."""
    return build_pdf(ROOT, tmp_path_factory, 'setagaya-industrial-vision-summary.pdf',
                     '-D', 'vision_edition=summary')


@pytest.fixture(scope='session')
def site_accessible_pdf(tmp_path_factory) -> Path:
    """The tagged PDF, as `make pdf-accessible` builds it."""
    return build_accessible_pdf(ROOT, ROOT / 'docs', tmp_path_factory.mktemp('site-accessible'),
                                'setagaya-industrial-vision.pdf')[1]


@pytest.fixture(scope='session')
def site_accessible_summary_pdf(site_accessible_pdf) -> Path:
    """The tagged 概要版, printed from the same build's summary.html, as `make pdf-accessible` does."""
    return print_accessible_summary(ROOT, site_accessible_pdf.parent, 'setagaya-industrial-vision-summary.pdf')


@pytest.fixture(scope='session')
def site_published(site_pdf, site_accessible_pdf, site_accessible_summary_pdf, tmp_path_factory) -> Build:
    """The site as `make` publishes it: the HTML built after the PDFs, so its
    pages link to them (site_html has no PDF unless a checkout's _build has one):
    the tagged PDFs as the 本編 and the 概要版, the upLaTeX PDF as the 「印刷用PDF」."""
    assert site_pdf.returncode == 0, site_pdf.stderr
    return build_html(ROOT, tmp_path_factory, '-D', f'vision_pdf={site_accessible_pdf}',
                      '-D', f'vision_summary_pdf={site_accessible_summary_pdf}',
                      '-D', f'vision_print_pdf={site_pdf.pdf}')
