"""The words residents search for (site_terms.py) are in the site.

tests/web checks that the search finds every page holding a term; this checks
that the terms are still there, so a reworded page shows up here, not as a
search failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from site_terms import RECALL_TERMS  # noqa: E402
from web_harness import article_text, html_pages, normalise  # noqa: E402


def test_recall_terms_are_many_and_in_the_site(site_html):
    assert site_html.returncode == 0, site_html.stderr
    texts = [article_text(site_html.outdir / page) for page in html_pages(site_html.outdir)]
    assert len(set(RECALL_TERMS)) >= 50
    absent = [term for term in RECALL_TERMS
              if not any(''.join(normalise(w) for w in term.split()) in text for text in texts)]
    assert not absent
