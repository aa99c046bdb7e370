"""The 本編's goal boxes in print (issue 29: 「A goal or opinion box is not split
across pages」): each goal's box, from its heading 「目指す姿1-1 …」 to its last
reflected opinion, on one page. Read with poppler (pdftotext -layout), page by page.

A goal's and an opinion's box is set whole (sphinxvision.sty) and moves to
the next page when it does not fit; before, 目指す姿1-4's last opinion (意見19)
opened the next page.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from seed_facts import GOAL_TITLES

pytestmark = pytest.mark.tex

#: A goal's heading in the 本編's text: 「 目指す姿 1-1 地域の事業者が…」.
_HEADING = re.compile(r'^ +目指す姿 (\d-\d) (.+?)\s*$')


def content_lines(pages: list[str]) -> list[tuple[int, str]]:
    """(page number, line) of the text, without running heads, thumb labels,
    page numbers and blank lines."""
    found = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        found += [(number, line) for line in lines[1:]  # the first is the running head
                  if not line.strip().isdigit() and not re.fullmatch(r'\s*第\d+章\s*', line)]
    return found


def goal_boxes(pages: list[str]) -> dict[str, set[int]]:
    """Each goal box (its heading, 「この目指す姿に反映された意見：」 and the
    opinions' list) → the pages its lines are on."""
    lines = content_lines(pages)
    boxes: dict[str, set[int]] = {}
    for i, (number, line) in enumerate(lines[:-1]):
        heading = _HEADING.match(line)
        if not (heading and heading.group(2) in GOAL_TITLES
                and lines[i + 1][1].startswith('この目指す姿に反映された意見')):
            continue
        on = boxes.setdefault(heading.group(1), {number, lines[i + 1][0]})
        for following, text in lines[i + 2:]:
            if not (text.lstrip().startswith('•') or text.startswith('   ')) or _HEADING.match(text):
                break
            on.add(following)
    return boxes


@pytest.fixture(scope='module')
def pages(site_pdf) -> list[str]:
    assert site_pdf.returncode == 0, site_pdf.stderr
    text = subprocess.run(['pdftotext', '-layout', str(site_pdf.pdf), '-'], capture_output=True,
                          text=True, check=True).stdout
    return text.split('\f')[:-1]


def test_every_goal_box_is_found(pages):
    assert len(goal_boxes(pages)) == len(GOAL_TITLES)


def test_no_goal_box_is_split_across_pages(pages):
    split = {goal: sorted(on) for goal, on in goal_boxes(pages).items() if len(on) > 1}
    assert not split
