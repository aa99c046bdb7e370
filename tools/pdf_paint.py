"""What a PDF's pages paint: each text run, stroke and fill, with its colour, size and opacity.

Shared by the print profile (``print_profile.py`` rewrites the colours while
walking) and the preflight (``preflight.py`` reports what it finds). Walks
the content streams of pages and of the form XObjects they draw, keeping the
part of the graphics state that matters to a prepress check: the current
transformation matrix, the fill and stroke colours, the line width, the text
font size and matrices, the text rendering mode and the ExtGState opacities.

Sizes are in points on the page: a text run's font size after the text and
transformation matrices, a stroke's line width after the CTM, and for a fill
the shorter side of its path's bounding box (a TeX rule is a filled
rectangle, so a thin one is a line too).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

#: Colour operators of the device spaces and the space each sets.
DEVICE_OPERATORS = {'g': ('fill', 'DeviceGray'), 'G': ('stroke', 'DeviceGray'),
                    'rg': ('fill', 'DeviceRGB'), 'RG': ('stroke', 'DeviceRGB'),
                    'k': ('fill', 'DeviceCMYK'), 'K': ('stroke', 'DeviceCMYK')}
TEXT_SHOW = {'Tj', 'TJ', "'", '"'}
PATH_PAINT = {'S': (False, True), 's': (False, True), 'f': (True, False), 'F': (True, False),
              'f*': (True, False), 'B': (True, True), 'B*': (True, True), 'b': (True, True),
              'b*': (True, True)}
PATH_BUILD = {'m', 'l', 'c', 'v', 'y', 're', 'h'}


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention (``cm`` makes CTM = M × CTM)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def scale(m: Matrix) -> float:
    """How much *m* enlarges a length (the square root of its area scale)."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@dataclass(frozen=True)
class Colour:
    space: str
    values: tuple[float, ...]

    def inks(self) -> dict[str, float]:
        """The plates this colour prints on, as in a CMYK output intent."""
        if self.space == 'DeviceGray':
            return {'K': 1 - self.values[0]} if self.values[0] < 1 else {}
        if self.space == 'DeviceCMYK':
            return {plate: value for plate, value in zip('CMYK', self.values, strict=True) if value > 0}
        return {'RGB': 1.0}


BLACK = Colour('DeviceGray', (0.0,))


@dataclass
class State:
    ctm: Matrix = IDENTITY
    fill: Colour | None = BLACK
    stroke: Colour | None = BLACK
    line_width: float = 1.0
    fill_alpha: float = 1.0
    stroke_alpha: float = 1.0
    font_size: float = 0.0
    leading: float = 0.0
    render_mode: int = 0
    text_matrix: Matrix = IDENTITY
    line_matrix: Matrix = IDENTITY
    soft_mask: bool = False
    blend: str = 'Normal'

    def copy(self) -> State:
        return replace(self)


@dataclass(frozen=True)
class Paint:
    """One painting operation: ``kind`` is ``text``, ``stroke``, ``fill``, ``image`` or ``shading``."""

    kind: str
    colour: Colour | None
    size: float
    alpha: float
    where: str
    #: Which colour of the graphics state paints: ``fill`` or ``stroke``.
    target: str = 'fill'


@dataclass
class Walker:
    """Walk a PDF's content; subclasses see each paint and may rewrite operations.

    :meth:`paint` is called before each painting operation and returns the
    operations to insert before it; :meth:`colour` is called for each colour
    operator and returns what replaces it. The defaults keep the content.
    """

    pdf: pikepdf.Pdf
    rewrite: bool = False
    unsupported: list[str] = field(default_factory=list)
    _done: set = field(default_factory=set)

    def paint(self, paint: Paint, state: State) -> list:
        return []

    def colour(self, operands: list, operator: str, state: State) -> list:
        return [(operands, pikepdf.Operator(operator))]

    def enter_form(self) -> None:
        """A form XObject starts: colours set outside it are not known inside."""

    def leave_form(self) -> None:
        """The form XObject ends."""

    def push(self) -> None:
        """``q``: subclasses keep their own state stack in step."""

    def pop(self) -> None:
        """``Q``."""

    # -- Walking ------------------------------------------------------------------

    def walk_page(self, page: pikepdf.Page, where: str) -> None:
        self._walk(page, page.obj.get('/Resources', pikepdf.Dictionary()), State(), where, page)

    def _walk(self, owner, resources, state: State, where: str, page=None) -> None:
        out: list = []
        stack: list[State] = []
        path: list[list[tuple[float, float]]] = []
        path_start = 0
        for operands, op in pikepdf.parse_content_stream(owner):
            name = str(op)
            operands = list(operands)
            numbers = _numbers(operands)
            if name == 'q':
                stack.append(state.copy())
                self.push()
            elif name == 'Q':
                if stack:
                    state = stack.pop()
                self.pop()
            elif name == 'cm' and len(numbers) == 6:
                state.ctm = multiply(tuple(numbers), state.ctm)  # type: ignore[arg-type]
            elif name == 'w' and numbers:
                state.line_width = numbers[0]
            elif name == 'gs':
                self._ext_gstate(resources, operands[0], state)
            elif name in DEVICE_OPERATORS:
                target, space = DEVICE_OPERATORS[name]
                setattr(state, target, Colour(space, tuple(numbers)))
                out += self.colour(operands, name, state)
                continue
            elif name in ('cs', 'CS', 'sc', 'SC', 'scn', 'SCN'):
                self.unsupported.append(f'{where}: colour operator {name}')
                target = 'fill' if name.islower() else 'stroke'
                setattr(state, target, Colour(_space_name(resources, operands[0]) if name in ('cs', 'CS')
                                              else 'other', tuple(numbers)))
            elif name == 'BT':
                state.text_matrix = state.line_matrix = IDENTITY
            elif name == 'Tf' and len(operands) == 2:
                state.font_size = float(operands[1])
            elif name == 'TL' and numbers:
                state.leading = numbers[0]
            elif name == 'Tr' and numbers:
                state.render_mode = int(numbers[0])
            elif name == 'Tm' and len(numbers) == 6:
                state.text_matrix = state.line_matrix = tuple(numbers)  # type: ignore[assignment]
            elif name in ('Td', 'TD') and len(numbers) == 2:
                if name == 'TD':
                    state.leading = -numbers[1]
                state.text_matrix = state.line_matrix = multiply(
                    (1, 0, 0, 1, numbers[0], numbers[1]), state.line_matrix)
            elif name == 'T*':
                state.text_matrix = state.line_matrix = multiply(
                    (1, 0, 0, 1, 0, -state.leading), state.line_matrix)
            elif name in TEXT_SHOW:
                out += self._text(state, where)
            elif name in PATH_BUILD:
                if not path:
                    path_start = len(out)  # colour may not be set inside a path: before it
                _extend(path, name, numbers, state.ctm)
            elif name in PATH_PAINT:
                filled, stroked = PATH_PAINT[name]
                extra = []
                if filled:
                    extra += self.paint(Paint('fill', state.fill, _thickness(path), state.fill_alpha,
                                              where), state)
                if stroked:
                    extra += self.paint(Paint('stroke', state.stroke, state.line_width * scale(state.ctm),
                                              state.stroke_alpha, where, 'stroke'), state)
                out[path_start:path_start] = extra
                path = []
            elif name == 'n':
                path = []
            elif name == 'sh':
                out += self.paint(Paint('shading', None, 0, state.fill_alpha, where), state)
            elif name == 'BI' or name == 'INLINE IMAGE':
                out += self.paint(Paint('image', None, 0, state.fill_alpha, where), state)
            elif name == 'Do':
                out += self._xobject(resources, operands[0], state, where)
            out.append((operands, op))
        if self.rewrite:
            data = pikepdf.unparse_content_stream(out)
            if page is not None:
                page.obj.Contents = self.pdf.make_stream(data)
            else:
                owner.write(data)

    def _text(self, state: State, where: str) -> list:
        size = state.font_size * scale(multiply(state.text_matrix, state.ctm))
        out = []
        if state.render_mode in (0, 2, 4, 6):
            out += self.paint(Paint('text', state.fill, size, state.fill_alpha, where), state)
        if state.render_mode in (1, 2, 5, 6):
            out += self.paint(Paint('text', state.stroke, size, state.stroke_alpha, where, 'stroke'), state)
        return out

    def _ext_gstate(self, resources, name, state: State) -> None:
        gstate = resources.get('/ExtGState', {}).get(str(name))
        if gstate is None:
            return
        if '/ca' in gstate:
            state.fill_alpha = float(gstate.ca)
        if '/CA' in gstate:
            state.stroke_alpha = float(gstate.CA)
        if '/LW' in gstate:
            state.line_width = float(gstate.LW)
        if '/SMask' in gstate:
            state.soft_mask = gstate.SMask != pikepdf.Name.None_
        if '/BM' in gstate:
            state.blend = str(gstate.BM).lstrip('/')

    def _xobject(self, resources, name, state: State, where: str) -> list:
        xobject = resources.get('/XObject', {}).get(str(name))
        if xobject is None:
            return []
        if xobject.get('/Subtype') == '/Image':
            return self.paint(Paint('image', None, 0, state.fill_alpha, f'{where} {name}'), state)
        inner = state.copy()
        inner.ctm = multiply(tuple(float(x) for x in xobject.get('/Matrix', IDENTITY)),  # type: ignore[arg-type]
                             state.ctm)
        if self.rewrite and xobject.objgen in self._done:
            return []
        self._done.add(xobject.objgen)
        self.enter_form()
        self._walk(xobject, xobject.get('/Resources', pikepdf.Dictionary()), inner, f'{where} {name}')
        self.leave_form()
        return []


def _numbers(operands: Iterable) -> list[float]:
    out = []
    for operand in operands:
        try:
            out.append(float(operand))
        except (TypeError, ValueError):
            pass
    return out


def _space_name(resources, space) -> str:
    named = resources.get('/ColorSpace', {}).get(str(space))
    if named is None:
        return str(space).lstrip('/')
    if isinstance(named, pikepdf.Array):
        return str(named[0]).lstrip('/')
    return str(named).lstrip('/')


def _extend(path: list[list[tuple[float, float]]], name: str, numbers: list[float], ctm: Matrix) -> None:
    """Add an operator's points to *path*, a list of subpaths (``m`` and ``re`` start one)."""
    if name == 're' and len(numbers) == 4:
        x, y, w, h = numbers
        path.append([apply(ctm, x, y), apply(ctm, x + w, y + h), apply(ctm, x + w, y), apply(ctm, x, y + h)])
    elif name != 'h':
        if name == 'm' or not path:
            path.append([])
        path[-1] += [apply(ctm, numbers[i], numbers[i + 1]) for i in range(0, len(numbers) - 1, 2)]


def _thickness(path: list[list[tuple[float, float]]]) -> float:
    """The widest subpath's shorter side: a rule, or a dashed line that a drawing
    program filled dash by dash (Chromium does), is thin; a panel is not."""
    sides = []
    for subpath in path:
        if subpath:
            xs = [x for x, _ in subpath]
            ys = [y for _, y in subpath]
            sides.append(min(max(xs) - min(xs), max(ys) - min(ys)))
    return max(sides, default=0.0)


def paints(pdf: pikepdf.Pdf, page_filter: Callable[[int], bool] = lambda n: True) -> list[tuple[int, Paint]]:
    """Every paint of every page: ``(page number, paint)``."""
    found: list[tuple[int, Paint]] = []

    class Collect(Walker):
        def paint(self, paint: Paint, state: State) -> list:
            found.append((number, paint))
            return []

    for number, page in enumerate(pdf.pages, 1):
        if page_filter(number):
            Collect(pdf).walk_page(page, f'page {number}')
    return found
