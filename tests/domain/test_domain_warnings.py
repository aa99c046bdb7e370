"""Every mistake an editor can make is a located warning, never a traceback,
and ``-W`` turns each into a failed build."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from sphinx.util.console import strip_colors

EXPECTED = [
    # (location, message, category)
    ('index.md:9', "基本的方針 'P2' に目指す姿がありません：どの目指す姿も :policy: でこれを指定していません",
     'vision.policy-without-goals'),
    ('index.md:13', "名称がありません：基本的方針 'P3' に :title: を書いてください", 'vision.missing-title'),
    ('index.md:22', "目指す姿の番号 'G1-1' が重複しています：{srcdir}/index.md:17 ですでに使われています。"
     'どちらかの番号を変えてください', 'vision.duplicate'),
    ('index.md:27', "目指す姿 'G1-2' に :policy: がありません：書き加えてください", 'vision.missing-policy'),
    ('index.md:31', "目指す姿 'G9-1' が指す基本的方針 'P9' はありません：番号を確かめてください",
     'vision.unknown-policy'),
    ('index.md:36', "目指す姿の番号 'GX' の形が違います：G1-1 の形で書いてください", 'vision.id'),
    ('index.md:41', "取組 'I1' が指す目指す姿 'G1-9' はありません：番号を確かめてください", 'vision.unknown-goal'),
    ('index.md:46', "指標 'K1' が指す目指す姿 'G7-7' はありません：番号を確かめてください", 'vision.unknown-goal'),
    ('index.md:51', "意見 'O1' が指す目指す姿 'G5-5' はありません：番号を確かめてください", 'vision.unknown-goal'),
    # MyST's own message (MyST has no Japanese catalogue).
    ('index.md:58', "'opinion': Unknown option key: 'colour' (allowed: ['goals', 'meeting', 'name', 'tags'])",
     'myst.directive_option'),
    ('index.md:62', "目指す姿 'G8-8' はありません：この番号の項目はどこにもありません。番号を確かめてください",
     'vision.ref'),
    ('index.md:62', "会議 'M3' はありません：この番号の項目はどこにもありません。番号を確かめてください",
     'vision.ref'),
    ('index.md:62', "基本的方針 'G1-1' はありません：'G1-1' は目指す姿の番号です", 'vision.ref'),
    ('index.md:68', 'vision-list には :type: が必要です（theme, policy, goal, initiative, '
     'indicator, opinion, meeting のどれか）', 'vision.missing-type'),
    ('index.md:72', "vision-list の絞り込みに書かれた基本的方針 'P7' はありません：番号を確かめてください",
     'vision.view'),
    # MyST's frame, the extension's reason.
    ('index.md:79', "'vision-list': Invalid option value for 'columns': id, colour: 列 colour はありません："
     'id, title, type, policy, goals, meeting, unit, baseline, target, year, source, tags のどれかを書いてください',
     'myst.directive_option'),
    ('other.rst:4', "目指す姿の番号 'G1-1' が重複しています：{srcdir}/index.md:17 ですでに使われています。"
     'どちらかの番号を変えてください', 'vision.duplicate'),
]


def warning_lines(app, warning) -> list[str]:
    return [line for line in strip_colors(warning.getvalue()).splitlines() if line]


@pytest.mark.sphinx('html', testroot='domain-warnings', freshenv=True)
def test_each_mistake_is_located(app, warning):
    app.build()
    lines = warning_lines(app, warning)
    for location, message, category in EXPECTED:
        expected = f'{app.srcdir}/{location}: WARNING: {message.format(srcdir=app.srcdir)} [{category}]'
        assert expected in lines, '\n'.join(lines)


@pytest.mark.sphinx('html', testroot='domain-warnings', freshenv=True)
def test_unknown_rst_option_is_located(app, warning):
    app.build()
    text = strip_colors(warning.getvalue())
    assert f'{app.srcdir}/other.rst:8: ERROR: Error in "opinion" directive:\nunknown option: "colour".' in text
    assert 'Traceback' not in text


@pytest.mark.sphinx('latex', testroot='domain-warnings', freshenv=True)
def test_latex_build_reports_the_same_reference_warnings(app, warning):
    app.build()
    lines = warning_lines(app, warning)
    assert f"{app.srcdir}/index.md:62: WARNING: 目指す姿 'G8-8' はありません：この番号の項目はどこにもありません。" \
           '番号を確かめてください [vision.ref]' in lines


def one_mistake_projects():
    """A project per mistake: each alone must fail a ``-W`` build."""
    goal = ':::{goal} G1-1\n:policy: P1\n:title: 目指す姿\n:::\n'
    policy = ':::{policy} P1\n:title: 方針\n:::\n'
    return {
        'duplicate': policy + goal + goal,
        'unknown-reference': policy + goal + '{goal}`G2-2`\n',
        'unknown-meeting-reference': policy + goal + '{meeting}`M1`\n',
        'goal-without-policy': policy + goal + ':::{goal} G1-2\n:title: 目指す姿\n:::\n',
        'goal-with-unknown-policy': policy + goal + ':::{goal} G2-1\n:policy: P2\n:title: 目指す姿\n:::\n',
        'initiative-unknown-goal': policy + goal + ':::{initiative} I1\n:goals: G3-3\n:title: 取組\n:::\n',
        'indicator-unknown-goal': policy + goal + ':::{indicator} K1\n:goals: G3-3\n:title: 指標\n:::\n',
        'opinion-unknown-goal': policy + goal + ':::{opinion} O1\n:goals: G3-3\n意見\n:::\n',
        'malformed-id': policy + goal + ':::{opinion} Q1\n:goals: G1-1\n意見\n:::\n',
        'missing-title': policy + ':::{goal} G1-1\n:policy: P1\n:::\n',
        'policy-without-goals': policy + goal + ':::{policy} P2\n:title: 方針\n:::\n',
        'list-unknown-filter': policy + goal + ':::{vision-list}\n:type: goal\n:goal: G9-9\n:::\n',
        'unknown-option': policy + goal + ':::{goal} G1-2\n:policy: P1\n:title: 姿\n:owner: 区\n:::\n',
    }


MISTAKES = one_mistake_projects()


@pytest.mark.parametrize(('name', 'source'), sorted(MISTAKES.items()), ids=sorted(MISTAKES))
def test_each_mistake_fails_a_strict_build(name, source, make_app, tmp_path, rootdir):
    srcdir = tmp_path / name
    srcdir.mkdir()
    for conf in ('conf.py', 'readings.yaml'):
        shutil.copy(rootdir / 'test-domain-core' / conf, srcdir / conf)
    (srcdir / 'index.md').write_text(f'# 見出し\n\n{source}', encoding='utf-8')
    app = make_app('html', srcdir=srcdir, warningiserror=True)
    app.build()
    assert app.statuscode == 1


def test_the_projects_are_valid_without_their_mistake(make_app, tmp_path, rootdir):
    """The control: the common part of the projects above builds cleanly."""
    srcdir = tmp_path / 'valid'
    srcdir.mkdir()
    for conf in ('conf.py', 'readings.yaml'):
        shutil.copy(rootdir / 'test-domain-core' / conf, srcdir / conf)
    source = ':::{policy} P1\n:title: 方針\n:::\n:::{goal} G1-1\n:policy: P1\n:title: 目指す姿\n:::\n{goal}`G1-1`\n'
    (srcdir / 'index.md').write_text(f'# 見出し\n\n{source}', encoding='utf-8')
    app = make_app('html', srcdir=srcdir, warningiserror=True)
    app.build()
    assert app.statuscode == 0


def test_duplicate_across_parallel_readers_is_located(make_app, tmp_path, rootdir):
    """Two pages read by different processes of ``-j 2`` define the same id:
    the merge of their domain data reports it like a serial build does."""
    srcdir = tmp_path / 'parallel'
    srcdir.mkdir()
    for conf in ('conf.py', 'readings.yaml'):
        shutil.copy(rootdir / 'test-domain-core' / conf, srcdir / conf)
    pages = [f'page{number}' for number in range(8)]
    toctree = '\n'.join(pages)
    (srcdir / 'index.md').write_text(f'# 目次\n\n```{{toctree}}\n{toctree}\n```\n', encoding='utf-8')
    for page in pages:
        (srcdir / f'{page}.md').write_text(
            f'# {page}\n\n:::{{opinion}} O1\n:goals: G1-1\n意見\n:::\n', encoding='utf-8')
    warning = io.StringIO()
    app = make_app('html', srcdir=srcdir, parallel=2, warning=warning)
    app.build()
    duplicates = [line for line in strip_colors(warning.getvalue()).splitlines()
                  if '[vision.duplicate]' in line]
    # Each later definition is reported once, against whichever definition
    # its reading process met first; page0 owns the id as in a serial build.
    # The Japanese, from the parallel readers' records too.
    located = sorted(re.match(rf"{srcdir}/(page\d)\.md:3: WARNING: 意見の番号 'O1' が重複しています："
                              rf"{srcdir}/page\d\.md:3 ですでに使われています", line).group(1)
                     for line in duplicates)
    assert located == pages[1:]
    assert app.env.get_domain('vision').objects['O1'].docname == 'page0'
    anchored = [page for page in pages
                if 'id="vision-opinion-O1"' in (app.outdir / f'{page}.html').read_text(encoding='utf-8')]
    assert anchored == ['page0']
