"""Property-based test: pages generated from the directives' grammar, then
mutated the way editors get things wrong (options left out, ids mistyped or
full-width, a fence left open, odd Unicode, raw HTML, another encoding), and
the way text silently vanished before (issue 25: a hard-wrapped line starting
with ``%``, an unclosed ``<!--``, full-width or near-miss fences and roles, a
pasted BOM, table rows that do not fit, pipe lines that are no table,
zero-padded ids, a value without a unit, a page that includes itself).

For every page, a ``-W`` build of it
- never shows a traceback (it finishes, and its messages hold none);
- gives only located warnings (``file:line``);
- fails exactly when it gave a warning;
- warns whenever one of the issue-25 mistakes is in it.

The example count is kept small (each example is a real Sphinx build) so the
test runs in well under a minute; ``derandomize`` makes every run try the
same examples, so a failure is reproducible and CI is stable.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

ROOTS = Path(__file__).resolve().parent.parent / 'roots'

#: One object: (type, id, options as (name, value) pairs, body lines).
Obj = tuple[str, str, list[tuple[str, str]], list[str]]

odd_text = st.text(st.characters(exclude_categories=('Cs',)), max_size=6)
plain_text = st.sampled_from(['地域産業の基盤', '起業の促進', 'ソーシャルビジネス', '交流と連携'])
odd_ids = st.one_of(
    st.sampled_from(['G１-１', 'Ｐ1', 'G1－1', 'GX', 'G1-', 'Q1', 'g1-1', 'P 1', 'I１', '']),
    st.text(st.sampled_from('GPIKO0１9-－ ー'), max_size=5))


@st.composite
def objects(draw) -> list[Obj]:
    """A valid vision: policies, their goals, initiatives and opinions."""
    found: list[Obj] = []
    goals: list[str] = []
    for policy in range(1, draw(st.integers(1, 2)) + 1):
        found.append(('policy', f'P{policy}', [('title', draw(plain_text))], ['方針の本文である。']))
        for number in range(1, draw(st.integers(1, 2)) + 1):
            goal = f'G{policy}-{number}'
            goals.append(goal)
            found.append(('goal', goal, [('policy', f'P{policy}'), ('title', draw(plain_text))], []))
    for number in range(1, draw(st.integers(0, 2)) + 1):
        found.append(('initiative', f'I{number}', [('goals', draw(st.sampled_from(goals))),
                                                   ('title', draw(plain_text))], []))
    for number in range(1, draw(st.integers(0, 1)) + 1):
        found.append(('indicator', f'K{number}', [
            ('goals', draw(st.sampled_from(goals))), ('title', draw(plain_text)),
            ('unit', '%'), ('baseline', '3.5'), ('target', '5')], []))
    for number in range(1, draw(st.integers(0, 2)) + 1):
        found.append(('opinion', f'O{number}', [('goals', draw(st.sampled_from(goals)))],
                      ['意見の文言である。']))
    return found


#: Text that MyST used to drop or misread without a word; each must give a warning.
VANISHING = {
    'percent-wrap': [['割合は25', '%であった。'], ['- 開業の割合は', '  %で示す。']],
    'unclosed-comment': [['<!-- 確認中のメモ'], ['本文', '', '<!--', 'メモ']],
    'near-miss-role': [['参照は｛goal｝`G1-1`。'], ['参照は{goal} `G1-1`。'],
                       ['参照は{goal}‘G1-1’。'], ['参照は{goal}｀G1-1｀。']],
    'near-miss-fence': [['：：：｛note｝', '本文', '：：：'], ['::{note}', '本文']],
    'bom': [['\ufeff## 節'], ['\ufeff- 項目']],
    'table-row': [['| 年度 | 件数 |', '| --- | --- |', '| 令和4年度 | 10 | 注 |'],
                  ['| 年度 | 件数 | 割合 |', '| --- | --- | --- |', '| 令和4年度 | 10 |']],
    'not-a-table': [['| 年度 | 件数 |', '| 令和4年度 | 10 |'], ['年度 | 件数', '令和4年度 | 10']],
    'include-self': [['```{include} index.md', '```']],
}
#: The opening fence of an object, as an IME or a slip types it.
NEAR_MISS_FENCES = ['：：：｛{type}｝', '::{{{type}}}', '\ufeff:::{{{type}}}', ':::｛{type}｝']


def render(objs: list[Obj], unclosed: set[int], fences: dict[int, str] | None = None) -> str:
    parts = ['# 見出し', '']
    for index, (objtype, object_id, options, body) in enumerate(objs):
        fence = (fences or {}).get(index, ':::{{{type}}}').format(type=objtype)
        parts.append(f'{fence} {object_id}')
        parts += [f':{name}: {value}' for name, value in options]
        parts += body
        if index not in unclosed:
            parts.append(':::')
        parts.append('')
    return '\n'.join(parts) + '\n'


@st.composite
def pages(draw) -> tuple[bytes, bool]:
    """A page, and whether it holds a mistake that must give a warning."""
    objs = draw(objects())
    unclosed: set[int] = set()
    fences: dict[int, str] = {}
    must_warn = False
    for _ in range(draw(st.integers(0, 3))):
        index = draw(st.integers(0, len(objs) - 1))
        objtype, object_id, options, body = objs[index]
        mutation = draw(st.sampled_from(
            ['drop-option', 'wrong-id', 'wrong-link', 'unclose', 'odd-unicode', 'raw-html',
             'vanishing', 'near-miss-object', 'zero-pad', 'drop-unit']))
        if mutation == 'vanishing':
            body = [*body, '', *draw(st.sampled_from(VANISHING[draw(st.sampled_from(
                sorted(VANISHING)))]))]
            must_warn = True
        elif mutation == 'near-miss-object':
            fences[index] = draw(st.sampled_from(NEAR_MISS_FENCES))
            must_warn = True
        elif mutation == 'zero-pad' and object_id[1:2].isdigit():
            object_id = f'{object_id[0]}0{object_id[1:]}'
            must_warn = True
        elif mutation == 'drop-unit' and objtype == 'indicator':
            options = [(name, value) for name, value in options if name != 'unit']
            must_warn = True
        elif mutation == 'drop-option' and options:
            options = options[:]
            del options[draw(st.integers(0, len(options) - 1))]
        elif mutation == 'wrong-id':
            object_id = draw(odd_ids)
        elif mutation == 'wrong-link':
            options = [(name, draw(odd_ids) if name in ('policy', 'goals') else value)
                       for name, value in options]
        elif mutation == 'unclose':
            unclosed.add(index)
            body = [*body, '', draw(st.sampled_from(['## 節', '本文']))]
        elif mutation == 'odd-unicode':
            options = [(name, value + draw(odd_text)) for name, value in options]
            body = [*body, draw(odd_text)]
        elif mutation == 'raw-html':
            body = [*body, draw(st.sampled_from(['<script>x()</script>', '文中の<b>語</b>',
                                                 'H<sub>2</sub>O', '<img src=x onerror=y>']))]
        objs[index] = (objtype, object_id, options, body)
    text = render(objs, unclosed, fences)
    encoding = draw(st.sampled_from(['utf-8', 'utf-8', 'utf-8', 'cp932', 'euc_jp', 'utf-16']))
    return text.encode(encoding, 'replace'), must_warn or encoding != 'utf-8'


LOCATED = r'{srcdir}/index\.md:[0-9]+: (WARNING|ERROR|SEVERE|CRITICAL): '
MESSAGE = re.compile(r'(WARNING|ERROR|SEVERE|CRITICAL):')


def build(page: bytes) -> tuple[list[str], str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        srcdir = Path(tmp, 'src')
        shutil.copytree(ROOTS / 'test-domain-core', srcdir,
                        ignore=shutil.ignore_patterns('*.md', '*.rst'))
        (srcdir / 'index.md').write_bytes(page)
        warning = io.StringIO()
        app = SphinxTestApp('html', srcdir=srcdir, status=io.StringIO(), warning=warning,
                            warningiserror=True)
        try:
            app.build()
        finally:
            app.cleanup()
        text = strip_colors(warning.getvalue())
        return text.splitlines(), str(srcdir), app.statuscode


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pages())
def test_every_mistake_is_a_located_warning_and_fails_a_strict_build(example):
    page, must_warn = example
    lines, srcdir, status = build(page)
    text = '\n'.join(lines)
    assert 'Traceback' not in text and 'Exception occurred' not in text, text
    messages = [line for line in lines if MESSAGE.search(line)]
    located = re.compile(LOCATED.format(srcdir=re.escape(srcdir)))
    assert all(located.match(line) for line in messages), text
    assert status == (1 if messages else 0), text
    assert messages or not must_warn, page.decode('utf-8', 'replace')


def test_the_generator_makes_valid_pages_too():
    """The control: the unmutated grammar builds without a warning."""
    page = render([('policy', 'P1', [('title', '方針')], ['本文']),
                   ('goal', 'G1-1', [('policy', 'P1'), ('title', '姿')], []),
                   ('initiative', 'I1', [('goals', 'G1-1'), ('title', '取組')], []),
                   ('indicator', 'K1', [('goals', 'G1-1'), ('title', '開業率'), ('unit', '%'),
                                        ('baseline', '3.5'), ('target', '5')], []),
                   ('opinion', 'O1', [('goals', 'G1-1')], ['意見'])], set())
    lines, _, status = build(page.encode('utf-8'))
    assert (lines, status) == ([], 0)
