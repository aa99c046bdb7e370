"""The ふりがな switch (issue 23), on a made-up Japanese site built by real Sphinx.

Chromium (``furigana_flow.mjs``) turns it on by the keyboard and checks that
ruby appears over the kanji words with the analyser's readings (a correction
of ``readings.yaml`` winning), that the readings are not read aloud twice nor
copied with a selection, that the next page remembers, that print leaves them
out once off, that axe passes either way, and that it works from ``file://``.
The built files are checked too: no reading in the pages' HTML, the search
index or the English edition, and a build that reads no page starts no analyser.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from nu_checker import nu_errors
from web_harness import serve

from site_builds import ROOT, run_sphinx

pytestmark = pytest.mark.browser

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-web-furigana'
FLOW = Path(__file__).with_name('furigana_flow.mjs')
READINGS = '_static/vision-furigana-readings.js'
FIRST_PARAGRAPH = '商店街は区民の生業を支えている。会議は7日と17日に開いた。'
#: The probe's record of each Python process the build starts (its arguments).
PROBE = "import sys, os\nwith open(os.environ['VISION_PROBE_LOG'], 'a') as log: log.write(' '.join(sys.argv) + '\\n')\n"


def build(out: Path, doctrees: Path, probe: Path, *options: str, root: Path = TEST_ROOT,
          builder: str = 'html') -> subprocess.CompletedProcess:
    return run_sphinx('-b', builder, '-c', str(root), '-d', str(doctrees), '-W', '--keep-going',
                      *options, str(root / 'docs'), str(out),
                      env={'PYTHONPATH': os.pathsep.join([str(probe.parent), str(ROOT / '_ext')]),
                           'VISION_PROBE_LOG': str(probe)})


@pytest.fixture(scope='module')
def site(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp('furigana')
    probe_dir = work / 'probe'
    probe_dir.mkdir()
    (probe_dir / 'sitecustomize.py').write_text(PROBE, encoding='utf-8')
    probe = probe_dir / 'processes.log'
    out, doctrees = work / 'html', work / 'doctrees'
    first = build(out, doctrees, probe)
    assert first.returncode == 0, first.stderr
    first_readings = (out / READINGS).read_text(encoding='utf-8')
    started_first = probe.read_text(encoding='utf-8')
    probe.unlink()
    again = build(out, doctrees, probe)
    assert again.returncode == 0, again.stderr
    started_again = probe.read_text(encoding='utf-8') if probe.exists() else ''
    english = build(work / 'en', work / 'doctrees-en', probe, '-D', 'language=en')
    assert english.returncode == 0, english.stderr
    for builder in ('singlehtml', 'epub'):
        other = build(work / builder, work / f'doctrees-{builder}', probe, builder=builder)
        assert other.returncode == 0, other.stderr
    parallel = build(work / 'parallel', work / 'doctrees-parallel', probe, '-j', '2')
    assert parallel.returncode == 0, parallel.stderr
    return {'out': out, 'work': work, 'first_readings': first_readings, 'probe': probe,
            'started_first': started_first, 'started_again': started_again}


@pytest.fixture(scope='module')
def flow(site, tmp_path_factory) -> dict:
    shots = tmp_path_factory.mktemp('furigana-shots')
    with serve(site['out']) as base:
        job = {'base': base, 'fileBase': site['out'].as_uri() + '/', 'first': 'index.html',
               'next': 'second.html', 'shots': str(shots)}
        proc = subprocess.run(['node', str(FLOW)], input=json.dumps(job), capture_output=True, text=True,
                              cwd=FLOW.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    report['shots'] = shots
    return report


def readings_table(out: Path) -> dict:
    text = (out / READINGS).read_text(encoding='utf-8')
    return json.loads(text[text.index('{'):text.index(';\n')])


# -- What the build writes -------------------------------------------------------------

def test_the_readings_are_the_analysers_and_the_corrections_win(site):
    table = readings_table(site['out'])
    assert table['商店街'] == [['商店街', 'しょうてんがい']]
    assert table['区民'] == [['区民', 'くみん']]
    assert table['目指す'] == [['目指', 'めざ'], 'す']  # the kana stay out of the ruby
    assert table['7日'] == [['7日', 'なのか']]  # a day read with its number
    assert table['生業'] == [['生業', 'なりわい']]  # readings.yaml, over the analyser's せいぎょう
    assert table['地域の生業'] == [['地域', 'ちいき'], 'の', ['生業', 'なりわい']]


def test_no_reading_in_the_pages_the_search_index_or_the_english_edition(site):
    out = site['out']
    index_js = (out / 'searchindex.js').read_text(encoding='utf-8')
    index = json.dumps(json.loads(index_js[index_js.index('(') + 1:index_js.rindex(')')]), ensure_ascii=False)
    for page in ('index.html', 'second.html'):
        html = (out / page).read_text(encoding='utf-8')
        assert '<ruby' not in html and 'しょうてんがい' not in html
        assert 'vision-furigana-switch' in html
    assert '商店' in index and '生業' in index
    assert not [reading for reading in ('しょうてんがい', 'なりわい', 'くみん', 'なのか') if reading in index]
    # Neither the English edition, nor the single page the tagged PDF is printed from, nor the EPUB.
    for edition, page in (('en', 'index.html'), ('singlehtml', 'index.html'), ('epub', 'index.xhtml')):
        assert 'vision-furigana' not in (site['work'] / edition / page).read_text(encoding='utf-8'), edition
        assert not list((site['work'] / edition).rglob('vision-furigana*')), edition


def test_a_build_that_reads_no_page_starts_no_analyser(site):
    assert 'analysis.py sudachi' in site['started_first']  # the probe sees the analyser
    assert site['started_again'].count('analysis.py') == 0, site['started_again']
    assert (site['out'] / READINGS).read_text(encoding='utf-8') == site['first_readings']


def test_parallel_and_incremental_builds_write_the_same_readings(site, tmp_path):
    work = site['work']
    assert (work / 'parallel' / READINGS).read_bytes() == (site['out'] / READINGS).read_bytes()
    # An edit, built on the kept environment, against a clean build of the edited pages.
    root = tmp_path / 'root'
    shutil.copytree(TEST_ROOT, root)
    probe = work / 'probe' / 'edit.log'
    assert build(tmp_path / 'html', tmp_path / 'doctrees', probe, root=root).returncode == 0
    page = root / 'docs' / 'second.md'
    page.write_text(page.read_text(encoding='utf-8').replace('工場', '工房'), encoding='utf-8')
    assert build(tmp_path / 'html', tmp_path / 'doctrees', probe, root=root).returncode == 0
    assert build(tmp_path / 'clean', tmp_path / 'doctrees-clean', probe, root=root).returncode == 0
    edited = readings_table(tmp_path / 'html')
    assert edited == readings_table(tmp_path / 'clean')
    assert '工房' in edited and '工場' not in edited


def test_the_pages_and_the_page_with_ruby_are_valid_html(site, flow, tmp_path):
    with_ruby = tmp_path / 'with-ruby.html'
    with_ruby.write_text(flow['onHtml'], encoding='utf-8')
    errors = nu_errors([site['out'] / 'index.html', site['out'] / 'second.html', with_ruby])
    assert errors == []


# -- In Chromium --------------------------------------------------------------------------

def test_off_by_default_a_labelled_switch(flow):
    assert flow['errors'] == []
    off = flow['off']
    assert off['pressed'] == 'false' and off['visible'] and off['text'] == 'ふりがな'
    assert off['rubies'] == [] and off['stored'] is None
    assert flow['readingsBeforeOn'] == 0  # the readings are fetched only once it is on
    assert flow['axeOff'] == []


def test_on_by_the_keyboard_puts_ruby_over_the_kanji(flow):
    assert flow['tabsToSwitch'] is not None
    on = flow['on']
    assert on['pressed'] == 'true' and on['stored'] == 'on'
    assert on['firstParagraph'] == [['商店街', 'しょうてんがい'], ['区民', 'くみん'], ['生業', 'なりわい'],
                                    ['支', 'ささ'], ['会議', 'かいぎ'], ['7日', 'なのか'], ['日', 'にち'],
                                    ['開', 'ひら']]
    assert ['生業', 'なりわい', 'true'] in on['rubies']
    assert ['7日', 'なのか', 'true'] in on['rubies']
    assert all(hidden == 'true' for _base, _reading, hidden in on['rubies'])
    # 17日 is not 1 + 7日 (なのか): its 日 alone is read (above).
    assert on['inHeadingAnchors'] == flow['off']['inHeadingAnchors'] != []
    assert on['codeTexts'] == 2 and on['inCode'] == 0  # a code block and an inline literal
    assert flow['axeOn'] == [] and flow['axePhoneDark'] == []
    assert flow['spaceOff']['pressed'] == 'false' and flow['spaceOff']['rubies'] == []
    assert flow['spaceOn']['pressed'] == 'true' and flow['spaceOn']['rubies'] == on['rubies']


def test_the_reading_is_not_read_aloud_twice(flow):
    assert FIRST_PARAGRAPH in flow['offRead']
    assert flow['onRead'] == flow['offRead']


def test_a_copied_selection_has_no_readings(flow):
    assert flow['copied'].strip() == FIRST_PARAGRAPH


def test_the_next_page_remembers_and_off_is_off_in_print(flow):
    assert flow['next']['pressed'] == 'true'
    assert ['商店街', 'しょうてんがい', 'true'] in flow['next']['rubies']
    assert len(flow['rubricTops']) == 1  # one line, not one ruby a line
    assert flow['printOn'] == {'rtShown': True, 'switchShown': False}
    assert flow['turnedOff']['pressed'] == 'false' and flow['turnedOff']['rubies'] == []
    assert flow['turnedOff']['stored'] is None
    assert flow['printOff']['ruby'] == 0 and 'しょうてんがい' not in flow['printOff']['text']
    assert '目指す姿の一覧' in flow['printOff']['text']  # the rubric's text as it was
    assert flow['afterReload']['pressed'] == 'false' and flow['afterReload']['rubies'] == []


def test_no_sideways_scroll_at_320_px_with_furigana(flow):
    assert flow['scrollWidth320'] <= 320


def test_it_works_from_file_urls(flow):
    assert flow['file']['pressed'] == 'true'
    assert ['商店街', 'しょうてんがい', 'true'] in flow['file']['rubies']


def test_screenshots_at_three_widths(flow):
    for width in (1280, 390, 320):
        assert (flow['shots'] / f'furigana-{width}.png').stat().st_size > 10_000
