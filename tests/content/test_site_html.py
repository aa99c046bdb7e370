"""The residents' HTML of the real ``docs/``: Japanese, complete, self-contained."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from seed_facts import GOAL_TITLES, MAIN_THEME, MEMBER_NAMES, POLICY_STATEMENTS


def pages(build):
    return sorted(p for p in build.outdir.rglob('*.html') if '_static' not in p.parts)


def all_text(build) -> str:
    return '\n'.join(
        BeautifulSoup(p.read_text(encoding='utf-8'), 'html.parser').get_text() for p in pages(build)
    )


def test_build_is_warning_free(site_html):
    assert site_html.returncode == 0, site_html.stderr
    assert 'WARNING' not in site_html.stderr, site_html.stderr


def test_every_page_is_japanese(site_html):
    for page in pages(site_html):
        html_tag = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser').find('html')
        assert html_tag.get('lang') == 'ja', page


def test_seed_content_is_present(site_html):
    text = re.sub(r'\s+', ' ', all_text(site_html))
    missing = [s for s in (*POLICY_STATEMENTS, *GOAL_TITLES, *MEMBER_NAMES, MAIN_THEME) if s not in text]
    assert not missing


def test_no_resource_from_another_host(site_html):
    offenders = []
    for page in pages(site_html):
        soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
        for tag, attr in (('script', 'src'), ('link', 'href'), ('img', 'src'),
                          ('iframe', 'src'), ('source', 'src')):
            for element in soup.find_all(tag):
                url = element.get(attr)
                if url and (urlparse(url).netloc or url.startswith('//')):
                    offenders.append(f'{page.name}: <{tag} {attr}="{url}">')
    assert not offenders


def test_css_loads_nothing_from_another_host(site_html):
    offenders = [
        f'{css.name}: {url}'
        for css in site_html.outdir.rglob('*.css')
        for url in re.findall(r'url\(\s*["\']?((?:https?:)?//[^)"\']+)', css.read_text(encoding='utf-8'))
    ]
    offenders += [
        f'{css.name}: @import {url}'
        for css in site_html.outdir.rglob('*.css')
        for url in re.findall(r'@import\s+(?:url\()?["\']?((?:https?:)?//[^)"\';]+)', css.read_text(encoding='utf-8'))
    ]
    assert not offenders


def test_section_anchors_are_readable(site_html):
    soup = BeautifulSoup((site_html.outdir / 'purpose.html').read_text(encoding='utf-8'), 'html.parser')
    assert soup.find(id='purpose') is not None
