"""Every published page passes the W3C Nu HTML Checker (issue 17; WCAG 2.0 4.1.1)."""

from __future__ import annotations

import pytest
from nu_checker import nu_errors

from vision.diagrams.inline_svg import valid_inline_svg

#: What mermaid writes and what HTML rejects: a paragraph in a label's span and
#: a rect without a size; and the theme's non-standard search field attribute.
MERMAID_SVG = '''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" role="img" aria-label="図">
<g class="label"><rect/><foreignObject width="80" height="24"><div xmlns="http://www.w3.org/1999/xhtml">
<span class="nodeLabel"><p>条例</p></span></div></foreignObject></g></svg>'''
PAGE = '''<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>検査</title></head>
<body><main><h1>検査</h1>
<input type="search" aria-label="検索" autocorrect="off">
{svg}
</main></body></html>
'''
REPAIRED_PAGE = PAGE.replace('<input type="search" aria-label="検索" autocorrect="off">\n', '')


@pytest.fixture(scope='module')
def nu_report(site, tmp_path_factory) -> tuple[list[str], list[str]]:
    """The checker's errors for the whole built site and for two known pages, in one run."""
    known = tmp_path_factory.mktemp('nu-known')
    (known / 'mermaid.html').write_text(PAGE.format(svg=MERMAID_SVG), encoding='utf-8')
    (known / 'repaired.html').write_text(REPAIRED_PAGE.format(svg=valid_inline_svg(MERMAID_SVG)),
                                         encoding='utf-8')
    # Every HTML file that is published, whoever adds it: pages, 404, _static.
    published = sorted(site.rglob('*.html'))
    errors = nu_errors([*published, *sorted(known.glob('*.html'))])
    return ([e.located(site) for e in errors if e.file.is_relative_to(site)],
            [e.located(known) for e in errors if e.file.is_relative_to(known)])


def test_every_page_is_valid_html(nu_report):
    site_errors, _known = nu_report
    assert site_errors == [], '\n'.join(site_errors)


def test_checker_reports_mermaids_faults_by_page_and_line(nu_report):
    _site, known = nu_report
    assert "mermaid.html:4: Attribute 'autocorrect' not allowed on element 'input' at this point." in known
    assert any(e.startswith("mermaid.html:7: Element 'p' not allowed as child of element 'span'")
               for e in known), known
    assert "mermaid.html:6: Element 'rect' is missing required attribute 'width'." in known
    assert "mermaid.html:6: Element 'rect' is missing required attribute 'height'." in known


def test_repaired_svg_is_valid(nu_report):
    _site, known = nu_report
    assert [e for e in known if e.startswith('repaired.html')] == []


def test_site_has_no_build_internals(site):
    published = {p.relative_to(site).as_posix() for p in site.rglob('*')}
    internals = {p for p in published
                 if p.split('/')[0] in ('.doctrees', '.buildinfo', '.buildinfo.bak', '_sources')
                 or p.endswith(('.doctree', '.pickle')) or p == '_static/webpack-macros.html'}
    assert internals == set()
