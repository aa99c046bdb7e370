"""The print office's copy of the PDF: the same pages with no RGB anywhere.

Usage: python tools/print_profile.py IN.pdf OUT.pdf

The PDF from upLaTeX/dvipdfmx and the diagrams that Chromium draws set
their colours with the DeviceRGB operators ``rg``/``RG`` only (no colour
space resources, no images; this script refuses anything else rather than
pass it through). Each RGB colour becomes gray (``g``/``G``) when it is a
gray, and DeviceCMYK (``k``/``K``) otherwise, so black text prints on the
black plate alone. Link annotations lose their RGB border colour. Fonts,
outline, page labels and metadata are untouched: pikepdf rewrites the
content streams only, unlike a Ghostscript round trip, which here dropped
the outline and the Latin fonts' ToUnicode maps.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pikepdf

#: Operators that take an RGB colour, and their gray and CMYK counterparts.
_RGB_OPERATORS = {'rg': ('g', 'k'), 'RG': ('G', 'K')}
#: Operators and resources whose colour this script does not convert.
_UNSUPPORTED_OPERATORS = {'cs', 'CS', 'sc', 'SC', 'scn', 'SCN', 'sh', 'BI'}


class UnsupportedColour(Exception):
    """The PDF sets colour in a way this script does not convert."""


def rgb_to_cmyk(red: float, green: float, blue: float) -> tuple[float, float, float, float]:
    """The naive (device) conversion: black from the darkest channel, the rest as CMY."""
    black = 1 - max(red, green, blue)
    if black >= 1:
        return 0.0, 0.0, 0.0, 1.0
    return tuple(round((1 - channel - black) / (1 - black), 4)
                 for channel in (red, green, blue)) + (round(black, 4),)


def _number(value: float) -> Decimal:
    return Decimal(str(round(value, 4)))


def convert_operation(operands: list, operator: str) -> tuple[list, pikepdf.Operator]:
    red, green, blue = (float(x) for x in operands)
    gray_op, cmyk_op = _RGB_OPERATORS[operator]
    if red == green == blue:
        return [_number(red)], pikepdf.Operator(gray_op)
    return [_number(x) for x in rgb_to_cmyk(red, green, blue)], pikepdf.Operator(cmyk_op)


def convert_stream(pdf: pikepdf.Pdf, owner: pikepdf.Object, where: str) -> int:
    """Rewrite the content stream of a page or form; the number of colours converted."""
    operations = []
    converted = 0
    for operands, operator in pikepdf.parse_content_stream(owner):
        name = str(operator)
        if name in _UNSUPPORTED_OPERATORS:
            raise UnsupportedColour(f'{where}: operator {name} (colour space, shading or inline image)')
        if name in _RGB_OPERATORS:
            operands, operator = convert_operation(list(operands), name)
            converted += 1
        operations.append((operands, operator))
    data = pikepdf.unparse_content_stream(operations)
    if isinstance(owner, pikepdf.Page):
        owner.obj.Contents = pdf.make_stream(data)
    else:
        owner.write(data)
    return converted


def convert_resources(pdf: pikepdf.Pdf, resources: pikepdf.Object, where: str) -> int:
    if '/ColorSpace' in resources or '/Shading' in resources or '/Pattern' in resources:
        raise UnsupportedColour(f'{where}: colour space, shading or pattern resources')
    converted = 0
    for name, xobject in resources.get('/XObject', {}).items():
        if xobject.get('/Subtype') != '/Form':
            raise UnsupportedColour(f'{where}: image {name}')
        group = xobject.get('/Group')
        if group is not None and '/CS' in group:
            group.CS = pikepdf.Name.DeviceCMYK
        converted += convert_stream(pdf, xobject, f'{where} {name}')
        converted += convert_resources(pdf, xobject.get('/Resources', pikepdf.Dictionary()),
                                       f'{where} {name}')
    return converted


def convert(source: Path, target: Path) -> int:
    """Write *target* from *source* without RGB; the number of colours converted."""
    converted = 0
    with pikepdf.open(source) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            where = f'page {number}'
            converted += convert_stream(pdf, page, where)
            converted += convert_resources(pdf, page.Resources, where)
            group = page.obj.get('/Group')
            if group is not None and '/CS' in group:
                group.CS = pikepdf.Name.DeviceCMYK
            for annotation in page.obj.get('/Annots', []):
                if '/C' in annotation:
                    del annotation.C
                    annotation.Border = pikepdf.Array([0, 0, 0])
        target.parent.mkdir(parents=True, exist_ok=True)
        # Deterministic: no new document id, no timestamps of its own.
        pdf.save(target, deterministic_id=True)
    return converted


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    try:
        count = convert(Path(argv[1]), Path(argv[2]))
    except UnsupportedColour as exc:
        print(f'print profile: cannot convert {argv[1]}: {exc}', file=sys.stderr)
        return 1
    print(f'print profile: {argv[2]} ({count} RGB colours converted to gray or CMYK)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
