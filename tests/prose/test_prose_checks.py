"""The prose checks (issue 24): textlint over the MyST sources of a test root,
each finding a located Japanese warning ``[prose.<rule>]``; real Sphinx in a
subprocess, real textlint from the project's node_modules."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vision.object_types import registry_from
from vision.prose import masking

ROOT = Path(__file__).resolve().parents[2]
TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-prose'
PROSE = re.compile(r'^(?P<file>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[prose\.(?P<rule>[^\]]+)\]$')


def build(tmp_path: Path, *options: str) -> tuple[int, list[re.Match[str]], str]:
    src = tmp_path / 'src'
    shutil.copytree(TEST_ROOT, src)
    proc = subprocess.run(
        [sys.executable, '-m', 'sphinx', '-b', 'dummy', '-E', '-q', '--keep-going', *options,
         '-c', str(src), '-d', str(tmp_path / 'doctrees'), str(src), str(tmp_path / 'out')],
        capture_output=True, text=True, env={'PYTHONPATH': str(ROOT / '_ext'), 'PATH': '/usr/bin:/bin'},
        check=False)
    found = [m for m in map(PROSE.match, proc.stderr.splitlines()) if m]
    return proc.returncode, found, proc.stderr


@pytest.fixture(scope='module')
def default_build(tmp_path_factory) -> tuple[int, list[re.Match[str]], str]:
    return build(tmp_path_factory.mktemp('prose'))


def line_of(text: str) -> int:
    lines = (TEST_ROOT / 'index.md').read_text(encoding='utf-8').splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_a_planted_finding_is_a_located_japanese_warning(default_build):
    returncode, found, stderr = default_build
    assert returncode == 0, stderr  # a warning, and the build goes on
    where = {(Path(m['file']).name, int(m['line']), m['rule']) for m in found
             if Path(m['file']).name == 'index.md'}
    assert where == {('index.md', line_of('区は事業継承を支援する'), 'prh'),
                     ('index.md', line_of('ですます調で書きません'),
                      'ja-technical-writing/no-mix-dearu-desumasu'),
                     ('index.md', line_of('区は事業継承の相談'), 'prh')}, stderr
    prh = next(m for m in found if m['rule'] == 'prh')
    assert prh['message'] == '「事業承継」と書いてください（「事業継承」は用語集 prh.yml の表記ではありません）'


def test_fences_options_quotes_and_waivers_are_not_corrected(default_build):
    """事業継承 also stands in an option line, a mermaid fence, a code fence,
    the committee's opinion (with its ですます), a block quote and a waived
    line: none of them is flagged (the test above asserts the whole set)."""
    _, found, _ = default_build
    flagged = {int(m['line']) for m in found if Path(m['file']).name == 'index.md'}
    for text in (':name: 事業継承', 'A[事業継承]', '事業継承の仕組みが生まれるのではないかな',
                 '> 委員の言葉は事業継承', '「事業継承の手引」'):
        assert line_of(text) not in flagged, text
    assert '事業継承' in (TEST_ROOT / 'index.md').read_text(encoding='utf-8').split('```text')[1]


def test_the_setting_off_gives_none_and_a_rule_can_be_suppressed(tmp_path):
    _, found, stderr = build(tmp_path / 'off', '-D', 'vision_prose_checks=0')
    assert found == [], stderr
    _, found, stderr = build(tmp_path / 'suppressed', '-D', 'suppress_warnings=prose.prh')
    assert {m['rule'] for m in found if Path(m['file']).name == 'index.md'} == {
        'ja-technical-writing/no-mix-dearu-desumasu'}, stderr
    assert not any(m['rule'] == 'prh' for m in found), stderr


def test_with_w_a_finding_fails_the_build(tmp_path):
    returncode, found, _ = build(tmp_path, '-W')
    assert returncode != 0 and found


def test_make_check_exits_1_on_a_finding_even_with_the_setting_off(tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(TEST_ROOT, src)
    (src / 'conf.py').write_text((src / 'conf.py').read_text() + 'vision_prose_checks = False\n')
    proc = subprocess.run([sys.executable, str(ROOT / 'tools' / 'check.py'), str(src), str(src)],
                          capture_output=True, text=True, check=False,
                          env={'PYTHONPATH': str(ROOT / '_ext'), 'PATH': '/usr/bin:/bin'})
    assert proc.returncode == 1
    assert '[prose.prh]' in proc.stderr
    # It lists the waivers, each with its file, line and reason.
    assert '文章の点検の規則を外した行が1行あります（% prose-ok）：' in proc.stdout
    assert f'{src.as_posix()}/index.md:{line_of("% prose-ok: prh") }: prh 元の資料の題名のまま引用する' in proc.stdout


@pytest.mark.parametrize('source', [
    ':::{goal} G1-1\n:policy: P1\n:title: 題名\n本文\n:::\n',
    '```{mermaid}\nflowchart LR\n  A --> B\n```\n\n語\n',
    '---\nx: 1\n---\n(label)=\n# 見出し\n% 注記\n{index}`語`と{ref}`文 <t>`と{goal}`G1-1`\n',
])
def test_masking_keeps_every_line(source):
    masked = masking.mask(source)
    assert masked.text.count('\n') == source.count('\n')


def test_the_registry_names_the_quoted_types():
    assert {kind.key for kind in registry_from(None) if kind.quoted_text} == {'opinion'}


def test_masking_keeps_prose_and_titles_and_drops_the_rest():
    masked = masking.mask(':::{goal} G1-1\n:policy: P1\n:title: 題名\n本文の{index}`語`と'
                          '{ref}`文 <t>`と{goal}`G1-1`\n:::\n')
    assert masked.text.split('\n') == ['', '', '# 題名', '本文の語と文と', '', '']
    quoted = masking.mask(':::{opinion} O1\n:goals: G1-1\n意見\n:::\n区の文\n> 引用\n', frozenset({'opinion'}))
    assert quoted.quoted == {3, 6}
    waived = masking.mask('% prose-ok: prh 理由\n% 別の注記\n文\n次の文\n')
    assert waived.waived(3, 'prh') and not waived.waived(4, 'prh')
    assert waived.waived(3, 'prh') and masking.mask('% prose-ok: max-ten 理由\n文\n').waived(
        2, 'ja-technical-writing/max-ten')


def test_an_incremental_build_lints_only_the_pages_it_reads(tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(TEST_ROOT, src)
    (src / 'other.md').write_text('# 別の頁\n\n区は事業継承を支える。\n', encoding='utf-8')

    def again() -> set[tuple[str, int]]:
        proc = subprocess.run(
            [sys.executable, '-m', 'sphinx', '-b', 'html', '-q', '--keep-going', '-c', str(src),
             '-d', str(tmp_path / 'doctrees'), str(src), str(tmp_path / 'out')],
            capture_output=True, text=True, check=False,
            env={'PYTHONPATH': str(ROOT / '_ext'), 'PATH': '/usr/bin:/bin'})
        return {(Path(m['file']).name, int(m['line'])) for m in map(PROSE.match, proc.stderr.splitlines())
                if m}

    assert ('other.md', 3) in again()  # the first build reads every page
    assert again() == set()  # nothing changed: nothing read, nothing linted
    (src / 'other.md').write_text('# 別の頁\n\n\n区は事業継承を支える。\n', encoding='utf-8')
    assert again() == {('other.md', 4)}  # only the changed page, at its new line


def kouyoubun_pairs() -> list[tuple[int, str, int, str]]:
    """(line, what to write, line, text) of kouyoubun.md's pairs: a sentence the
    公用文 dictionary flags (after its ``% expect:`` comment), then one it leaves."""
    lines = (TEST_ROOT / 'kouyoubun.md').read_text(encoding='utf-8').split('\n')
    pairs = []
    for number, line in enumerate(lines, start=1):
        if line.startswith('% expect: '):
            flagged, left = [n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()][:2]
            assert not lines[left - 1].startswith('%'), f'kouyoubun.md:{number}: a pair needs two sentences'
            pairs.append((flagged, line.removeprefix('% expect: '), left, lines[left - 1]))
    return pairs


def test_the_kouyoubun_page_has_a_pair_for_each_entry():
    """Every entry of kouyoubun.yml is tried by a pair (as many pairs as entries)."""
    entries = (ROOT / 'kouyoubun.yml').read_text(encoding='utf-8').count('\n  - expected: ')
    assert len(kouyoubun_pairs()) == entries == 46


@pytest.mark.parametrize('flagged, expected, left, text', kouyoubun_pairs(),
                         ids=[pair[3] for pair in kouyoubun_pairs()])
def test_each_kouyoubun_rule_finds_its_sentence_and_leaves_the_other(default_build, flagged, expected,
                                                                      left, text):
    """公用文作成の考え方's choices (kouyoubun.yml): the flagged sentence gets one
    Japanese warning that names what to write and why; the other gets none."""
    _, found, stderr = default_build
    on = {int(m['line']): m for m in found if Path(m['file']).name == 'kouyoubun.md'}
    assert flagged in on and on[flagged]['rule'] == 'prh', stderr
    message = on[flagged]['message']
    assert message.startswith(f'「{expected}」と書いてください（「') and '。公用文作成の考え方：' in message
    assert left not in on, f'{text}: {on.get(left) and on[left]["message"]}'


def test_the_editors_guide_lists_each_rule_turned_off_and_each_dictionary():
    """EDITING.md「文章の点検」names every rule .textlintrc.json turns off and
    every prh dictionary it adds, so that each has its reason there."""
    text = (ROOT / '.textlintrc.json').read_text(encoding='utf-8')
    config = json.loads('\n'.join(line for line in text.splitlines() if not line.lstrip().startswith('//')))
    off = [name for preset in config['rules'].values() if isinstance(preset, dict)
           for name, value in preset.items() if value is False]
    guide = (ROOT / 'EDITING.md').read_text(encoding='utf-8')
    section = guide[guide.index('### 文章の点検（textlint）'):guide.index('## 5. ')]
    assert len(off) >= 4
    for name in [*off, *config['rules']['prh']['rulePaths']]:
        assert f'{name.removeprefix("./")}' in section, name


def test_the_rules_whose_own_messages_are_english_warn_in_japanese(default_build):
    """no-hankaku-kana and no-unmatched-pair say it in English ("Disallow to use
    半角カタカナ", "Cannot find a pairing character"): the warning is Japanese."""
    _, found, stderr = default_build
    on = {(int(m['line']), m['rule']): m['message'] for m in found if Path(m['file']).name == 'marks.md'}
    assert on[(3, 'ja-technical-writing/no-hankaku-kana')] == \
        '半角カタカナが使われています。全角のカタカナで書いてください', stderr
    assert on[(5, 'ja-technical-writing/no-unmatched-pair')].startswith('対になる括弧'), stderr
