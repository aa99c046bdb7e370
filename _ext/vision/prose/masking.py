"""A MyST page as textlint should read it, with the same line numbers.

Every source line gives exactly one line of the masked text, so textlint's
line is the MyST source's line. What is not prose becomes an empty line:

- directive fences (``:::{goal} G1-1``, ```` ```{rubric} ```` ...), their
  closing fences, label lines (``(policy-1)=``) and comments (``% ...``);
- directive options (``:goals: G1-1``), except ``:title:``, whose words are
  the object's title: it becomes a heading (``# 題名``), which textlint checks
  as a heading, not as a sentence;
- the whole body of a code, mermaid, raw or toctree fence;
- a role's target: ``{index}`語` `` keeps 語, ``{ref}`文 <target>` `` keeps
  文, ``{goal}`G1-1` `` is dropped.

Quoted text, whose wording is the committee's and is not corrected, is the
body of a directive named in ``quoted`` (the object types whose
``quoted_text`` is set: ``{opinion}``) and of a Markdown block quote (lines that begin with ``>``).
:func:`mask` returns its lines (1-based) beside the masked text.

A waiver is a comment line ``% prose-ok: RULE 理由``: the rule (its full id,
``jtf-style/4.1.1.句点(。)``, or the part after the preset's ``/``) gives no
finding on the next line that is not a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Directives whose body is not prose at all.
VERBATIM_DIRECTIVES = frozenset({'mermaid', 'code', 'code-block', 'sourcecode', 'raw', 'toctree',
                                 'csv-table', 'math', 'literalinclude', 'include', 'eval-rst'})
#: Roles whose content is words of the text (the rest name a target).
TEXT_ROLES = frozenset({'index', 'term', 'abbr', 'sub', 'sup', 'strong', 'emphasis', 'dfn'})

_FENCE = re.compile(r'^\s*(?P<mark>`{3,}|~{3,}|:{3,})\s*(?P<info>\S*)')
_OPTION = re.compile(r'^\s*:(?P<name>[\w-]+):(?:\s+(?P<value>.*))?$')
_LABEL = re.compile(r'^\s*\([^()\s]+\)=\s*$')
_WAIVER_START = re.compile(r'\s*%\s*prose-ok:')
_WAIVER = re.compile(_WAIVER_START.pattern + r'\s*(?P<rule>\S+)\s*(?P<reason>.*)$')
_ROLE = re.compile(r'\{(?P<name>[\w:-]+)\}`(?P<content>[^`]*)`')


@dataclass
class Masked:
    text: str
    #: 1-based lines of quoted text (the committee's wording).
    quoted: set[int] = field(default_factory=set)
    #: 1-based line -> the rules waived on it.
    waivers: dict[int, set[str]] = field(default_factory=dict)
    #: (line of the comment, rule, reason) of each waiver, for make check's list.
    waiver_comments: list[tuple[int, str, str]] = field(default_factory=list)

    def waived(self, line: int, rule: str) -> bool:
        rules = self.waivers.get(line, set())
        return rule in rules or rule.partition('/')[2] in rules


def is_waiver(line: str) -> bool:
    """Whether ``line`` is a waiver comment, even one that names no rule yet
    (:mod:`vision.page_text.lost_text` never reports one as lost text)."""
    return _WAIVER_START.match(line) is not None


def _role(match: re.Match[str]) -> str:
    name, content = match['name'].rpartition(':')[2], match['content']
    titled = re.match(r'^(?P<title>.*?)\s*<[^<>]*>$', content)
    if titled:
        return titled['title']
    return content if name in TEXT_ROLES else ''


def _directive(info: str) -> str:
    found = re.match(r'^\{([\w:-]+)\}', info)
    return found.group(1) if found else ('code' if info else '')


def mask(source: str, quoted_directives: frozenset[str] = frozenset()) -> Masked:
    """The page's prose, line for line, and which of its lines are quoted."""
    lines = source.split('\n')
    out: list[str] = []
    quoted: set[int] = set()
    #: Open fences: (mark, directive, quoted, verbatim).
    stack: list[tuple[str, str, bool, bool]] = []
    in_options = False
    pending: set[str] = set()
    waivers: dict[int, set[str]] = {}
    comments: list[tuple[int, str, str]] = []
    front_matter = bool(lines) and lines[0].strip() == '---'
    for number, line in enumerate(lines, start=1):
        if front_matter:
            out.append('')
            if number > 1 and line.strip() == '---':
                front_matter = False
            continue
        verbatim = bool(stack) and stack[-1][3]
        fence = _FENCE.match(line)
        if fence and stack and fence['mark'][0] == stack[-1][0][0] \
                and len(fence['mark']) >= len(stack[-1][0]) and not fence['info']:
            stack.pop()
            out.append('')
            in_options = False
            continue
        if verbatim:
            out.append('')
            continue
        if fence:
            name = _directive(fence['info'])
            is_quoted = (name in quoted_directives) or any(s[2] for s in stack)
            stack.append((fence['mark'], name, is_quoted, name in VERBATIM_DIRECTIVES
                          or (fence['mark'][0] != ':' and not fence['info'].startswith('{'))))
            out.append('')
            in_options = bool(name)
            continue
        option = _OPTION.match(line) if in_options else None
        if option:
            out.append(f"# {option['value']}" if option['name'] == 'title' and option['value'] else '')
            continue
        in_options = False
        waiver = _WAIVER.match(line)
        if waiver:
            pending.add(waiver['rule'])
            comments.append((number, waiver['rule'], waiver['reason']))
        if _LABEL.match(line) or line.lstrip().startswith('%'):
            out.append('')
            continue
        if pending:
            waivers[number], pending = pending, set()
        if (stack and stack[-1][2] and line.strip()) or line.lstrip().startswith('>'):
            quoted.add(number)
        out.append(_ROLE.sub(_role, line))
    return Masked('\n'.join(out), quoted, waivers, comments)
