"""Colour for the press: RGB becomes CMYK through an ICC output profile, not a formula.

littleCMS (through Pillow's ``ImageCms``) converts each sRGB colour to the
output profile's CMYK with the perceptual intent. What a press prints badly
is kept off several plates: text under 12 pt, lines under 1 pt and filled
shapes under 3 pt (rules, dashes, arrowheads) print on the black plate alone (black and dark colours, links and headings among
them, as K100; lighter ones as a K tint), because on three plates the
smallest misregistration fringes them. Total area coverage is held at
300 %. A fill that prints through an opacity below 1 keeps at least 5 % on
its strongest ink, so that it does not vanish on press.

The 墨1色 (one-colour) profile prints everything on the black plate, each
colour as the gray of its lightness (L*).

The output profile is Ghostscript's ``default_cmyk.icc`` (Artifex, a
SWOP-based coated-paper CMYK profile) from Debian's ``libgs-common``: Debian
and PyPI package no Japan Color profile (Japan Color's profiles are
licensed by the Japan Printing Machinery Association, not freely
redistributable), and no FOGRA or Japan Color characterisation data from
which ArgyllCMS could build one (``icc-profiles-free`` is stripped of its
press profiles, ``argyll-ref`` has the test charts without measurements,
``colord-data`` only RGB profiles). It is the one CMYK output profile that
a Debian package ships.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageCms

from pdf_paint import Colour

OUTPUT_PROFILE = Path('/usr/share/color/icc/ghostscript/default_cmyk.icc')
OUTPUT_PROFILE_SOURCE = ("Artifex CMYK SWOP Profile (default_cmyk.icc, Debian package libgs-common): "
                         "the only CMYK output profile packaged by Debian or PyPI; no freely "
                         "usable Japan Color profile exists")
#: Text under this size (pt), lines under HAIRLINE_PT and filled shapes thinner
#: than SMALL_SHAPE_PT (rules, dashes and arrowheads drawn as fills) print on one plate.
SMALL_TEXT_PT = 12.0
HAIRLINE_PT = 1.0
SMALL_SHAPE_PT = 3.0
#: Darker than this lightness (L*), small text and hairlines print as K100.
BLACK_BELOW_L = 60.0
MAX_TAC = 3.0
#: The least a translucent fill prints on its strongest ink.
MIN_INK = 0.05
MODES = ('cmyk', 'mono')


class Inks:
    """The conversions of one print profile (``cmyk`` or ``mono``), cached per colour."""

    def __init__(self, mode: str = 'cmyk', profile: Path = OUTPUT_PROFILE) -> None:
        if mode not in MODES:
            raise ValueError(f'print colour must be one of {", ".join(MODES)}, not {mode!r}')
        self.mode = mode
        srgb = ImageCms.createProfile('sRGB')
        lab = ImageCms.createProfile('LAB')
        cmyk = ImageCms.getOpenProfile(str(profile))
        intent = ImageCms.Intent.PERCEPTUAL
        self._to_cmyk = ImageCms.buildTransform(srgb, cmyk, 'RGB', 'CMYK', intent)
        self._to_lab = ImageCms.buildTransform(srgb, lab, 'RGB', 'LAB', intent)
        self._cmyk_to_lab = ImageCms.buildTransform(cmyk, lab, 'CMYK', 'LAB', intent)
        self.cmyk_of = cache(self._cmyk)
        self.lightness_of = cache(self._lightness)

    def _cmyk(self, rgb: tuple[int, int, int]) -> tuple[float, ...]:
        pixel = ImageCms.applyTransform(Image.new('RGB', (1, 1), rgb), self._to_cmyk)
        assert pixel is not None
        return limit_tac(tuple(round(v / 255, 3) for v in pixel.getpixel((0, 0))))  # type: ignore[union-attr]

    def _lightness(self, colour: Colour) -> float:
        if colour.space == 'DeviceGray':
            return colour.values[0] * 100
        if colour.space == 'DeviceCMYK':
            image = Image.new('CMYK', (1, 1), tuple(round(v * 255) for v in colour.values))
            transform = self._cmyk_to_lab
        else:
            image = Image.new('RGB', (1, 1), _rgb8(colour))
            transform = self._to_lab
        pixel = ImageCms.applyTransform(image, transform)
        assert pixel is not None
        return pixel.getpixel((0, 0))[0] / 255 * 100  # type: ignore[index]

    def convert(self, colour: Colour, small: bool, alpha: float = 1.0) -> Colour:
        """The print colour of *colour*; *small*: text under 12 pt or a hairline."""
        if colour.space not in ('DeviceGray', 'DeviceRGB', 'DeviceCMYK'):
            return colour
        if colour.space == 'DeviceRGB' and len(set(colour.values)) == 1:
            colour = Colour('DeviceGray', colour.values[:1])
        if self.mode == 'mono' or (small and colour.space != 'DeviceGray'):
            lightness = self.lightness_of(colour)
            if small and lightness < BLACK_BELOW_L:
                return Colour('DeviceGray', (0.0,))
            colour = Colour('DeviceGray', (round(lightness / 100, 3),))
        elif colour.space == 'DeviceRGB':
            colour = Colour('DeviceCMYK', self.cmyk_of(_rgb8(colour)))
        elif colour.space == 'DeviceCMYK':
            colour = Colour('DeviceCMYK', limit_tac(colour.values))
        return visible(colour, alpha)


def limit_tac(cmyk: tuple[float, ...]) -> tuple[float, ...]:
    """Cyan, magenta and yellow scaled down so that the four inks sum to at most MAX_TAC."""
    c, m, y, k = cmyk
    if c + m + y + k <= MAX_TAC:
        return (c, m, y, k)
    factor = (MAX_TAC - k) / (c + m + y)
    return tuple(round(v * factor, 3) for v in (c, m, y)) + (k,)


def visible(colour: Colour, alpha: float) -> Colour:
    """A translucent fill strengthened so that its strongest ink prints at least MIN_INK."""
    inks = colour.inks()
    strongest = max(inks.values(), default=0.0)
    if alpha >= 1 or strongest == 0 or strongest * alpha >= MIN_INK:
        return colour
    factor = MIN_INK / alpha / strongest
    if colour.space == 'DeviceGray':
        return Colour('DeviceGray', (math.floor((1 - (1 - colour.values[0]) * factor) * 1000) / 1000,))
    # Rounded up, so that the strongest ink is not left a fraction under MIN_INK.
    return Colour('DeviceCMYK', limit_tac(tuple(min(1.0, math.ceil(v * factor * 1000) / 1000)
                                                for v in colour.values)))


def _rgb8(colour: Colour) -> tuple[int, int, int]:
    r, g, b = (max(0, min(255, round(v * 255))) for v in colour.values)
    return r, g, b
