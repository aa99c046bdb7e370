"""The preflight's prepress checks: what a print shop's operator checks in a print file.

Each check returns a :class:`Check` (``blocking``, ``warning`` or ``ok``):

- ``PDF/X``: PDF version at most 1.6, ``GTS_PDFXVersion`` PDF/X-4 in the
  XMP and the Info, ``Trapped``, ``CreationDate`` and ``ModDate``, and an
  OutputIntent (``GTS_PDFX``) with its CMYK profile;
- ``boxes and rotation``: a TrimBox on every page, inside the BleedBox and
  the MediaBox, one trim size, no ``/Rotate``;
- ``transparency``: what uses opacity, soft masks or blend modes; blocking
  when a translucent fill prints under 3 % on every ink (it prints white);
- ``ink coverage``: the highest total of the four inks on each page
  (blocking over 300 %), from every colour painted (a translucent colour by
  what it lays down);
- ``small text plates``: text under 12 pt that prints on more than one plate;
- ``thin lines``: strokes, and filled rules, under 0.25 pt;
- ``page sides``: the page count (the cover 4, the body and the 概要版 a
  multiple of 4), the blank pages added, and on which side each chapter
  opens (blocking on the left when chapters must open on the right);
- ``annotations``: none allowed;
- ``subset names``: one subset name (``ABCDEF+Font``) for two different font
  programs, which a RIP that caches fonts by name swaps.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pikepdf

from pdf_paint import Paint, paints

BLOCKING, WARNING, OK = 'blocking', 'warning', 'ok'
MAX_VERSION = '1.6'
MAX_TAC = 3.0
SMALL_TEXT_PT = 12.0
MIN_LINE_PT = 0.25
#: A translucent fill laying down less than this on every ink prints as white.
MIN_VISIBLE_INK = 0.03
COVER_PAGES = 4


@dataclass
class Check:
    name: str
    status: str
    summary: str
    details: list = field(default_factory=list)


def _pages(numbers) -> str:
    numbers = sorted(set(numbers))
    return ', '.join(map(str, numbers[:12])) + (' …' if len(numbers) > 12 else '')


# -- PDF/X keys -----------------------------------------------------------------------

def check_pdfx(pdf: pikepdf.Pdf) -> Check:
    problems = []
    if pdf.pdf_version > MAX_VERSION:
        problems.append(f'PDF {pdf.pdf_version} (PDF/X-4 allows at most {MAX_VERSION})')
    meta = pdf.open_metadata()
    info = pdf.docinfo
    xmp_version = str(meta.get('pdfxid:GTS_PDFXVersion', ''))
    if not xmp_version.startswith('PDF/X-4'):
        problems.append(f'XMP pdfxid:GTS_PDFXVersion is {xmp_version or "missing"}')
    if not str(info.get('/GTS_PDFXVersion', '')).startswith('PDF/X-4'):
        problems.append('Info GTS_PDFXVersion missing')
    if str(info.get('/Trapped', '')) not in ('/True', '/False'):
        problems.append('Trapped missing (True or False)')
    for key in ('/CreationDate', '/ModDate'):
        if key not in info:
            problems.append(f'{key.lstrip("/")} missing')
    intents = [i for i in pdf.Root.get('/OutputIntents', []) if i.get('/S') == '/GTS_PDFX']
    details = []
    if not intents:
        problems.append('no PDF/X OutputIntent')
    for intent in intents:
        profile = intent.get('/DestOutputProfile')
        details.append({'identifier': str(intent.get('/OutputConditionIdentifier', '')),
                        'condition': str(intent.get('/OutputCondition', '')),
                        'info': str(intent.get('/Info', '')),
                        'profile_components': int(profile.N) if profile is not None else None})
        if profile is None or int(profile.get('/N', 0)) != 4:
            problems.append('the OutputIntent has no CMYK profile (DestOutputProfile)')
        if not str(intent.get('/OutputConditionIdentifier', '')):
            problems.append('the OutputIntent has no OutputConditionIdentifier')
    if problems:
        return Check('PDF/X', BLOCKING, '; '.join(problems), details)
    intent = details[0]
    return Check('PDF/X', OK, f'{xmp_version}, PDF {pdf.pdf_version}, Trapped {info.Trapped}, '
                 f'ModDate {info.ModDate}; OutputIntent {intent["identifier"]}: '
                 f'{intent["condition"]} ({intent["info"]})', details)


# -- Boxes and rotation ---------------------------------------------------------------

def _box(page: pikepdf.Page, name: str):
    value = page.obj.get(name)
    return [float(v) for v in value] if value is not None else None


def _inside(inner, outer, tolerance=0.01) -> bool:
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def check_boxes(pdf: pikepdf.Pdf) -> Check:
    no_trim, outside, rotated, sizes = [], [], [], set()
    for number, page in enumerate(pdf.pages, 1):
        media = [float(v) for v in page.mediabox]
        trim = _box(page, '/TrimBox')
        bleed = _box(page, '/BleedBox') or media
        if trim is None:
            no_trim.append(number)
        elif not (_inside(trim, bleed) and _inside(bleed, media)):
            outside.append(number)
        else:
            sizes.add((round(trim[2] - trim[0], 1), round(trim[3] - trim[1], 1)))
        if int(page.obj.get('/Rotate', 0)) % 360:
            rotated.append(number)
    problems = []
    if no_trim:
        problems.append(f'no TrimBox on pages {_pages(no_trim)}')
    if outside:
        problems.append(f'TrimBox outside the BleedBox or MediaBox on pages {_pages(outside)}')
    if rotated:
        problems.append(f'/Rotate on pages {_pages(rotated)}')
    if len(sizes) > 1:
        problems.append(f'{len(sizes)} trim sizes')
    if problems:
        return Check('boxes and rotation', BLOCKING, '; '.join(problems))
    [(width, height)] = sizes or {(0, 0)}
    return Check('boxes and rotation', OK, f'TrimBox {width} x {height} pt on all {len(pdf.pages)} pages, '
                 'inside BleedBox and MediaBox; no /Rotate')


# -- Painting: transparency, ink, plates, lines ---------------------------------------

def _tac(paint: Paint) -> float:
    if paint.colour is None or paint.colour.space not in ('DeviceGray', 'DeviceCMYK'):
        return 0.0
    return sum(paint.colour.inks().values())


def check_transparency(pdf: pikepdf.Pdf, found: list[tuple[int, Paint]]) -> Check:
    translucent = [(n, p) for n, p in found if p.alpha < 1]
    vanishing = [(n, p) for n, p in translucent if p.kind == 'fill' and p.colour is not None
                 and p.colour.inks() and 'RGB' not in p.colour.inks()
                 and max(p.colour.inks().values()) * p.alpha < MIN_VISIBLE_INK]
    masks = set()
    for number, page in enumerate(pdf.pages, 1):
        for gstate in _ext_gstates(page.obj.get('/Resources', pikepdf.Dictionary())):
            if gstate.get('/SMask', pikepdf.Name.None_) != pikepdf.Name.None_ or \
                    str(gstate.get('/BM', '/Normal')) not in ('/Normal', '/Compatible'):
                masks.add(number)
    details = [{'page': n, 'kind': p.kind, 'alpha': p.alpha,
                'colour': list(p.colour.values) if p.colour else None} for n, p in vanishing[:50]]
    summary = (f'opacity below 1 in {len(translucent)} paints on pages {_pages(n for n, _ in translucent)}'
               if translucent else 'every paint opaque')
    if masks:
        summary += f'; soft masks or blend modes on pages {_pages(masks)}'
    if vanishing:
        return Check('transparency', BLOCKING,
                     f'{len(vanishing)} translucent fills print under {MIN_VISIBLE_INK:.0%} on every ink '
                     f'(pages {_pages(n for n, _ in vanishing)}); ' + summary, details)
    return Check('transparency', OK, summary + (f'; each translucent fill prints at least '
                                                 f'{MIN_VISIBLE_INK:.0%} on some ink' if translucent else ''))


def _ext_gstates(resources):
    yield from resources.get('/ExtGState', {}).values()
    for xobject in resources.get('/XObject', {}).values():
        if xobject.get('/Subtype') == '/Form':
            yield from _ext_gstates(xobject.get('/Resources', pikepdf.Dictionary()))


def check_ink(pdf: pikepdf.Pdf, found: list[tuple[int, Paint]]) -> Check:
    highest: dict[int, float] = defaultdict(float)
    for number, paint in found:
        highest[number] = max(highest[number], _tac(paint))
    per_page = [{'page': n, 'highest_ink': round(highest.get(n, 0.0) * 100, 1)}
                for n in range(1, len(pdf.pages) + 1)]
    over = [p for p in per_page if p['highest_ink'] > MAX_TAC * 100 + 0.05]
    top = max(per_page, key=lambda p: p['highest_ink'])
    listing = ', '.join(f'{p["page"]}: {p["highest_ink"]:g} %' for p in per_page)
    if over:
        return Check('ink coverage', BLOCKING, f'over {MAX_TAC:.0%} on pages '
                     f'{_pages(p["page"] for p in over)} (highest {top["highest_ink"]:g} %); per page: '
                     + listing, per_page)
    return Check('ink coverage', OK, f'highest {top["highest_ink"]:g} % (page {top["page"]}), '
                 f'at most {MAX_TAC:.0%}; per page: {listing}', per_page)


def check_small_text(found: list[tuple[int, Paint]]) -> Check:
    small = [(n, p) for n, p in found if p.kind == 'text' and p.size < SMALL_TEXT_PT
             and p.colour is not None]
    several = [(n, p) for n, p in small if len(p.colour.inks()) > 1 or 'RGB' in p.colour.inks()]
    if several:
        colours = sorted({(p.colour.space, p.colour.values) for _, p in several})[:5]
        return Check('small text plates', BLOCKING,
                     f'{len(several)} text runs under {SMALL_TEXT_PT:g} pt on more than one plate, pages '
                     f'{_pages(n for n, _ in several)}: ' + ', '.join(f'{s} {v}' for s, v in colours),
                     [{'page': n, 'size': round(p.size, 2), 'colour': list(p.colour.values)}
                      for n, p in several[:50]])
    plates = sorted({plate for _, p in small for plate in p.colour.inks()})
    return Check('small text plates', OK, f'{len(small)} text runs under {SMALL_TEXT_PT:g} pt, each on one '
                 f'plate ({", ".join(plates) or "none"})')


def check_lines(found: list[tuple[int, Paint]]) -> Check:
    thin = [(n, p) for n, p in found if (p.kind == 'stroke' and p.size < MIN_LINE_PT)
            or (p.kind == 'fill' and 0 < p.size < MIN_LINE_PT)]
    lines = [p for _, p in found if p.kind == 'stroke' or (p.kind == 'fill' and p.size < 2)]
    if thin:
        return Check('thin lines', BLOCKING,
                     f'{len(thin)} lines under {MIN_LINE_PT} pt on pages {_pages(n for n, _ in thin)} '
                     f'(thinnest {min(p.size for _, p in thin):.3f} pt)',
                     [{'page': n, 'kind': p.kind, 'width': round(p.size, 3)} for n, p in thin[:50]])
    thinnest = min((p.size for p in lines if p.size > 0), default=None)
    return Check('thin lines', OK, f'no line under {MIN_LINE_PT} pt'
                 + (f' (thinnest {thinnest:.2f} pt)' if thinnest is not None else ''))


# -- Pages ---------------------------------------------------------------------------

def check_sides(pdf: pikepdf.Pdf, role: str, entry: dict) -> Check:
    count = len(pdf.pages)
    problems = []
    if role == 'cover' and count != COVER_PAGES:
        problems.append(f'{count} pages, not {COVER_PAGES} (表1–表4)')
    elif role in ('body', 'summary') and count % 4:
        problems.append(f'{count} pages, not a multiple of 4')
    chapters = chapter_pages(pdf) if role == 'body' else []
    left = [c for c in chapters if c['page'] % 2 == 0]
    must = role == 'body' and entry.get('chapters_open_right', True)
    if must and left:
        problems.append('chapters on left-hand pages: ' + ', '.join(f'{c["title"]} (page {c["page"]})'
                                                                    for c in left))
    if chapters and chapters[0]['page'] != 1 and role == 'body':
        problems.append(f'the body starts with {chapters[0]["title"]} on page {chapters[0]["page"]}')
    blanks = entry.get('blank_pages', [])
    summary = (f'{count} pages (page 1 on the right)'
               + (f', {len(blanks)} blank pages added: {_pages(blanks)}' if blanks else ', no blank page added')
               + (f'; {len(chapters)} chapters, ' + (f'{len(left)} open on the left' if left else
                                                      'all open on the right') if chapters else ''))
    if not must and left:
        summary += ' (conf.py lets chapters open on either side)'
    details = chapters
    if problems:
        return Check('page sides', BLOCKING, '; '.join(problems) + '; ' + summary, details)
    return Check('page sides', OK, summary, details)


def chapter_pages(pdf: pikepdf.Pdf) -> list[dict]:
    """The outline's top-level entries and the page (1-based) each one opens on."""
    numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, 1)}
    names = {}
    if '/Names' in pdf.Root and '/Dests' in pdf.Root.Names:
        names = dict(pikepdf.NameTree(pdf.Root.Names.Dests).items())
    chapters = []
    with pdf.open_outline() as outline:
        for item in outline.root:
            destination = item.destination
            if destination is None and item.action is not None:
                destination = item.action.get('/D')
            if isinstance(destination, (pikepdf.String, str)):
                destination = names.get(str(destination))
            if isinstance(destination, pikepdf.Dictionary):
                destination = destination.get('/D')
            if destination is None or not len(destination):
                continue
            page = numbers.get(destination[0].objgen)
            if page is not None:
                chapters.append({'title': item.title, 'page': page, 'side': 'right' if page % 2 else 'left'})
    return chapters


def check_annotations(pdf: pikepdf.Pdf) -> Check:
    pages = [(n, len(p.obj.get('/Annots', []))) for n, p in enumerate(pdf.pages, 1)]
    found = [(n, c) for n, c in pages if c]
    if found:
        return Check('annotations', BLOCKING, f'{sum(c for _, c in found)} annotations on pages '
                     f'{_pages(n for n, _ in found)}', [{'page': n, 'annotations': c} for n, c in found])
    return Check('annotations', OK, 'no annotations')


_SUBSET = re.compile(r'^[A-Z]{6}\+')


def check_subset_names(pdf: pikepdf.Pdf) -> Check:
    programs: dict[str, set[str]] = defaultdict(set)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get('/Type') == '/FontDescriptor':
            name = str(obj.get('/FontName', '')).lstrip('/')
            program = next((obj[k] for k in ('/FontFile', '/FontFile2', '/FontFile3') if k in obj), None)
            if program is not None and _SUBSET.match(name):
                programs[name].add(hashlib.sha256(program.read_raw_bytes()).hexdigest())
    shared = sorted(name for name, digests in programs.items() if len(digests) > 1)
    if shared:
        return Check('subset names', BLOCKING, 'one subset name for different font programs: '
                     + ', '.join(f'{n} ({len(programs[n])} programs)' for n in shared), shared)
    return Check('subset names', OK, f'{len(programs)} subset fonts, each name unique')


def checks(pdf: pikepdf.Pdf, role: str, entry: dict) -> list[Check]:
    found = paints(pdf)
    return [check_pdfx(pdf), check_boxes(pdf), check_transparency(pdf, found), check_ink(pdf, found),
            check_small_text(found), check_lines(found), check_sides(pdf, role, entry),
            check_annotations(pdf), check_subset_names(pdf)]
