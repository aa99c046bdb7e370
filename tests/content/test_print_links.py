"""The printed vision: cross-references print the page their target is on."""

from __future__ import annotations

import re
import subprocess

import pypdf


def page_texts(pdf) -> list[str]:
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True,
                          text=True, check=True).stdout
    return [re.sub(r'\s+', '', page) for page in text.split('\f')]


def test_page_references_point_at_the_target_page(site_pdf):
    assert site_pdf.returncode == 0, site_pdf.stderr
    pages = page_texts(site_pdf.outdir / 'setagaya-industrial-vision.pdf')
    heading = '目指す姿1-1地域の事業者が更に安心して継続的に事業を営むことができる世田谷区'
    # The page whose goal heading is followed by its backlinks (not a mere reference).
    target_page = next(number for number, text in enumerate(pages, 1)
                       if heading + 'この目指す姿に反映された意見' in text)
    references = [m.group(1) for text in pages
                  for m in re.finditer(re.escape(heading) + r'（(\d+)ページ）', text)]
    assert len(references) >= 3  # the policy's backlinks, the opinions' fields
    # Printed page numbers start after the front matter, like the page labels.
    printed = {int(p) for p in references}
    assert len(printed) == 1
    first_numbered = pypdf.PdfReader(site_pdf.outdir / 'setagaya-industrial-vision.pdf').page_labels.index('1') + 1
    assert printed.pop() == target_page - first_numbered + 1


def test_links_run_in_and_tables_print_no_page_numbers(site_pdf):
    pages = page_texts(site_pdf.outdir / 'setagaya-industrial-vision.pdf')
    text = ''.join(pages)
    # An opinion's goals follow their label on one line, each with its page.
    assert re.search(r'意見11時代の流れを踏まえた事業転換のサポートが大事。目指す姿：目指す姿1-1'
                     r'[^（]+（\d+ページ）、目指す姿4-3[^（]+（\d+ページ）', text)
    # A policy's goals likewise, after their heading (without a page number
    # when the goal is on the same page).
    assert re.search(r'この基本的方針の目指す姿：目指す姿2-1[^、]+、目指す姿2-2', text)
    # The system table links every goal but prints no page numbers.
    table = text[text.index('表3-1新産業ビジョンの体系'):text.index('全ての基本的方針・目指す姿・意見の一覧')]
    assert '目指す姿4-5' in table
    assert 'ページ' not in table
