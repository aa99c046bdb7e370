"""The real front page's first screen (issue 29), in Chromium at 390 × 844 and
1280 × 800: what the vision is (the lead with its stage), its main theme, the
four 基本的方針 and both PDF links are drawn wholly inside the viewport before
any scrolling. tests/web/test_web_landing.py checks the same on a test root."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'web'))

from test_web_landing import first_screen  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.tex]


@pytest.fixture(scope='module')
def screens(site_published) -> dict:
    assert site_published.returncode == 0, site_published.stderr
    return first_screen(site_published.outdir, 'index.html')


@pytest.mark.parametrize('size', ['phone', 'desktop'])
def test_the_vision_and_its_pdfs_show_without_scrolling(screens, size):
    screen = screens[size]
    boxes = screen['boxes']
    assert [box['text'] for box in boxes['lead']] == ['この文書は、世田谷区新産業ビジョンの素案です。']
    assert [box['text'] for box in boxes['theme']] == ['「わくわく感が生む 世田谷の新たな価値と豊かさ」']
    assert len(boxes['policies']) == 4
    assert [box['text'].split('（')[0] for box in boxes['pdfs']] == ['本編', '概要版']
    for part, found in boxes.items():
        for box in found:
            inside = (box['top'] >= 0 and box['bottom'] <= screen['height']
                      and box['left'] >= 0 and box['right'] <= screen['width'])
            assert box['drawn'] and inside, (part, box, screen['width'], screen['height'])
