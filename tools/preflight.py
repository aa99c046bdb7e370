"""Preflight: check built PDFs as the print office would, and write a report.

Usage::

    python tools/preflight.py --out DIR [--log TEX.log] PDF:PROFILE [PDF:PROFILE ...]

PROFILE is ``screen`` (the PDF as built) or one of the print office's files:
``cover`` (表1–表4), ``body`` (本文), ``summary`` (概要版) or ``print`` (any
other print file). ``--print-files`` reads ``make pdf-print``'s
``print-files.json`` and checks each file it lists with its role. Writes
``DIR/report.md`` and ``DIR/report.json`` and exits 1 when a problem blocks
printing:

- a font that is not embedded;
- RGB colour in a print file;
- a link to a destination the PDF does not have;
- an overfull box wider than 1 pt in the TeX log;

and, in a print file, what a prepress operator sends back
(``prepress.py``): PDF/X-4 keys or the OutputIntent missing, a page
without a TrimBox or with ``/Rotate``, a translucent fill that prints
under 3 % on every ink, ink coverage over 300 %, text under 12 pt on more
than one plate, lines under 0.25 pt, a page count that is not a multiple of
4 or a chapter opening on a left-hand page, annotations, and one subset
name shared by two font programs.

Everything else is reported as a warning or as information: page size and
count, every font (embedded, subset, type, ToUnicode; Type 3), colour spaces
per page, images and their effective resolution, pages whose content fills
under a quarter of the text area, underfull boxes, unresolved references,
the outline against the 目次, and the metadata. The PDFs are read with
pikepdf and poppler's command-line tools.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pikepdf

import prepress
from prepress import BLOCKING, OK, WARNING, Check

#: The print office's files by role; ``print`` is any other print file.
PRINT_ROLES = ('cover', 'body', 'summary', 'print')
PROFILES = ('screen', *PRINT_ROLES)

#: Colour operators and the colour space they set.
_COLOUR_OPERATORS = {'rg': 'DeviceRGB', 'RG': 'DeviceRGB', 'k': 'DeviceCMYK', 'K': 'DeviceCMYK',
                     'g': 'DeviceGray', 'G': 'DeviceGray'}
_RGB_SPACES = {'DeviceRGB', 'CalRGB'}
#: Sphinx's page margins (1 in): the text area is the page less these.
TEXT_MARGIN_PT = 72.0
#: The running head and the folio lie in these bands outside the text area.
MIN_FILL = 0.25
MIN_IMAGE_PPI = 300
MAX_OVERFULL_PT = 1.0


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


# -- Pages, fonts, images ------------------------------------------------------------

def check_pages(path: Path) -> Check:
    info = run('pdfinfo', '-f', '1', '-l', '100000', str(path))
    sizes = Counter(re.findall(r'Page\s+\d+ size:\s+([\d.]+ x [\d.]+ pts)', info))
    count = sum(sizes.values())
    status = OK if len(sizes) == 1 else WARNING
    summary = f'{count} pages; ' + ', '.join(f'{size} ({n})' for size, n in sizes.items())
    return Check('pages', status, summary, [{'size': s, 'pages': n} for s, n in sizes.items()])


def check_fonts(path: Path) -> Check:
    rows = run('pdffonts', str(path)).splitlines()[2:]
    fonts, problems = [], []
    for row in rows:
        parts = row.split()
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        name = parts[0]
        kind = row[37:55].strip()
        font = {'name': name, 'type': kind, 'embedded': emb == 'yes', 'subset': sub == 'yes',
                'tounicode': uni == 'yes'}
        fonts.append(font)
        if not font['embedded']:
            problems.append((BLOCKING, f'{name}: not embedded'))
        if 'Type 3' in kind:
            problems.append((WARNING, f'{name}: Type 3 (bitmap or procedure) font'))
        if not font['tounicode']:
            problems.append((WARNING, f'{name}: no ToUnicode map (copying and search may fail)'))
    status = max((s for s, _ in problems), key=_severity, default=OK)
    summary = (f'{len(fonts)} fonts, all embedded with ToUnicode' if not problems
               else '; '.join(message for _, message in problems))
    return Check('fonts', status, summary, fonts)


def check_images(path: Path) -> Check:
    rows = run('pdfimages', '-list', str(path)).splitlines()[2:]
    images, low = [], []
    for row in rows:
        parts = row.split()
        image = {'page': int(parts[0]), 'width': int(parts[3]), 'height': int(parts[4]),
                 'colour': parts[5], 'x_ppi': int(parts[12]), 'y_ppi': int(parts[13])}
        images.append(image)
        if min(image['x_ppi'], image['y_ppi']) < MIN_IMAGE_PPI:
            low.append(image)
    if not images:
        return Check('images', OK, 'no raster images (diagrams are vector)')
    status = WARNING if low else OK
    return Check('images', status, f'{len(images)} images, {len(low)} under {MIN_IMAGE_PPI} ppi', images)


# -- Colour ---------------------------------------------------------------------------

def _spaces_in(pdf_object: pikepdf.Object, resources: pikepdf.Object, found: Counter) -> None:
    for operands, operator in pikepdf.parse_content_stream(pdf_object):
        name = str(operator)
        if name in _COLOUR_OPERATORS:
            found[_COLOUR_OPERATORS[name]] += 1
        elif name in ('cs', 'CS'):
            found[_space_name(resources, operands[0])] += 1
        elif name == 'BI':
            found['inline image'] += 1
    for space in resources.get('/ColorSpace', {}).values():
        found[_space_name(resources, space)] += 0
    for xobject in resources.get('/XObject', {}).values():
        if xobject.get('/Subtype') == '/Form':
            _spaces_in(xobject, xobject.get('/Resources', pikepdf.Dictionary()), found)
        elif '/ColorSpace' in xobject:
            found[_space_name(resources, xobject.ColorSpace)] += 1
        group = xobject.get('/Group')
        if group is not None and '/CS' in group:
            found[_space_name(resources, group.CS)] += 1


def _space_name(resources: pikepdf.Object, space: pikepdf.Object) -> str:
    if isinstance(space, pikepdf.Name):
        named = resources.get('/ColorSpace', {}).get(str(space))
        if named is not None:
            return _space_name(resources, named)
        return str(space).lstrip('/')
    if isinstance(space, pikepdf.Array):
        family = str(space[0]).lstrip('/')
        if family == 'ICCBased':
            return {1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK'}.get(int(space[1].N), family)
        return family
    return str(space)


def check_colour(pdf: pikepdf.Pdf, profile: str) -> Check:
    pages = []
    rgb_pages = []
    for number, page in enumerate(pdf.pages, 1):
        found: Counter = Counter()
        _spaces_in(page, page.Resources, found)
        group = page.obj.get('/Group')
        if group is not None and '/CS' in group:
            found[_space_name(page.Resources, group.CS)] += 1
        annotation_rgb = sum(1 for a in page.obj.get('/Annots', []) if len(a.get('/C', [])) == 3)
        if annotation_rgb:
            found['DeviceRGB (annotation colour)'] += annotation_rgb
        pages.append({'page': number, 'spaces': dict(sorted(found.items()))})
        if any(space.split()[0] in _RGB_SPACES for space in found):
            rgb_pages.append(number)
    all_spaces = sorted({space for page in pages for space in page['spaces']})
    if profile in PRINT_ROLES and rgb_pages:
        return Check('colour', BLOCKING, f'RGB on pages {_ranges(rgb_pages)} of the print profile', pages)
    summary = f'colour spaces: {", ".join(all_spaces) or "none"}'
    if rgb_pages:
        summary += f' (RGB on {len(rgb_pages)} pages; the print profile converts it)'
    return Check('colour', OK, summary, pages)


# -- Layout ---------------------------------------------------------------------------

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def check_fill(path: Path, labels: list[str], blank: frozenset[int] = frozenset(),
               first: int = 2) -> Check:
    """Pages whose words span under a quarter of the text area's height.

    From page *first* on (the screen PDF's page 1 is the cover), leaving out
    the pages the print edition left *blank* on purpose.
    """
    xml = run('pdftotext', '-bbox', str(path), '-')
    sparse = []
    for number, (_width, height, body) in enumerate(_PAGE.findall(xml), 1):
        top, bottom = TEXT_MARGIN_PT, float(height) - TEXT_MARGIN_PT
        ys = [(float(y0), float(y1)) for _x0, y0, _x1, y1 in _WORD.findall(body)
              if float(y0) >= top - 2 and float(y1) <= bottom + 2]
        fill = (max(y1 for _, y1 in ys) - min(y0 for y0, _ in ys)) / (bottom - top) if ys else 0.0
        label = labels[number - 1] if number <= len(labels) else str(number)
        if fill < MIN_FILL and number >= first and number not in blank:
            sparse.append({'page': number, 'label': label, 'fill': round(fill, 2)})
    status = WARNING if sparse else OK
    summary = (f'{len(sparse)} pages filled under {MIN_FILL:.0%} of the text area: '
               + ', '.join(f'{p["label"]} ({p["fill"]:.0%})' for p in sparse)) if sparse \
        else f'every page fills at least {MIN_FILL:.0%} of the text area' + (
            f' (blank pages {_ranges(sorted(blank))} left out)' if blank else '')
    return Check('page fill', status, summary, sparse)


# -- TeX log ------------------------------------------------------------------------------

_BOX = re.compile(r'^(Overfull|Underfull) \\([hv])box \((?:([\d.]+)pt too \w+|badness (\d+))\) '
                  r'(?:in paragraph at lines (\d+)--(\d+)|detected at line (\d+)|'
                  r'has occurred while \\output is active)', re.M)
_UNDEFINED = re.compile(r"(?:LaTeX|pdfTeX|hyperref) Warning: (?:Hyper )?[Rr]eference [`'](.+?)' on "
                        r'page (\S+) undefined')
_DOC_LABEL = re.compile(r'\\label\{\\detokenize\{([^}]*)::doc\}\}')


def _source_of(tex_lines: list[str], line: int | None) -> str:
    """The MyST source a line of the assembled .tex comes from: the last document label above it."""
    if not line:
        return 'unknown'
    for text in reversed(tex_lines[:line]):
        match = _DOC_LABEL.search(text)
        if match:
            return f'docs/{match[1]}.md'
    return 'front matter'


def check_log(log: Path) -> list[Check]:
    text = log.read_text(encoding='utf-8', errors='replace')
    tex_file = log.with_suffix('.tex')
    tex_lines = tex_file.read_text(encoding='utf-8').splitlines() if tex_file.is_file() else []
    overfull, underfull = [], []
    for match in _BOX.finditer(text):
        kind, direction, points, badness, start, _end, at = match.groups()
        line = int(start or at or 0) or None
        box = {'box': f'{direction}box', 'tex_line': line, 'source': _source_of(tex_lines, line)}
        if kind == 'Overfull':
            overfull.append({**box, 'points': float(points)})
        else:
            underfull.append({**box, 'badness': int(badness or 0)})
    too_wide = [box for box in overfull if box['points'] > MAX_OVERFULL_PT]
    undefined = sorted(set(_UNDEFINED.findall(text)))
    return [
        Check('overfull boxes', BLOCKING if too_wide else (WARNING if overfull else OK),
              f'{len(overfull)} overfull, {len(too_wide)} over {MAX_OVERFULL_PT} pt'
              + ''.join(f'; {b["points"]} pt at {b["source"]} (.tex line {b["tex_line"]})'
                        for b in too_wide[:5]), overfull),
        Check('underfull boxes', WARNING if underfull else OK, f'{len(underfull)} underfull',
              underfull),
        Check('references', WARNING if undefined else OK,
              f'{len(undefined)} unresolved references' + ''.join(f'; {r} (p. {p})' for r, p in undefined[:5]),
              [{'reference': r, 'page': p} for r, p in undefined]),
    ]


# -- Links, outline, metadata ------------------------------------------------------------

def _named_destinations(pdf: pikepdf.Pdf) -> set[str]:
    names: set[str] = set()
    root = pdf.Root
    if '/Dests' in root:
        names.update(str(key).lstrip('/') for key in root.Dests.keys())
    if '/Names' in root and '/Dests' in root.Names:
        names.update(str(key) for key in pikepdf.NameTree(root.Names.Dests).keys())
    return names


def check_links(pdf: pikepdf.Pdf) -> Check:
    names = _named_destinations(pdf)
    page_ids = {page.obj.objgen for page in pdf.pages}
    dead, count = [], 0
    for number, page in enumerate(pdf.pages, 1):
        for annotation in page.obj.get('/Annots', []):
            if annotation.get('/Subtype') != '/Link':
                continue
            destination = annotation.get('/Dest')
            action = annotation.get('/A')
            if destination is None and action is not None and action.get('/S') == '/GoTo':
                destination = action.get('/D')
            if destination is None:
                continue  # a URI or another action: not a destination in this PDF
            count += 1
            if isinstance(destination, pikepdf.Array):
                alive = destination[0].objgen in page_ids
                target = f'page object {destination[0].objgen}'
            else:
                target = str(destination).lstrip('/')
                alive = target in names
            if not alive:
                dead.append({'page': number, 'destination': target})
    status = BLOCKING if dead else OK
    summary = (f'{len(dead)} of {count} internal links point nowhere: '
               + ', '.join(f'{d["destination"]} (page {d["page"]})' for d in dead[:5])) if dead \
        else f'{count} internal links, every destination exists'
    return Check('links', status, summary, dead)


def _outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    with pdf.open_outline() as outline:
        def walk(items, depth):
            for item in items:
                yield depth, item.title
                yield from walk(item.children, depth + 1)
        return [title for depth, title in walk(outline.root, 0) if depth <= 1]


def check_outline(pdf: pikepdf.Pdf, path: Path) -> Check:
    titles = _outline_titles(pdf)
    if not titles:
        return Check('outline', WARNING, 'the PDF has no outline (bookmarks)')
    pages = run('pdftotext', '-enc', 'UTF-8', str(path), '-').split('\f')
    toc = next((page for page in pages if re.search(r'^\s*目次\s*$', page, re.M)), '')
    flat = re.sub(r'\s+', '', toc)
    missing = [t for t in titles if re.sub(r'\s+', '', re.sub(r'^第\d+章|^[\d.]+', '', t)) not in flat
               and t not in ('目次',)]
    if not toc:
        return Check('outline', WARNING, f'{len(titles)} outline entries; no 目次 page found', titles)
    status = WARNING if missing else OK
    summary = (f'{len(titles)} outline entries; not in the 目次: {", ".join(missing)}' if missing
               else f'{len(titles)} outline entries, each in the 目次')
    return Check('outline', status, summary, titles)


def check_metadata(pdf: pikepdf.Pdf) -> Check:
    info = {key.lstrip('/'): str(value) for key, value in pdf.docinfo.items()}
    language = str(pdf.Root.get('/Lang', ''))
    meta = {'title': info.get('Title', ''), 'author': info.get('Author', ''), 'language': language,
            'created': info.get('CreationDate', ''), 'modified': info.get('ModDate', '')}
    missing = [key for key in ('title', 'author', 'language') if not meta[key]]
    status = WARNING if missing else OK
    summary = ('missing: ' + ', '.join(missing)) if missing else \
        f'title 「{meta["title"]}」, author {meta["author"]}, language {language}, created {meta["created"]}'
    return Check('metadata', status, summary, [meta])


# -- Report ------------------------------------------------------------------------------

def _severity(status: str) -> int:
    return {OK: 0, WARNING: 1, BLOCKING: 2}[status]


def _ranges(numbers: list[int]) -> str:
    return ', '.join(str(n) for n in numbers[:10]) + (' …' if len(numbers) > 10 else '')


def page_labels(pdf: pikepdf.Pdf) -> list[str]:
    return [page.label for page in pdf.pages]


def check_pdf(path: Path, profile: str, log: Path | None, entry: dict | None = None) -> dict:
    """Every check of one PDF; *entry* is its line of ``print-files.json`` (a print file)."""
    entry = entry or {}
    blank = frozenset(entry.get('blank_pages', []))
    with pikepdf.open(path) as pdf:
        labels = page_labels(pdf)
        checks = [check_pages(path), check_fonts(path), check_colour(pdf, profile),
                  check_images(path)]
        if profile != 'cover':
            checks += [check_fill(path, labels, blank, first=2 if profile == 'screen' else 1),
                       check_links(pdf)]
        if profile not in ('cover', 'summary'):  # the 概要版 has no 目次
            checks.append(check_outline(pdf, path))
        checks.append(check_metadata(pdf))
        if profile in PRINT_ROLES:
            checks += prepress.checks(pdf, profile, entry)
    if log is not None and log.is_file():
        checks += check_log(log)
    status = max((c.status for c in checks), key=_severity, default=OK)
    return {'file': str(path), 'profile': profile, 'status': status,
            'checks': [asdict(check) for check in checks]}


def markdown(results: list[dict]) -> str:
    lines = ['# Preflight report', '']
    for result in results:
        lines += [f'## {result["file"]} ({result["profile"]} profile): {result["status"]}', '',
                  '| check | status | summary |', '| --- | --- | --- |']
        for check in result['checks']:
            summary = check['summary'].replace('|', '\\|')
            lines.append(f'| {check["name"]} | {check["status"]} | {summary} |')
        lines.append('')
    return '\n'.join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', type=Path, required=True, help='directory for report.md and report.json')
    parser.add_argument('--log', type=Path, help="the TeX log of the PDFs' build")
    parser.add_argument('--print-files', type=Path,
                        help="make pdf-print's print-files.json: check every file it lists")
    parser.add_argument('pdfs', nargs='*', metavar='PDF:PROFILE')
    args = parser.parse_args(argv)
    results = []
    for spec in args.pdfs:
        path, _, profile = spec.rpartition(':')
        if profile not in PROFILES:
            parser.error(f'{spec}: the profile is one of {", ".join(PROFILES)}')
        results.append(check_pdf(Path(path), profile, args.log if profile == 'screen' else None))
    if args.print_files is not None:
        manifest = json.loads(args.print_files.read_text(encoding='utf-8'))
        for entry in manifest['files']:
            entry = {**entry, 'chapters_open_right': manifest.get('chapters_open_right', True)}
            log = Path(entry['log']) if entry.get('log') else None
            results.append(check_pdf(args.print_files.parent / entry['file'], entry['role'], log, entry))
    if not results:
        parser.error('nothing to check: give PDF:PROFILE or --print-files')
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / 'report.json').write_text(json.dumps(results, ensure_ascii=False, indent=2) + '\n',
                                          encoding='utf-8')
    (args.out / 'report.md').write_text(markdown(results), encoding='utf-8')
    blocking = [(r['file'], c['name'], c['summary']) for r in results for c in r['checks']
                if c['status'] == BLOCKING]
    for file, name, summary in blocking:
        print(f'preflight: {file}: {name}: {summary}', file=sys.stderr)
    print(f'preflight: {args.out / "report.md"}: '
          + ('blocking problems found' if blocking else 'no blocking problem'))
    return 1 if blocking else 0


if __name__ == '__main__':
    sys.exit(main())
