"""The weight budget of issue 29 on the made-up site, and the trimmed theme's
features (vision.web.lean_theme, vision.web.theme_css), in Chromium."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from web_harness import serve

from vision.web import lean_theme, theme_css

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'bench'))
import page_weight  # noqa: E402

pytestmark = pytest.mark.browser

FEATURES = Path(__file__).with_name('theme_features.js')
SEARCH_FILES = ('searchindex.js', '_static/searchtools.js', '_static/language_data.js')


@pytest.fixture(scope='module')
def weight(site, site_pages) -> dict[str, dict]:
    return page_weight.measure(site, site_pages)


def chapter_pages(weight: dict) -> list[str]:
    return [page for page in weight if page != 'search.html']


def test_every_page_is_within_the_budget(weight):
    heavy = {page: row['first']['bytes'] for page, row in weight.items()
             if row['first']['bytes'] > page_weight.BUDGET}
    assert not heavy


def test_nothing_from_another_host_and_nothing_missing(weight):
    for page, row in weight.items():
        for load in ('first', 'next'):
            assert row[load]['foreign'] == [], page
            assert row[load]['failed'] == [], page
    # The control: the bench sees a request it cannot serve.
    first = next(iter(weight.values()))['first']
    assert first['requests'] == len(first['files'])


def test_the_next_page_is_served_from_the_cache(weight):
    """Shared files keep one address, so the next page fetches only itself."""
    for page, row in weight.items():
        if row['next_page'] != 'search.html':
            assert row['next']['fetched'] == 1, (page, row['next'])


def test_shared_files_have_one_address_on_every_page(weight):
    files = {page: {url for url in row['first']['files'] if url.startswith('_static/')}
             for page, row in weight.items() if page != 'search.html'}
    first, *others = files.values()
    assert all(found == first for found in others)
    assert any(url.startswith(f'_static/{lean_theme.STYLESHEET}?digest=') for url in first)


def test_the_search_files_load_only_on_the_search_page(weight):
    for page in chapter_pages(weight):
        assert not set(SEARCH_FILES) & set(weight[page]['first']['files']), page
    assert set(SEARCH_FILES) <= set(weight['search.html']['first']['files'])


def test_no_icon_font_and_no_bootstrap(site, weight):
    loaded = {url for row in weight.values() for url in row['first']['files']}
    assert not [url for url in loaded if re.search(r'fontawesome|fa-solid|bootstrap|woff', url)]
    assert not (site / '_static' / 'scripts' / 'bootstrap.js').exists()
    assert not (site / '_static' / 'vendor').exists()


def test_the_favicon(site, weight):
    page = (site / 'index.html').read_text(encoding='utf-8')
    assert '<link rel="icon" href="_static/vision-favicon.svg"/>' in page
    assert (site / '_static' / 'vision-favicon.svg').is_file()
    assert (site / 'favicon.ico').read_bytes()[:4] == b'\0\0\1\0'


def test_the_stylesheet_digest_is_its_content(site, site_pages):
    css = (site / '_static' / lean_theme.STYLESHEET).read_bytes()
    digest = hashlib.sha256(css).hexdigest()[:20]
    for page in site_pages:
        html = (site / page).read_text(encoding='utf-8')
        assert html.count(f'styles/vision-theme.css?digest={digest}"') == 1, page
    assert b'webfonts' not in css and b'.fa-solid' not in css


def test_every_icon_class_on_the_site_is_drawn(site, site_pages):
    icons = (lean_theme.STATIC_DIR / lean_theme.ICONS).read_text(encoding='utf-8')
    drawn = set(re.findall(r'\.(fa-[a-z-]+)\s*\{\s*--vision-icon', icons))
    used = {name for page in site_pages
            for name in re.findall(r'\b(fa-[a-z-]+)', (site / page).read_text(encoding='utf-8'))}
    assert used - {'fa-solid', 'fa-regular', 'fa-brands'} <= drawn
    assert drawn


def test_purgecss_keeps_what_pages_and_scripts_use(tmp_path):
    """Real PurgeCSS: a class in a page or a script stays, an unused one goes,
    FontAwesome goes, custom properties another stylesheet reads stay."""
    (tmp_path / 'page.html').write_text('<p class="in-page">x</p>', encoding='utf-8')
    (tmp_path / 'added.js').write_text('el.classList.add("by-script");', encoding='utf-8')
    css = ('.in-page{color:red}.by-script{color:blue}.unused{color:green}'
           '.fa-solid{font-family:x}:root{--kept:1px;--dropped:2px}')
    purged = theme_css.purge(css, [tmp_path / 'page.html', tmp_path / 'added.js'], ['--kept'])
    assert '.in-page' in purged and '.by-script' in purged
    assert '.unused' not in purged and '.fa-solid' not in purged
    assert '--kept' in purged and '--dropped' not in purged


@pytest.fixture(scope='module')
def features(site) -> dict:
    with serve(site) as base:
        proc = subprocess.run(['node', str(FEATURES)], input=json.dumps(
            {'base': base, 'page': 'opinions.html', 'query': '見本'}), capture_output=True,
            text=True, cwd=FEATURES.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_theme_still_works(features):
    assert features['errors'] == []
    assert features['skipLink'] == '本文へスキップ'
    # Ctrl+K opens the dialog with its field focused; Enter searches.
    assert features['dialog']['open'] and features['dialog']['focused']
    assert features['dialog']['address'].startswith('search.html?q=')
    # The sidebar folds, and says how to open it again.
    collapse = features['collapse']
    assert collapse['expanded'] == 'false' and collapse['after'] < collapse['before'] / 2
    assert collapse['tooltip'] == 'サイドバーを開く'
    assert features['backToTop'] == {'shown': True, 'scrollY': 0}
    assert features['dark']['theme'] == 'dark'
    assert features['dark']['background'] != 'rgb(255, 255, 255)'
    assert features['phone']['menuOpen'] and features['phone']['links'] > 0


def test_every_icon_is_drawn(features):
    assert features['icons']
    assert all(icon['mask'] for icon in features['icons'])


def test_pages_get_the_current_checksum_of_shared_files(tmp_path):
    """After an incremental build, a page Sphinx did not rewrite has an old ``?v=``."""
    (tmp_path / '_static').mkdir()
    (tmp_path / '_static' / 'a.css').write_bytes(b'p{}')
    (tmp_path / 'sub').mkdir()
    old = '<link href="../_static/a.css?v=00000000"/><script src="../_static/gone.js?v=12345678">'
    (tmp_path / 'sub' / 'page.html').write_text(old, encoding='utf-8')
    theme_css.link_pages(tmp_path, 'abc')
    new = (tmp_path / 'sub' / 'page.html').read_text(encoding='utf-8')
    assert new == old.replace('00000000', f"{zlib.crc32(b'p{}'):08x}")
