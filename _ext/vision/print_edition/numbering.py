"""Figure and table numbers per chapter, written as ward plans write them: 表3-1, 図4-1.

Sphinx numbers figures and tables per chapter when ``numfig_secnum_depth``
is 1, but joins the numbers with a dot (表 3.1) in HTML and in references.
Both places join ``env.toc_fignumbers``' tuples with ``'.'``; this module
stores each number as a one-item tuple holding the joined text,
``('3-1',)``, once Sphinx has assigned them. The PDF gets the same numbers
from ``sphinxvisionprint.sty`` (``\\thefigure``, ``\\thetable``).

Sphinx compares the numbers it assigns with the previous build's to decide
which pages to write again, so the stored numbers are turned back into
tuples of integers before it assigns them: an unchanged number does not
rewrite a page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import events
from ..sphinx_compat import figure_numbers

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SEPARATOR = '-'

def _convert(env: BuildEnvironment, convert) -> None:
    for by_type in figure_numbers(env).values():
        for numbers in by_type.values():
            for figure_id, number in numbers.items():
                numbers[figure_id] = convert(number)


def joined(number: tuple) -> tuple[str, ...]:
    """``(3, 1)`` -> ``('3-1',)``; an already joined number is left as it is."""
    return (SEPARATOR.join(map(str, number)),) if number else number


def split(number: tuple) -> tuple:
    """``('3-1',)`` -> ``(3, 1)``: the form Sphinx assigns, for its comparison."""
    if len(number) == 1 and isinstance(number[0], str):
        return tuple(int(part) for part in number[0].split(SEPARATOR))
    return number


def restore_sphinx_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    _convert(env, split)
    return []


def join_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    _convert(env, joined)
    return []


def setup(app: Sphinx) -> None:
    app.connect('env-get-updated', restore_sphinx_numbers, priority=events.BEFORE_SPHINX_NUMBERS)
    app.connect('env-get-updated', join_numbers, priority=events.AFTER_SPHINX_NUMBERS)
