"""The 新旧対照表 as one standalone HTML page (``_build/compare/index.html``).

Changed words are ``<ins>`` on the new side and ``<del>`` on the old side, both
drawn underlined as the convention asks (傍線), so the page says what changed
to screen readers as well as to the eye. The page has no script and no
external resource; links to the new edition are relative, into ``_build/html``.
"""

from __future__ import annotations

from html import escape

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
    COMPARE_ROW_LINK,
    COMPARE_TABLE_HEADING,
    COMPARE_TITLE,
    COMPARE_UNCHANGED_HEADER,
)
from .comparison import REMOVED, Comparison, MarkedLine, Row

STYLE = """
body { font-family: "BIZ UDPGothic", "IPAexGothic", sans-serif; line-height: 1.7;
       margin: 0 auto; max-width: 72rem; padding: 1rem; }
h1 { font-size: 1.6rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: start; font-weight: bold; }
th, td { border: 1px solid currentColor; padding: .4rem .6rem; vertical-align: top; text-align: start; }
.shinkyu td { width: 50%; overflow-wrap: anywhere; }
.counts td { text-align: end; }
.item { font-weight: bold; margin: 0; }
.line { margin: .2rem 0 0; }
ins, del { text-decoration: underline; background: none; color: inherit; }
.note { text-align: end; }
body { background: #ffffff; color: #1a1a1a; }
a { color: #0b4f9c; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #e8e8e8; }
  a { color: #9cc3ff; }
}
"""


def render(comparison: Comparison, project: str, base: str, html_root: str) -> str:
    """The page; ``html_root`` is the new edition's folder relative to the page."""
    parts = [
        '<!DOCTYPE html>',
        '<html lang="ja">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<title>{escape(str(COMPARE_TITLE).format(project=project))}</title>',
        f'<style>{STYLE}</style>',
        '</head>',
        '<body>',
        '<main>',
        f'<h1>{escape(str(COMPARE_TITLE).format(project=project))}</h1>',
        f'<p>{escape(str(COMPARE_REVISIONS).format(base=base))}</p>',
        *_summary(comparison, html_root),
        *_table(comparison, html_root),
        '</main>',
        '</body>',
        '</html>',
    ]
    return '\n'.join(parts) + '\n'


def _summary(comparison: Comparison, html_root: str) -> list[str]:
    changes = ('added', 'removed', 'changed')
    head = ''.join(f'<th scope="col">{COMPARE_CHANGES[c]}</th>' for c in changes)
    parts = [f'<h2 id="summary">{COMPARE_CHANGES_HEADING}</h2>',
             '<table class="counts">', f'<caption>{COMPARE_COUNTS_CAPTION}</caption>',
             f'<thead><tr><th scope="col">{COMPARE_KIND_HEADER}</th>{head}'
             f'<th scope="col">{COMPARE_UNCHANGED_HEADER}</th></tr></thead>', '<tbody>']
    for kind in comparison.kinds():
        cells = ''.join(f'<td>{comparison.count(kind, c)}</td>' for c in changes)
        parts.append(f'<tr><th scope="row">{comparison.label(kind)}</th>{cells}'
                     f'<td>{comparison.unchanged[kind]}</td></tr>')
    parts += ['</tbody>', '</table>']
    if not comparison.rows:
        return [*parts, f'<p>{COMPARE_NO_CHANGES}</p>']
    parts.append('<ul class="changes">')
    for row in comparison.rows:
        name = _link(row.label, row.url, html_root)
        parts.append(f'<li>{name}（{COMPARE_CHANGES[row.change]}）'
                     f' <a href="#{_row_id(row)}">{COMPARE_ROW_LINK}</a></li>')
    parts.append('</ul>')
    return parts


def _table(comparison: Comparison, html_root: str) -> list[str]:
    if not comparison.rows:
        return []
    parts = [f'<h2 id="table">{COMPARE_TABLE_HEADING}</h2>', f'<p class="note">{COMPARE_NOTE}</p>',
             '<table class="shinkyu">', f'<caption>{COMPARE_TABLE_HEADING}</caption>',
             f'<thead><tr><th scope="col">{COMPARE_COLUMN_NEW}</th><th scope="col">{COMPARE_COLUMN_OLD}</th>'
             '</tr></thead>', '<tbody>']
    for row in comparison.rows:
        parts.append(f'<tr id="{_row_id(row)}">'
                     f'<td>{_cell(row, row.new, "ins", html_root)}</td>'
                     f'<td>{_cell(row, row.old, "del", html_root)}</td></tr>')
    parts += ['</tbody>', '</table>']
    return parts


def _cell(row: Row, lines: tuple[MarkedLine, ...] | None, tag: str, html_root: str) -> str:
    if lines is None:
        return f'<p class="item">{COMPARE_REMOVED if row.change == REMOVED else COMPARE_ADDED}</p>'
    if tag == 'ins':
        label = _link(row.label, row.url, html_root)
    else:
        label = escape(row.old_label or row.label)
    if row.renumbered:
        label = f'<{tag}>{label}</{tag}>'
    parts = [f'<p class="item">{label}</p>']
    for line in lines:
        text = ''.join(f'<{tag}>{escape(s.text)}</{tag}>' if s.changed else escape(s.text)
                       for s in line.segments)
        parts.append(f'<p class="line">{escape(line.caption)}：{text}</p>')
    return ''.join(parts)


def _link(label: str, url: str | None, html_root: str) -> str:
    if url is None:
        return escape(label)
    return f'<a href="{escape(f"{html_root}/{url}")}">{escape(label)}</a>'


def _row_id(row: Row) -> str:
    return 'row-' + row.key.replace(':', '-')

