"""The live preview (tools/preview.py): rebuilding in one process gives the
output of a clean build, its warnings list stays current across incremental
builds, served pages carry the list and reload when a build ends, and the
diagram browser it keeps open draws the same bytes as a fresh one; the
prose findings are listed, from one textlint process kept between saves.

Latency is measured by ``bench/preview.py``, never here.
"""

from __future__ import annotations

import json
import shutil
import sys
import threading
import urllib.request
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from saving import edit
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / 'tools'))

import preview  # noqa: E402
from vision.build_state import build_state  # noqa: E402
from vision.diagrams.mermaid_render import SCRIPT, MermaidRenderer  # noqa: E402
from vision.diagrams.render_server import RenderServer  # noqa: E402

INCREMENTAL = ROOT / 'tests' / 'roots' / 'test-editors-incremental'


@pytest.fixture(autouse=True)
def fixed_dates(monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1693872000')
    monkeypatch.setenv('FORCE_SOURCE_DATE', '1')


@pytest.fixture
def project(tmp_path) -> Iterator[preview.Preview]:
    src = tmp_path / 'src'
    shutil.copytree(INCREMENTAL, src)
    project = preview.Preview(src, src, tmp_path / 'out')
    yield project
    project.close()


def tree(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob('*'))
            if p.is_file() and '.doctrees' not in p.parts}


def test_rebuild_in_place_equals_a_clean_build(project, tmp_path):
    project.build()
    edit(project.srcdir / 'p3.md', '方針3 の本文である。', '方針3 の本文を改めた。')
    edit(project.srcdir / 'p2.md', '```{index} 産業\n```', '```{index} 観光\n```')
    project.build()
    assert project.crash == ''
    clean = tmp_path / 'clean'
    assert build_main(['-b', 'html', '-q', '-D', 'vision_diagram_server=1', '-d',
                       str(clean / '.doctrees'), str(project.srcdir), str(clean)]) == 0
    rebuilt, expected = tree(project.outdir), tree(clean)
    assert sorted(rebuilt) == sorted(expected)
    assert [name for name in expected if rebuilt[name] != expected[name]] == []


@pytest.mark.parametrize('collapse', ['0', '1'])
def test_a_retitled_page_in_the_sites_theme_equals_a_clean_build(tmp_path, collapse):
    """The site's theme shares a rendered sidebar between pages; a preview that
    kept it from one build to the next showed a retitled page's old title in
    its own sidebar. Either way of collapsing the sidebar."""
    src = tmp_path / 'src'
    shutil.copytree(INCREMENTAL, src)
    with open(src / 'conf.py', 'a', encoding='utf-8') as conf:
        conf.write(f"html_theme = 'pydata_sphinx_theme'\nhtml_theme_options = {{'collapse_navigation': {collapse == '1'}}}\n")
    project = preview.Preview(src, src, tmp_path / 'out')
    try:
        project.build()
        edit(src / 'p3.md', '# ページ3', '# 第三のページ')
        project.build()
        assert project.crash == ''
    finally:
        project.close()
    clean = tmp_path / 'clean'
    assert build_main(['-b', 'html', '-q', '-D', 'vision_diagram_server=1', '-d',
                       str(clean / '.doctrees'), str(src), str(clean)]) == 0
    rebuilt, expected = tree(project.outdir), tree(clean)
    assert '第三のページ' in rebuilt['p3.html'].decode()
    assert sorted(rebuilt) == sorted(expected)
    assert [name for name in expected if rebuilt[name] != expected[name]] == []


def test_warnings_stay_listed_until_fixed(project):
    project.build()
    assert project.board.current() == []
    edit(project.srcdir / 'p2.md', ':policy: P2', ':policy: P9')
    project.build()
    warnings = project.board.current()
    assert [line.split(' [')[0] for line in warnings] == [  # by file, then line
        "p2.md:6: WARNING: 基本的方針 'P2' に目指す姿がありません：どの目指す姿も :policy: でこれを指定していません",
        "p2.md:11: WARNING: 目指す姿 'G2-1' が指す基本的方針 'P9' はありません：番号を確かめてください"]
    # Another page is rebuilt, p2 is not re-read: its warnings are still current.
    edit(project.srcdir / 'p3.md', '方針3 の本文である。', '方針3 の本文を改めた。')
    project.build()
    assert project.board.current() == warnings
    edit(project.srcdir / 'p4.md', ':::{goal} G4-1', ':::{goal} G４-1')
    project.build()
    p5 = project.srcdir / 'p5.md'
    utf8 = p5.read_bytes()
    p5.write_bytes(utf8.decode('utf-8').encode('cp932'))
    project.build()
    edit(project.srcdir / 'p3.md', '方針3 の本文を改めた。', '方針3 の本文である。')
    project.build()  # p5 is not re-read: its warning stays
    assert [line.split(': WARNING')[0] for line in project.board.current()] == [
        'p2.md:6', 'p2.md:11', 'p4.md:11', 'p5.md:1']
    edit(project.srcdir / 'p2.md', ':policy: P9', ':policy: P2')
    edit(project.srcdir / 'p4.md', ':::{goal} G４-1', ':::{goal} G4-1')
    p5.write_bytes(utf8)
    project.build()
    assert project.board.current() == []


def test_a_new_preview_lists_the_warnings_of_pages_built_before(project):
    """Started again over the output of an earlier run, the preview still
    lists every page's warnings, not only those of pages that changed."""
    edit(project.srcdir / 'p2.md', ':policy: P2', ':policy: P9')
    project.build()
    project.close()
    again = preview.Preview(project.srcdir, project.confdir, project.outdir)
    try:
        again.build()
        assert len(again.board.current()) == 2
    finally:
        again.close()


def get(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - local server
        return answer.read()


def test_served_pages_show_warnings_and_reload_after_a_build(project):
    edit(project.srcdir / 'p2.md', ':policy: P2', ':policy: P9')
    project.build()
    handler = type('TestHandler', (preview.Handler,), {'preview': project})
    server = ThreadingHTTPServer(('127.0.0.1', 0), partial(handler, directory=str(project.outdir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f'http://127.0.0.1:{server.server_address[1]}'
    try:
        page = get(f'{base}/p1.html').decode('utf-8')
        banner = page.split('<div id="vision-preview"', 1)[1].split('</div>', 1)[0]
        assert '警告 2 件' in banner
        assert 'p2.md:11: WARNING: 目指す姿 &#x27;G2-1&#x27; が指す基本的方針 &#x27;P9&#x27; はありません' in banner
        assert page.index('<div id="vision-preview"') < page.index('<h1')
        # A page waiting for build 1 is answered when build 2 ends.
        answer: list[bytes] = []
        waiting = threading.Thread(target=lambda: answer.append(get(f'{base}/__preview__/wait?build=1')))
        waiting.start()
        edit(project.srcdir / 'p2.md', ':policy: P9', ':policy: P2')
        project.build()
        waiting.join(timeout=30)
        assert json.loads(answer[0]) == {'build': 2}
        assert '警告はありません' in get(f'{base}/p1.html').decode('utf-8')
        assert get(f'{base}/_static/basic.css')  # other files as they are
    finally:
        server.shutdown()


def test_kept_browser_draws_the_same_bytes_as_a_fresh_one(tmp_path):
    sources = ['flowchart LR\n  A[条例] --> B[メインテーマ]\n', 'flowchart TD\n  X --> Y\n']
    settings = {'node': 'node', 'chromium': '/usr/bin/chromium', 'fonts': ('IPAexGothic',),
                'mermaid_config': {'theme': 'neutral', 'fontFamily': 'IPAexGothic',
                                   'deterministicIds': True}}
    server = RenderServer('node', SCRIPT)
    try:
        kept = MermaidRenderer(tmp_path / 'kept', server=server, **settings)
        first = kept.render(sources[:1], 'svg')
        process = server._proc
        second = kept.render(sources[1:], 'svg')  # a second batch, same process
        assert server._proc is process and process.poll() is None
    finally:
        server.close()
    fresh = MermaidRenderer(tmp_path / 'fresh', **settings).render(sources, 'svg')
    for source, outcome in {**first, **second}.items():
        assert outcome.path.read_bytes() == fresh[source].path.read_bytes()


def test_the_preview_lists_the_prose_findings_from_one_kept_textlint(tmp_path):
    """The prose checks run in the preview, through one textlint process kept
    between saves; each page's findings stay listed until that page is re-read."""
    src = tmp_path / 'src'
    shutil.copytree(ROOT / 'tests' / 'roots' / 'test-prose', src)
    (src / 'other.md').write_text('# 別の頁\n\n区は事業継承を進める。\n', encoding='utf-8')
    project = preview.Preview(src, src, tmp_path / 'out')

    def prose() -> list[str]:
        return [line.split(': WARNING')[0] + ' ' + line.rsplit(' ', 1)[1]
                for line in project.board.current()
                if '[prose.' in line and line.startswith(('index.md', 'other.md'))]

    try:
        project.build()
        assert project.crash == ''
        on_index = ['index.md:3 [prose.prh]',
                    'index.md:7 [prose.ja-technical-writing/no-mix-dearu-desumasu]',
                    'index.md:40 [prose.prh]']
        assert prose() == [*on_index, 'other.md:3 [prose.prh]']
        server = build_state(project.app.env).transient['prose_server']
        pid = server._proc.pid
        edit(src / 'other.md', '区は事業継承を進める。', '区は事業承継を進める。')
        project.build()
        assert prose() == on_index  # index.md was not re-read: its findings stay
        edit(src / 'other.md', '区は事業承継を進める。', '区は事業承継を進める。\n\n区は事業継承を助ける。')
        project.build()
        assert prose() == [*on_index, 'other.md:5 [prose.prh]']
        assert build_state(project.app.env).transient['prose_server']._proc.pid == pid
    finally:
        project.close()
    assert server._proc is None  # closing the preview stops textlint
