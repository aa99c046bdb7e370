"""The tagged PDF (``make pdf-accessible``) on its own test root, and its checker.

Real parts: Sphinx's singlehtml builder in a subprocess, Debian's Chromium
through ``tools/print_accessible.mjs``, the pikepdf post-processor
(``tools/pdf_accessible.py``), then the structure checker
(``tools/preflight_accessible.py``) on the result and on copies broken on
purpose, so each of its checks is seen failing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from site_builds import build_accessible_pdf, print_accessible_summary

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'tools'))

import pdf_accessible  # noqa: E402
import pdf_tables  # noqa: E402
import preflight_accessible  # noqa: E402
from pdf_marked_text import page_texts  # noqa: E402

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-pdf-accessible'


def pdfua_report(pdf: Path) -> dict:
    """pdfua's JSON report (the kept checker, pinned in the test extras)."""
    proc = subprocess.run([str(Path(sys.executable).with_name('pdfua')), 'check', '--format', 'json', str(pdf)],
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout)


def print_accessible(work: Path) -> tuple[Path, Path]:
    """Chromium's PDF and the finished one, as ``make pdf-accessible`` makes them."""
    srcdir = work / 'src'
    shutil.copytree(TEST_ROOT, srcdir)
    return build_accessible_pdf(srcdir, srcdir, work)


@pytest.fixture(scope='module')
def tagged_pdf(tmp_path_factory) -> Path:
    raw, out = print_accessible(tmp_path_factory.mktemp('pdf-accessible'))
    out.rename(out.parent / 'test.pdf')
    return out.parent / 'test.pdf'


@pytest.fixture(scope='module')
def chromium_pdf(tagged_pdf: Path) -> Path:
    """Chromium's PDF before the post-processor."""
    return tagged_pdf.parent / 'tagged.pdf'


def test_document_and_structure(tagged_pdf: Path) -> None:
    with pikepdf.open(tagged_pdf) as pdf:
        root = pdf.Root
        assert '/StructTreeRoot' in root
        assert str(root.Lang) == 'ja'
        assert root.MarkInfo.Marked is True
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert all(page.obj.Tabs == pikepdf.Name.S for page in pdf.pages)
        meta = pdf.open_metadata()
        assert meta['dc:title'] == 'タグ付きPDFのテスト'
        assert meta['dc:creator'] == ['テスト区']
        assert meta['{http://www.aiim.org/pdfua/ns/id/}part'] == '1'
        tree = preflight_accessible.structure(pdf)
        kinds = {kind for kind, _ in tree.elements}
        # A screen reader's view of the tree, in the test output.
        print('headings:', ' '.join(tree.headings))
        print('elements:', ' '.join(sorted(kinds)))
        # H1 the title, H2 目次, H2 the chapter, H3 its section …
        assert tree.headings[:4] == ['H1', 'H2', 'H2', 'H3'] and 'H4' in tree.headings
        assert {'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Link'} <= kinds
        # The diagram: a Figure named by its text alternative.
        figures = [str(element.Alt) for kind, element in tree.elements if kind == 'Figure']
        assert figures == ['条例がメインテーマにつながる。']
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            titles += [kid.title for item in outline.root for kid in item.children]
        assert any('第一の章' in title for title in titles), titles
        for name, font in preflight_accessible._fonts(pdf):
            assert preflight_accessible._embedded(font), name
            assert '/ToUnicode' in font, name


def test_checker_passes_the_tagged_pdf(tagged_pdf: Path) -> None:
    assert preflight_accessible.problems(tagged_pdf) == []


def test_checker_fails_an_untagged_pdf(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    untagged = tmp_path / 'untagged.pdf'
    pdf.save(untagged)
    found = preflight_accessible.problems(untagged)
    assert any('/StructTreeRoot' in problem for problem in found)
    assert any('/Marked' in problem for problem in found)
    assert any('/Lang' in problem for problem in found)
    assert any('DisplayDocTitle' in problem for problem in found)
    assert any('pdfuaid' in problem for problem in found)
    assert any('dc:title' in problem for problem in found)


def _broken(tagged_pdf: Path, tmp_path: Path, name: str, breaks) -> list[str]:
    copy = tmp_path / name
    with pikepdf.open(tagged_pdf) as pdf:
        breaks(pdf)
        pdf.save(copy)
    return preflight_accessible.problems(copy)


def test_checker_fails_a_skipped_heading(tagged_pdf: Path, tmp_path: Path) -> None:
    def skip(pdf: pikepdf.Pdf) -> None:
        _, first_h2 = next(item for item in preflight_accessible.structure(pdf).elements if item[0] == 'H2')
        first_h2.S = pikepdf.Name.H3
    assert any('見出しの階層' in problem for problem in _broken(tagged_pdf, tmp_path, 'skip.pdf', skip))


def test_checker_fails_a_table_without_th(tagged_pdf: Path, tmp_path: Path) -> None:
    def no_th(pdf: pikepdf.Pdf) -> None:
        for kind, element in preflight_accessible.structure(pdf).elements:
            if kind == 'TH':
                element.S = pikepdf.Name.TD
    assert any('TH' in problem for problem in _broken(tagged_pdf, tmp_path, 'no-th.pdf', no_th))


def test_checker_fails_a_figure_without_alt(tagged_pdf: Path, tmp_path: Path) -> None:
    def figure(pdf: pikepdf.Pdf) -> None:
        _, paragraph = next(item for item in preflight_accessible.structure(pdf).elements if item[0] == 'P')
        paragraph.S = pikepdf.Name.Figure
    assert any('/Alt' in problem for problem in _broken(tagged_pdf, tmp_path, 'figure.pdf', figure))


def test_checker_fails_a_font_without_tounicode(tagged_pdf: Path, tmp_path: Path) -> None:
    def strip(pdf: pikepdf.Pdf) -> None:
        _, font = next(preflight_accessible._fonts(pdf))
        del font['/ToUnicode']
    assert any('ToUnicode' in problem for problem in _broken(tagged_pdf, tmp_path, 'font.pdf', strip))


def test_chromium_types_are_role_mapped(tagged_pdf: Path) -> None:
    with pikepdf.open(tagged_pdf) as pdf:
        role_map = pdf.Root.StructTreeRoot.RoleMap
        raw_types = {str(element.S)[1:] for _, element in preflight_accessible.structure(pdf).elements}
        # Every type Chromium wrote is standard or mapped (the site's page-info
        # block was an Aside; the single page has no such block now).
        assert raw_types - preflight_accessible.STANDARD_TYPES <= {str(key)[1:] for key in role_map.keys()}
        assert role_map.Aside == pikepdf.Name.Sect


def test_checker_fails_text_outside_marked_content(tagged_pdf: Path, tmp_path: Path) -> None:
    def draw(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        _, font = next(preflight_accessible._fonts(pdf))
        page.Resources.Font['/Untagged'] = font
        page.contents_add(pdf.make_stream(b'BT /Untagged 10 Tf 72 72 Td <0001> Tj ET'), prepend=False)
    found = _broken(tagged_pdf, tmp_path, 'untagged-text.pdf', draw)
    assert any(problem.startswith('1ページ：') for problem in found), found


def test_checker_fails_an_unmapped_type(tagged_pdf: Path, tmp_path: Path) -> None:
    def custom(pdf: pikepdf.Pdf) -> None:
        _, paragraph = next(item for item in preflight_accessible.structure(pdf).elements if item[0] == 'P')
        paragraph.S = pikepdf.Name('/Paragraph')
    assert any('/Paragraph' in problem for problem in _broken(tagged_pdf, tmp_path, 'custom.pdf', custom))


def test_drawing_outside_the_tree_becomes_an_artifact(chromium_pdf: Path, tagged_pdf: Path,
                                                        tmp_path: Path) -> None:
    """Chromium leaves the diagram's drawing (aria-hidden) untagged; the post-processor
    marks it /Artifact, and the pages look the same (the repeated table headers made
    artifacts too)."""
    with pikepdf.open(chromium_pdf) as pdf:
        drawn = [number for number, page in enumerate(pdf.pages, 1) if preflight_accessible.untagged_text(page)]
    assert drawn
    assert any(problem.startswith(f'{drawn[0]}ページ：') for problem in preflight_accessible.problems(chromium_pdf))
    with pikepdf.open(tagged_pdf) as pdf:
        assert all(preflight_accessible.untagged_text(page) == 0 for page in pdf.pages)
        assert b'/Artifact BMC' in pdf.pages[drawn[0] - 1].obj.Contents.read_bytes()
    for pdf_path in (chromium_pdf, tagged_pdf):
        subprocess.run(['pdftoppm', '-png', '-r', '50', str(pdf_path), str(tmp_path / pdf_path.stem)], check=True)
    before = sorted(tmp_path.glob('tagged-*.png'))
    after = sorted(tmp_path.glob('test-*.png'))
    assert before and len(before) == len(after)
    assert [path.read_bytes() for path in before] == [path.read_bytes() for path in after]


def test_links_are_described_by_their_text(tagged_pdf: Path) -> None:
    with pikepdf.open(tagged_pdf) as pdf:
        contents = [str(annotation.Contents) for page in pdf.pages for annotation in page.get('/Annots', [])
                    if annotation.get('/Subtype') == '/Link']
    # The 目次's two links, then the chapter's own.
    assert contents == ['1 第一の章', '1.1 節の見出し', '節の見出し', 'https://www.city.setagaya.lg.jp/']


def test_list_items_have_a_body(chromium_pdf: Path, tagged_pdf: Path) -> None:
    """Chromium writes LI → Lbl, P; the finished PDF has LI → Lbl, LBody → P."""
    assert any('LI' in problem for problem in preflight_accessible.problems(chromium_pdf))
    with pikepdf.open(tagged_pdf) as pdf:
        elements = preflight_accessible.structure(pdf).elements
        items = [element for kind, element in elements if kind == 'LI']
        assert items
        for item in items:
            assert [str(kid.S) for kid in preflight_accessible._kids(item)][-1] == '/LBody'


def _table_rows(pdf: pikepdf.Pdf, caption: str) -> list[list[tuple[str, str | None, str]]]:
    """The rows of the table whose caption has ``caption``: (type, /Scope, text) per cell."""
    cache: dict = {}
    for table in pdf_tables.tables(pdf):
        if caption in pdf_accessible.element_text(table, cache):
            return [[(str(cell.S)[1:], pdf_tables._scope(cell), pdf_accessible.element_text(cell, cache))
                     for cell in pdf_tables.cells(row)] for row in pdf_tables.rows(table)]
    raise AssertionError(f'no table with {caption}')


def test_a_table_over_pages_has_its_header_once(chromium_pdf: Path, tagged_pdf: Path) -> None:
    """Chromium repeats the header row on each page and tags every copy as the same TH
    (「行行」); the finished PDF reads the header once (the copies are /Artifact
    /Pagination), and every row head has /Scope /Row."""
    with pikepdf.open(chromium_pdf) as pdf:
        before = _table_rows(pdf, '長い表')
    copies = len(before[0][0][2])  # one per page the table runs over
    assert copies >= 2 and before[0][0][2] == '行' * copies, before[0]
    with pikepdf.open(tagged_pdf) as pdf:
        rows = _table_rows(pdf, '長い表')
        pages = [page for page in pdf.pages if b'/Pagination' in page.obj.Contents.read_bytes()]
    assert rows[0] == [('TH', '/Column', '行'), ('TH', '/Column', '内容')]
    assert len(rows) == 61
    for number, row in enumerate(rows[1:], 1):
        assert row == [('TH', '/Row', f'第{number}行'), ('TD', None, f'{number}行目の内容')], row
    assert len(pages) == copies - 1
    assert preflight_accessible.problems(tagged_pdf) == []


def test_pdfua_checker_passes(tagged_pdf: Path) -> None:
    """The kept checker pdfua (a machine-checkable subset of PDF/UA-1) finds nothing."""
    report = pdfua_report(tagged_pdf)
    assert report['summary']['errors'] == 0 and report['summary']['warnings'] == 0, report['findings']


def test_row_heads_get_scope_row(tagged_pdf: Path, tmp_path: Path) -> None:
    """On the site, Chromium writes /Scope /Column for the matrix's row heads after its
    first page; fix_scopes gives a TH of a row with data cells /Scope /Row."""
    with pikepdf.open(tagged_pdf) as pdf:
        table = next(table for table in pdf_tables.tables(pdf) if len(pdf_tables.rows(table)) > 10)
        heads = [pdf_tables.cells(row)[0] for row in pdf_tables.rows(table)[1:]]
        for head in heads[5:]:
            pdf_tables.set_scope(head, '/Column')
        assert pdf_tables.fix_scopes(pdf) == len(heads) - 5
        assert {pdf_tables._scope(head) for head in heads} == {'/Row'}
        assert pdf_tables._scope(pdf_tables.cells(pdf_tables.rows(table)[0])[0]) == '/Column'


def contents_links(pdf: pikepdf.Pdf) -> list[tuple[str, int]]:
    """The 目次's links: (text, number of the page its destination is on)."""
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}
    found = []
    for page in pdf.pages:
        for annotation in page.get('/Annots', []):
            dest = annotation.get('/Dest')
            if dest is None or '目次' not in page_text(page):
                continue
            target = pdf.Root.Dests[str(dest)]
            target = target.D if isinstance(target, pikepdf.Dictionary) else target
            found.append((str(annotation.Contents), pages[target[0].objgen]))
    return found


def page_text(page: pikepdf.Page) -> str:
    return ''.join(page_texts(page).values())


def heading_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Each heading's text and the page it is on (its first marked content's)."""
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}
    cache: dict = {}
    found = {}
    for kind, element in preflight_accessible.structure(pdf).elements:
        if kind in {'H1', 'H2', 'H3', 'H4'}:
            content = pdf_accessible.marked_content(element, element.get('/Pg'))
            found[' '.join(pdf_accessible.element_text(element, cache).split())] = pages[content[0][0].objgen]
    return found


def test_cover_contents_and_colophon(tagged_pdf: Path) -> None:
    """As the upLaTeX PDF: the cover (title, the stage once, the issuer) on page 1, then
    the body, with 目次 before the first chapter linking to each numbered heading,
    and the 奥付 on the last page. No stage banner, no 「このページの情報」."""
    with pikepdf.open(tagged_pdf) as pdf:
        texts = [page_text(page) for page in pdf.pages]
        headings = heading_pages(pdf)
        links = contents_links(pdf)
        kinds = [kind for kind, _ in preflight_accessible.structure(pdf).elements]
    assert texts[0] == 'タグ付きPDFのテスト（素案）テスト区', texts[0]
    assert all('この文書は素案です' not in text and 'このページの情報' not in text for text in texts)
    assert texts[-1] == 'タグ付きPDFのテスト（素案）発行テスト区', texts[-1]
    assert links == [('1 第一の章', headings['1 第一の章']), ('1.1 節の見出し', headings['1.1 節の見出し'])]
    assert list(headings)[:3] == ['タグ付きPDFのテスト', '目次', '1 第一の章']
    # 目次 on a page of its own, after the cover and the root's text.
    assert 1 < headings['目次'] < headings['1 第一の章']
    print('reading order:', ' '.join(kinds[:12]))


@pytest.fixture(scope='module')
def summary_pdf(tagged_pdf: Path) -> Path:
    """The 概要版's tagged PDF, from the same build's summary.html."""
    return print_accessible_summary(TEST_ROOT, tagged_pdf.parent, 'summary.pdf')


def test_the_summary_gets_its_own_tagged_pdf(summary_pdf: Path) -> None:
    """The 概要版 (summary.md, outside the toctree) is written as its own page by the
    single-page build, titled as the upLaTeX 概要版, with the 奥付 last; its PDF has
    the same treatment and passes both checkers."""
    assert preflight_accessible.problems(summary_pdf) == []
    assert pdfua_report(summary_pdf)['summary']['errors'] == 0
    with pikepdf.open(summary_pdf) as pdf:
        assert pdf.open_metadata()['dc:title'] == 'タグ付きPDFのテスト（概要版）'
        texts = [page_text(page) for page in pdf.pages]
        headings = list(heading_pages(pdf))
    assert headings == ['タグ付きPDFのテスト（概要版）']
    assert texts[0].startswith('タグ付きPDFのテスト（概要版）概要版の本文である。')
    assert texts[-1].endswith('タグ付きPDFのテスト（素案）発行テスト区')
    assert '第一の章' not in ''.join(texts)
