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
import subprocess
from pathlib import Path

import pytest
from web_harness import serve

from site_builds import ROOT, run_sphinx

pytestmark = pytest.mark.browser

TEST_ROOT = ROOT / 'tests' / 'roots' / 'test-web-furigana'
FLOW = Path(__file__).with_name('furigana_flow.mjs')
READINGS = '_static/vision-furigana-readings.js'
FIRST_PARAGRAPH = '商店街は区民の生業を支えている。会議は7日と17日に開いた。'
#: The probe's record of each Python process the build starts (its arguments).
PROBE = "import sys, os\nwith open(os.environ['VISION_PROBE_LOG'], 'a') as log: log.write(' '.join(sys.argv) + '\\n')\n"


def build(out: Path, doctrees: Path, probe: Path, *options: str) -> subprocess.CompletedProcess:
    return run_sphinx('-b', 'html', '-c', str(TEST_ROOT), '-d', str(doctrees), '-W', '--keep-going',
                      *options, str(TEST_ROOT / 'docs'), str(out),
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
    english = build(work / 'en', work / 'doctrees-en', probe, '-D', 'language=en')
    assert english.returncode == 0, english.stderr
    return {'out': out, 'en': work / 'en', 'first_readings': first_readings,
            'started_first': started_first, 'started_again': again, 'probe': probe}


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
    english = (site['en'] / 'index.html').read_text(encoding='utf-8')
    assert 'vision-furigana' not in english
    assert not (site['en'] / READINGS).exists()


def test_a_build_that_reads_no_page_starts_no_analyser(site):
    assert 'analysis.py sudachi' in site['started_first']  # the probe sees the analyser
    again = site['probe'].read_text(encoding='utf-8') if site['probe'].exists() else ''
    # The English build (another doctree folder) reads its pages; the no-change rebuild does not.
    assert again.count('analysis.py') == 1, again
    assert (site['out'] / READINGS).read_text(encoding='utf-8') == site['first_readings']


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
    assert on['codeTexts'] == 2 and on['inCode'] == 0  # a code block and an inline literal
    assert flow['axeOn'] == []
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
