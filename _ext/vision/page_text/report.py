"""Runs the page-text checks on every MyST page and included file Sphinx reads.

Each finding is a warning at ``file:line`` (``type='vision'``, its own
subtype), so ``-W`` fails the build and editors can silence one kind.
Pages are checked on ``source-read``; files that a MyST page brings in by
``{include}`` on ``include-read``, unless they are pages themselves (checked
once, as pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from ..build_state import build_state
from . import blocks, includes, lost_text, near_miss, pipe_tables

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from sphinx.application import Sphinx

    from .findings import Finding

logger = logging.getLogger(__name__)

CHECKS = (lost_text.find, near_miss.find, pipe_tables.find)

#: In the build state's transient part: the Markdown parser, and the includes
#: that close a circle in the page being read.
_PARSER = 'page_text_parser'
_CIRCULAR = 'page_text_circular_includes'


def _parser(app: Sphinx) -> MarkdownIt:
    transient = build_state(app.env).transient
    if _PARSER not in transient:
        transient[_PARSER] = blocks.parser(getattr(app.env, 'myst_config', None))
    return transient[_PARSER]


def _warn(finding: Finding, location: Any) -> None:
    logger.warning(finding.message, *finding.args, location=location, type='vision',
                   subtype=finding.subtype)


def _findings(app: Sphinx, text: str) -> list[Finding]:
    page = blocks.read(text, _parser(app))
    return sorted((finding for check in CHECKS for finding in check(page)),
                  key=lambda finding: finding.line)


def check_page(app: Sphinx, docname: str, source: list[str]) -> None:
    path = Path(app.env.doc2path(docname))
    if path.suffix != '.md':
        return
    srcdir = Path(app.srcdir)
    circles = includes.cycles(path, source[0], srcdir, _parser(app))
    build_state(app.env).transient[_CIRCULAR] = {(cycle.file.stem, cycle.target) for cycle in circles}
    for cycle in circles:  # in other files: at their own lines
        if cycle.file != path.resolve():
            _warn(cycle.finding(srcdir), f'{cycle.file}:{cycle.line}')
    here = [cycle.finding(srcdir) for cycle in circles if cycle.file == path.resolve()]
    for finding in sorted([*here, *_findings(app, source[0])], key=lambda f: f.line):
        _warn(finding, (docname, finding.line))


def check_include(app: Sphinx, relative_path: Path, parent_docname: str,
                  content: list[str]) -> None:
    path = (Path(app.srcdir) / relative_path).resolve()
    if (parent_docname, path) in build_state(app.env).transient.get(_CIRCULAR, set()):
        content[0] = ''  # warned at the include's line; MyST would recurse without end
        return
    reading = Path(app.env.doc2path(app.env.docname))
    if reading.suffix != '.md' or app.env.path2doc(str(path)) is not None:
        return  # included into reStructuredText, or a page checked on its own
    for finding in _findings(app, content[0]):
        _warn(finding, f'{path}:{finding.line}')


def setup(app: Sphinx) -> None:
    app.connect('source-read', check_page)
    app.connect('include-read', check_include)
