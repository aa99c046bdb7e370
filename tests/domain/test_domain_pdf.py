"""In print a link to an object is followed by the page its target is on,
and links inside tables print none (a tiny root, typeset with upLaTeX)."""

from __future__ import annotations

import re
import subprocess

import pytest


def page_texts(pdf) -> list[str]:
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True,
                          text=True, check=True).stdout
    return [re.sub(r'\s+', '', page) for page in text.split('\f')]


@pytest.mark.sphinx('latex', testroot='domain-pageref', freshenv=True)
def test_links_print_the_page_of_their_target(app):
    app.build()
    subprocess.run(['make', '-C', str(app.outdir), 'all-pdf'], check=True, capture_output=True,
                   env={'LATEXMKOPTS': '-silent', 'PATH': '/usr/bin:/bin'})
    pages = page_texts(next(app.outdir.glob('*.pdf')))
    heading = '目指す姿1-1姿一の一'
    # The page of the goal itself: its heading followed by its backlinks.
    target = next(n for n, text in enumerate(pages, 1) if heading + 'この目指す姿に反映された意見' in text)
    printed = [int(m.group(1)) for text in pages
               for m in re.finditer(re.escape(heading) + r'（(\d+)ページ）', text)]
    assert len(printed) >= 2  # the role in the text and the opinion's run-in link
    # Arabic page numbers start at 1 with the first chapter, after the contents.
    first_numbered = next(n for n, text in enumerate(pages, 1) if '本文から参照する' in text)
    assert set(printed) == {target - first_numbered + 1}
    # The opinion's goals run in after their label, with the page.
    assert re.search(r'意見1意見一の本文。目指す姿：目指す姿1-1姿一の一（\d+ページ）', ''.join(pages))
