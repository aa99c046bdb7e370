"""The diagrams as each reader meets them (``diagram_readers.js``), and the checks on its report.

The checks are shared by the test site (``tests/web/test_web_diagrams.py``)
and the real site (``tests/content/test_site_diagrams.py``).
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image, ImageStat

READERS = Path(__file__).with_name('diagram_readers.js')
#: Page margins of a browser's print: 10 mm put A4's content box under 720 CSS px.
MARGINS = ('10mm', '20mm')
LATIN_WORD = re.compile(r'[A-Za-z]{2,}')
#: A named node in an ARIA snapshot: ``- link "図を拡大"``.
NAMED = re.compile(r'^- [\w-]+ "(.+)"', re.M)
#: Text that the page shows besides the diagrams, and its print must keep too (issue 22).
SHOWN_TEXT = ('.vision-object-label', '.vision-object-name', '.vision-summary-panel h3',
              '.vision-summary-goals li')


def diagram_readers(base: str, pages: list[str], out_dir: Path) -> dict:
    job = {'base': base, 'pages': pages, 'outDir': str(out_dir), 'margins': list(MARGINS)}
    proc = subprocess.run(['node', str(READERS)], input=json.dumps(job), capture_output=True, text=True,
                          cwd=READERS.parent, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def normalise(text: str) -> str:
    return ''.join(unicodedata.normalize('NFKC', text).split())


def pdf_text(pdf: str) -> str:
    """The PDF's text in drawing order (``-raw``: each box's lines together), normalised."""
    return normalise(subprocess.run(['pdftotext', '-raw', '-enc', 'UTF-8', pdf, '-'], capture_output=True,
                                    text=True, check=True).stdout)


def caption_name(figure: dict) -> str:
    return figure['caption'].removesuffix('#').strip()


# -- Checks ------------------------------------------------------------------------------------

def check_names_and_alternatives(entry: dict) -> int:
    """One Japanese name and one text alternative per figure, each item read once; returns figures."""
    for figure in entry['figures']:
        aria = figure['aria']
        name = NAMED.match(aria)
        assert aria.startswith('- figure ') and name, aria[:200]
        assert normalise(name[1]) == normalise(caption_name(figure)), (name[1], figure['caption'])
        assert not LATIN_WORD.search(name[1]), name[1]
        # The drawing is hidden from assistive technology: its text is not read a second time.
        assert figure['svg'].get('aria-hidden') == 'true' and 'role' not in figure['svg'], figure['svg']
        assert not re.search(r'^\s*- img\b', aria, re.M), aria[:300]
        assert figure['roleDescriptions'] == []
        spoken = normalise(aria)
        assert figure['alternative'], figure['id']
        for item in figure['alternative']:
            assert spoken.count(normalise(item)) == 1, (figure['id'], item)
        # Only the name and the alternative: no English anywhere in what is read.
        read = [*re.findall(r'"([^"]*)"', aria), *re.findall(r'- text: (.*)', aria)]
        assert read and not [text for text in read if LATIN_WORD.search(text)], read
    return len(entry['figures'])


def check_tab_stops(entry: dict) -> None:
    """Every Tab stop in a figure is a link with a name (the wrapper is no stop)."""
    assert entry['tabStops'], 'no Tab stop in any figure'
    for stop in entry['tabStops']:
        assert stop['tag'] == 'a' and NAMED.match(stop['aria']), stop


def check_drawings_shown(entry: dict) -> None:
    """At 1280 px, on a phone and at 200 % zoom: each drawing shown, inside the column, with 「図を拡大」."""
    for view, seen in entry['views'].items():
        assert seen['drawings'], view
        assert seen['scrollWidth'] <= seen['width'], (view, seen['scrollWidth'])
        for drawing in seen['drawings']:
            assert drawing['displayed'] and drawing['width'] > 150 and drawing['height'] > 50, (view, drawing)
            assert drawing['left'] >= 0 and drawing['right'] <= seen['width'], (view, drawing)
            link = drawing['link']
            assert link and link['text'] == '図を拡大' and link['displayed'], (view, link)
            assert link['width'] >= 24 and link['height'] >= 24, (view, link)  # WCAG 2.5.8
    for href, seen in entry['enlarged'].items():
        assert seen['status'] == 200 and seen['type'].startswith('image/svg+xml'), (href, seen)
        _x, _y, width, height = (float(v) for v in seen['viewBox'].split())
        # At its own size (what the page scales down), titled, without links.
        assert abs(seen['width'] - width) < 1 and abs(seen['height'] - height) < 1, (href, seen)
        assert seen['title'] and not LATIN_WORD.search(seen['title']) and seen['links'] == 0, seen


def check_revealed_lists(entry: dict) -> int:
    """A text alternative with the keyboard's focus in it reads as a list: its items start at the left.

    Returns how many were revealed (those with links: one without is never focused).
    """
    for seen in entry['revealed']:
        assert seen['textAlign'] in ('start', 'left'), seen
        assert seen['width'] > 200 and seen['starts'], seen
        assert max(seen['starts']) < 48, seen  # after the bullet's indent, not centred
    return len(entry['revealed'])


def mean_lightness(png: str) -> float:
    with Image.open(png) as image:
        return ImageStat.Stat(image.convert('L')).mean[0]


def check_dark_mode(entry: dict) -> None:
    """The theme's dark mode draws the diagrams dark (white boxes were panels of light)."""
    light, dark = entry['shots']['light'], entry['shots']['dark']
    assert light['theme'] == 'light' and dark['theme'] == 'dark'
    assert light['files'] and len(light['files']) == len(dark['files'])
    for light_png, dark_png in zip(light['files'], dark['files']):
        assert mean_lightness(light_png) > 190, light_png
        assert mean_lightness(dark_png) < 60, dark_png


def shown_strings(entry: dict, html: str) -> set[str]:
    """What the screen shows that print must keep: the drawings' labels, objects' labels and titles."""
    soup = BeautifulSoup(html, 'html.parser')
    strings = {normalise(node.get_text()) for selector in SHOWN_TEXT for node in soup.select(selector)}
    strings |= {normalise(label) for figure in entry['figures'] for label in figure['labels']}
    strings.discard('')
    return strings


def check_print(entry: dict, html: str) -> dict[str, int]:
    """At 10 and 20 mm margins: every string the screen shows is printed as often (issue 22), plus
    once more where the text alternative holds it (print shows the drawing and its text).

    Returns how many strings were compared per margin.
    """
    screen = pdf_text(entry['printed']['screen'])
    strings = shown_strings(entry, html)
    alternatives = [normalise(item) for figure in entry['figures'] for item in figure['alternative']]
    compared = {}
    for margin, pdf in entry['printed']['print'].items():
        printed = pdf_text(pdf)
        short = {}
        for text in strings:
            wanted = screen.count(text) + sum(item.count(text) for item in alternatives)
            if printed.count(text) < wanted:
                short[text] = (screen.count(text), printed.count(text))
        assert not short, (margin, sorted(short.items())[:8])
        drawn = [normalise(label) for figure in entry['figures'] for label in figure['labels']]
        assert drawn and all(label in printed for label in drawn), margin
        compared[margin] = len(strings)
    return compared
