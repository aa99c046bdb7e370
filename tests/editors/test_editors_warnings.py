"""The editors' mistakes that used to pass silently, crash, or point nowhere:
each is now a warning at ``file:line`` (``file:line:col`` for data files),
never a traceback, and alone fails a ``-W`` build."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

ROOTS = Path(__file__).resolve().parent.parent / 'roots'
POLICIES = ':::{policy} P1\n:title: 方針\n本文\n:::\n\n:::{policy} P2\n:title: 方針2\n本文\n:::\n\n'
GOALS = (':::{goal} G1-1\n:policy: P1\n:title: 姿\n:::\n\n'
         ':::{goal} G2-1\n:policy: P2\n:title: 姿2\n:::\n\n')


def project(tmp_path: Path, page: str | bytes, root: str = 'test-domain-core') -> Path:
    srcdir = tmp_path / 'src'
    shutil.copytree(ROOTS / root, srcdir, ignore=shutil.ignore_patterns('*.md', '*.rst', '_build'))
    body = page if isinstance(page, bytes) else page.encode('utf-8')
    (srcdir / 'index.md').write_bytes(body)
    return srcdir


def build(make_app, srcdir: Path, strict: bool = False) -> tuple[list[str], int]:
    warning = io.StringIO()
    app = make_app('html', srcdir=srcdir, warning=warning, warningiserror=strict, freshenv=True)
    app.build()
    text = strip_colors(warning.getvalue())
    assert 'Traceback' not in text
    return [line for line in text.splitlines() if 'WARNING' in line], app.statuscode


def assert_warns(make_app, srcdir: Path, expected: str) -> None:
    lines, _ = build(make_app, srcdir)
    assert any(line.startswith(expected) for line in lines), '\n'.join(lines)
    # Alone, the mistake fails a strict build.
    assert build(make_app, srcdir, strict=True)[1] == 1


UNCLOSED = {
    'object-swallows-object': (
        POLICIES + ':::{goal} G1-1\n:policy: P1\n:title: 姿\n\n'
        ':::{goal} G2-1\n:policy: P2\n:title: 姿2\n:::\n',
        "index.md:13: WARNING: 目指す姿 'G1-1' の本文に目指す姿 'G2-1' が入っています："
        "この目指す姿の終わりの「:::」を書き忘れていませんか"),
    'object-swallows-heading': (
        POLICIES + GOALS + ':::{opinion} O1\n:goals: G1-1\n意見の文言\n\n## 対応表\n\n本文\n',
        "index.md:23: WARNING: 意見 'O1' の本文に見出し '対応表' が入っています："
        "この意見の終わりの「:::」を書き忘れていませんか"),
}


@pytest.mark.parametrize('name', sorted(UNCLOSED))
def test_unclosed_fence_is_located_at_its_opening_line(name, make_app, tmp_path):
    source, expected = UNCLOSED[name]
    srcdir = project(tmp_path, f'# 見出し\n\n{source}')
    assert_warns(make_app, srcdir, f'{srcdir}/{expected}')


def test_closed_fences_give_no_warning(make_app, tmp_path):
    """The control for the two above."""
    srcdir = project(tmp_path, f'# 見出し\n\n{POLICIES}{GOALS}## 次の節\n\n本文\n')
    assert build(make_app, srcdir, strict=True) == ([], 0)


def test_full_width_id_suggests_its_ascii_form(make_app, tmp_path):
    srcdir = project(tmp_path, f'# 見出し\n\n{POLICIES}:::{{goal}} G１-１\n:policy: P１\n'
                               ':title: 姿\n:::\n\n:::{goal} G2-1\n:policy: P2\n:title: 姿2\n'
                               ':::\n\n{goal}`G1-1`\n')
    lines, _ = build(make_app, srcdir)
    assert lines == [
        f"{srcdir}/index.md:13: WARNING: 目指す姿の番号 'G１-１' に全角の文字（または半角英数字以外の"
        "文字）が入っています：'G1-1' と書いてください [vision.id-ascii]",
        f"{srcdir}/index.md:13: WARNING: 目指す姿 'G1-1'：:policy: の 'P１' に全角の文字（または半角英数字"
        "以外の文字）が入っています：'P1' と書いてください [vision.id-ascii]",
    ]  # one mistake, one place: the reference to G1-1 resolves
    assert build(make_app, srcdir, strict=True)[1] == 1


def test_full_width_digits_are_not_digits_of_an_id(make_app, tmp_path):
    """Python's ``\\d`` matches 「４」: the id patterns must not."""
    from vision.object_types import registry_from
    goal = registry_from(None)['goal']
    assert not goal.is_valid_id('G４-５')
    assert goal.is_valid_id('G4-5')


def test_goal_under_the_wrong_policy(make_app, tmp_path):
    srcdir = project(tmp_path, f'# 見出し\n\n{POLICIES}{GOALS}'
                               ':::{goal} G1-5\n:policy: P2\n:title: 姿\n:::\n')
    assert_warns(make_app, srcdir,
                 f"{srcdir}/index.md:23: WARNING: 目指す姿 'G1-5' は基本的方針 'P2' の下にありますが、"
                 '目指す姿の番号の最初の数字は基本的方針の番号です：番号を G2-… に直すか、:policy: P1 '
                 'と書いてください')


def test_shift_jis_page(make_app, tmp_path):
    page = f'# 見出し\n\n{POLICIES}{GOALS}本文の最後の段落である。\n'
    srcdir = project(tmp_path, page.encode('cp932'))
    # The first byte that is not UTF-8 is in the heading (line 1).
    assert_warns(make_app, srcdir,
                 f'{srcdir}/index.md:1: WARNING: このファイルは UTF-8 ではありません（Shift_JIS の'
                 'ようです）：この行のバイト 0x8C が、UTF-8 でない最初の文字です。ファイルを UTF-8 で'
                 '保存し直してください')


def test_shift_jis_after_ascii_lines(make_app, tmp_path):
    page = ('# Title\n\n' + POLICIES.replace('方針2', 'policy two').replace('方針', 'policy')
            .replace('本文', 'text') + GOALS.replace('姿', 'goal') + '最後の段落\n')
    srcdir = project(tmp_path, page.encode('cp932'))
    lines, _ = build(make_app, srcdir)
    assert lines[0].startswith(f'{srcdir}/index.md:23: WARNING: このファイルは UTF-8 ではありません')


def test_shift_jis_data_file(make_app, tmp_path):
    srcdir = project(tmp_path, '# 委員名簿\n\n:::{roster}\n:::\n', root='test-data-tables')
    members = srcdir / 'data' / 'members.yaml'
    members.write_bytes(members.read_text(encoding='utf-8').encode('cp932'))
    # Line 1 is an ASCII comment; the first Japanese is on line 4, column 12.
    assert_warns(make_app, srcdir,
                 'data/members.yaml:4:12: WARNING: このファイルは UTF-8 ではありません（Shift_JIS の'
                 'ようです）：この行のバイト 0x8A が、UTF-8 でない最初の文字です')


def test_shift_jis_readings_file(make_app, tmp_path):
    srcdir = project(tmp_path, '# 索引\n\n```{index} 世田谷\n```\n')
    (srcdir / 'readings.yaml').write_bytes('# よみ\n世田谷: せたがや\n'.encode('cp932'))
    assert_warns(make_app, srcdir, 'readings.yaml:1:3: WARNING: このファイルは UTF-8 ではありません')


def test_reading_in_kanji_is_located_in_the_readings_file(make_app, tmp_path):
    srcdir = project(tmp_path, '# 索引\n\n本文\n')
    (srcdir / 'readings.yaml').write_text('産業: さんぎょう\n世田谷: 世田谷\n', encoding='utf-8')
    assert_warns(make_app, srcdir, "readings.yaml:2:6: WARNING: '世田谷' のよみは、ひらがなかカタカナで"
                                   "書いてください（'世田谷' が書かれています）")


RAW = {
    'script-block': ('<script>alert(1)</script>\n', '<script>', '<script>alert(1)'),
    'inline-attribute': ('文中の<span onclick="x()">語</span>。\n', '<span>', '<span onclick'),
    'image': ('段落の<img src=x onerror=alert(2)>画像。\n', '<img>', '<img src=x'),
}


@pytest.mark.parametrize('name', sorted(RAW))
def test_raw_html_is_located_and_never_published(name, make_app, tmp_path):
    html, tag, markup = RAW[name]
    srcdir = project(tmp_path, f'# 見出し\n\n{html}')
    assert_warns(make_app, srcdir, f'{srcdir}/index.md:3: WARNING: 直接書いた HTML は載せません：'
                                   f'タグ {tag} は使えません')
    page = (srcdir / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
    assert markup not in page
    assert tag.replace('<', '&lt;').rstrip('>') in page  # shown as text


def test_allowed_raw_html_is_kept(make_app, tmp_path):
    srcdir = project(tmp_path, '# 見出し\n\nH<sub>2</sub>O と<br>改行、<ruby>世田谷<rt>せたがや</rt>'
                               '</ruby>。\n\n<!-- 編集メモ -->\n')
    assert build(make_app, srcdir, strict=True) == ([], 0)
    page = (srcdir / '_build' / 'html' / 'index.html').read_text(encoding='utf-8')
    assert 'H<sub>2</sub>O' in page and '<rt>せたがや</rt>' in page


def test_allow_list_is_read_from_conf(make_app, tmp_path):
    srcdir = project(tmp_path, '# 見出し\n\nH<sub>2</sub>O\n')
    with (srcdir / 'conf.py').open('a', encoding='utf-8') as conf:
        conf.write("vision_raw_html_tags = ['br']\n")
    lines, _ = build(make_app, srcdir)
    assert len(lines) == 2 and 'タグ <sub> は使えません' in lines[0]


def test_the_editors_guide_explains_each_new_warning():
    guide = (ROOTS.parent.parent / 'EDITING.md').read_text(encoding='utf-8')
    for message in ("の本文に目指す姿 'G1-2' が入っています：この目指す姿の終わりの「:::」を書き忘れて",
                    "の本文に見出し", "に全角の文字（または半角英数字以外の文字）が入っています：'G4-5'",
                    '目指す姿の番号の最初の数字は基本的方針の番号です', 'このファイルは UTF-8 ではありません',
                    '直接書いた HTML は載せません', 'ひらがなかカタカナで書いてください',
                    'make check', 'make new TYPE=initiative GOAL=G1-1', 'make preview'):
        assert message in guide, message
