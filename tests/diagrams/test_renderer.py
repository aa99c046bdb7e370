"""The renderer: same text and settings, same bytes; settings are part of the cache key."""

from __future__ import annotations

from vision.diagrams.mermaid_render import MermaidRenderer

SOURCE = 'flowchart LR\n  A[条例] --> B[メインテーマ]\n'
CONFIG = {'theme': 'neutral', 'fontFamily': 'IPAexGothic', 'deterministicIds': True}


def renderer(cache_dir, **overrides):
    settings = {'node': 'node', 'chromium': '/usr/bin/chromium', 'mermaid_config': CONFIG,
                'fonts': ('IPAexGothic',), **overrides}
    return MermaidRenderer(cache_dir, **settings)


def test_fresh_caches_give_the_same_bytes(tmp_path):
    first, second = renderer(tmp_path / 'a'), renderer(tmp_path / 'b')
    for fmt in ('svg', 'pdf'):
        one = first.render([SOURCE], fmt)[SOURCE].path.read_bytes()
        two = second.render([SOURCE, 'flowchart TD\n  X --> Y\n'], fmt)[SOURCE].path.read_bytes()
        assert one == two, fmt


def test_mermaid_config_changes_the_key(tmp_path):
    plain = renderer(tmp_path)
    themed = renderer(tmp_path, mermaid_config={**CONFIG, 'theme': 'forest'})
    assert plain.key(SOURCE, 'svg') != themed.key(SOURCE, 'svg')
    assert plain.key(SOURCE, 'svg') != plain.key(SOURCE, 'pdf')
