"""The 新旧対照表 as a LaTeX document, typeset to ``_build/compare/shinkyu.pdf``.

A4 landscape, 改正後 on the left and 改正前 on the right, in a ``longtable``
that repeats its header on every page. Changed words are underlined with
``\\kaisei`` (ulem's ``\\uline``). ulem cannot break a line inside Japanese
text, so each changed word is its own underlined box and a line may break
between two words, except where kinsoku forbids it (before 、。」 and small
kana, after 「（). The fonts are the 本編's (``conf.py``'s ``fontpkg``, else
:data:`vision.print_edition.print_layout.FONTPKG`), so the print office gets the
same embedded faces.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from sphinx.util import texescape

from ..labels import (
    COMPARE_ADDED,
    COMPARE_CHANGES,
    COMPARE_CHANGES_HEADING,
    COMPARE_COLUMN_NEW,
    COMPARE_COLUMN_OLD,
    COMPARE_COUNTS_CAPTION,
    COMPARE_KIND_HEADER,
    COMPARE_NO_CHANGES,
    COMPARE_NOTE,
    COMPARE_REMOVED,
    COMPARE_REVISIONS,
    COMPARE_TABLE_HEADING,
    COMPARE_TITLE,
    COMPARE_UNCHANGED_HEADER,
)
from ..print_edition.print_layout import FONTPKG
from ..typesetting import NO_LINE_END, NO_LINE_START
from .comparison import REMOVED, Comparison, MarkedLine, Row
from .wording import words

PREAMBLE = r"""\documentclass[uplatex,dvipdfmx,a4paper,landscape,10pt]{jsarticle}
%(fontpkg)s
\usepackage{longtable,array}
\usepackage[normalem]{ulem}
\usepackage[dvipdfmx,hidelinks]{hyperref}
\usepackage{pxjahyper}
\hypersetup{pdftitle={%(title)s}, pdflang={ja}}
\setlength{\ULdepth}{2.5pt}
\providecommand{\sphinxhyphen}{-}
\newcommand{\kaisei}[1]{\uline{#1}}
\newcommand{\kaiseibreak}{\hskip 0pt plus 1pt\relax}
\pagestyle{plain}
\begin{document}
"""


class TypesetError(Exception):
    """upLaTeX or dvipdfmx failed; the message names the log."""


def escape(text: str) -> str:
    texescape.init()
    return texescape.escape(text, 'uplatex')


def render(comparison: Comparison, project: str, base: str, fontpkg: str = '') -> str:
    title = escape(str(COMPARE_TITLE).format(project=project))
    parts = [PREAMBLE % {'fontpkg': fontpkg or FONTPKG, 'title': title},
             rf'{{\sffamily\bfseries\LARGE {title}\par}}\medskip',
             escape(str(COMPARE_REVISIONS).format(base=base)) + r'\par',
             *_summary(comparison), *_table(comparison), r'\end{document}']
    return '\n'.join(parts) + '\n'


def _summary(comparison: Comparison) -> list[str]:
    changes = ('added', 'removed', 'changed')
    parts = [rf'\section*{{{COMPARE_CHANGES_HEADING}}}',
             r'\begin{tabular}{|l|r|r|r|r|}', rf'\multicolumn{{5}}{{l}}{{{COMPARE_COUNTS_CAPTION}}}\\',
             r'\hline',
             ' & '.join([str(COMPARE_KIND_HEADER), *(str(COMPARE_CHANGES[c]) for c in changes),
                         str(COMPARE_UNCHANGED_HEADER)]) + r'\\ \hline']
    for kind in comparison.kinds():
        cells = [comparison.label(kind), *(str(comparison.count(kind, c)) for c in changes),
                 str(comparison.unchanged[kind])]
        parts.append(' & '.join(cells) + r'\\ \hline')
    parts.append(r'\end{tabular}\par\medskip')
    if not comparison.rows:
        parts.append(escape(str(COMPARE_NO_CHANGES)))
        return parts
    items = '、'.join(f'{escape(row.label)}（{COMPARE_CHANGES[row.change]}）'
                     for row in comparison.rows)
    parts.append(items + r'\par')
    return parts


def _table(comparison: Comparison) -> list[str]:
    if not comparison.rows:
        return []
    header = rf'\hline {COMPARE_COLUMN_NEW} & {COMPARE_COLUMN_OLD} \\ \hline'
    parts = [rf'\section*{{{COMPARE_TABLE_HEADING}}}',
             rf'\begin{{flushright}}{COMPARE_NOTE}\end{{flushright}}',
             r'\begin{longtable}{|p{.47\linewidth}|p{.47\linewidth}|}',
             header, r'\endfirsthead', header, r'\endhead']
    for row in comparison.rows:
        parts.append(f'{_cell(row, row.new)} & {_cell(row, row.old)} \\\\ \\hline')
    parts.append(r'\end{longtable}')
    return parts


def _cell(row: Row, lines: tuple[MarkedLine, ...] | None) -> str:
    if lines is None:
        return str(COMPARE_REMOVED if row.change == REMOVED else COMPARE_ADDED)
    label = escape(row.label if lines is row.new else (row.old_label or row.label))
    if row.renumbered:
        label = rf'\kaisei{{{label}}}'
    parts = [rf'\textsf{{\bfseries {label}}}']
    parts += [f'{escape(line.caption)}：{marked(line)}' for line in lines]
    return r'\par '.join(parts)


def marked(line: MarkedLine) -> str:
    """A line's text with each changed word in ``\\kaisei`` and breaks between them."""
    pieces: list[tuple[str, bool]] = []
    for segment in line.segments:
        if segment.changed:
            pieces += ((word, True) for word in words(segment.text) if word)
        else:
            pieces.append((segment.text, False))
    result = []
    for index, (text, changed) in enumerate(pieces):
        if index and (changed or pieces[index - 1][1]) and _may_break(pieces[index - 1][0], text):
            result.append(r'\kaiseibreak{}')
        if changed:
            # A space between changed words is underlined too (佐藤 次郎).
            result.append(r'\kaisei{\ }' if text.isspace() else rf'\kaisei{{{escape(text)}}}')
        else:
            result.append(escape(text))
    return ''.join(result)


def _may_break(before: str, after: str) -> bool:
    return before[-1] not in NO_LINE_END and after[0] not in NO_LINE_START


def typeset(tex: str, outdir: Path, name: str) -> Path:
    """Write ``name.tex`` in ``outdir`` and make ``name.pdf`` (upLaTeX twice, dvipdfmx)."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / f'{name}.tex').write_text(tex, encoding='utf-8')
    commands = [['uplatex', '-interaction=batchmode', '-halt-on-error', f'{name}.tex']] * 2
    commands.append(['dvipdfmx', '-q', f'{name}.dvi'])
    for command in commands:
        proc = subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise TypesetError(f'{command[0]} failed on {outdir / name}.tex: see {outdir / name}.log')
    return outdir / f'{name}.pdf'
