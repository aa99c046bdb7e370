"""Each prose finding as a located warning: ``docs/p.md:LINE: WARNING: … [prose.<rule>]``.

At ``env-check-consistency`` (every page read, before anything is written),
when ``vision_prose_checks`` is on and the project has a textlint
configuration (``vision_prose_config``, else ``.textlintrc.json``), every Markdown page of the project is
masked (:mod:`.masking`) and textlint runs once over them all
(:mod:`.textlint`). A finding on a line of quoted text (the committee's
words) is dropped, and so is one on a line a ``% prose-ok: RULE`` comment
waives. Each other finding is logged with the page and the MyST
source line as its location, as type ``prose`` and the rule as subtype, so
``-W`` fails on it and ``suppress_warnings = ['prose.<rule>']`` silences a
rule. With ``vision_prose_server`` (the preview), the pages go to one
textlint process kept between builds (:mod:`.server`) instead of a new
``textlint`` run. If textlint cannot run, that is one ``[vision.prose]`` warning and the
build goes on.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..build_state import build_state
from ..messages import N_, translated
from ..object_types import object_types
from . import masking, textlint
from .server import TextlintServer

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The project's textlint configuration when ``vision_prose_config`` is empty.
DEFAULT_CONFIG = '.textlintrc.json'

#: The rules whose own messages are English: their Japanese, saying how to fix it.
ENGLISH_MESSAGES = {
    'ja-technical-writing/sentence-length': N_(
        'This sentence is too long: split it into shorter sentences'),
    'ja-technical-writing/max-comma': N_(
        'This sentence has too many commas (,): split it or rewrite it'),
    'ja-technical-writing/no-hankaku-kana': N_(
        'Half-width katakana: write it in full-width katakana'),
    'ja-technical-writing/no-nfd': N_(
        'A voiced sound mark stands apart from its letter (NFD): type the letter again as one character'),
    'ja-technical-writing/no-zero-width-spaces': N_(
        'An invisible zero-width space is here: delete it'),
    'ja-technical-writing/no-invalid-control-character': N_(
        'An invisible control character is here: delete it'),
    'ja-technical-writing/no-unmatched-pair': N_(
        'A bracket or quotation mark has no partner: add the closing (or opening) one'),
}
_JAPANESE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff]')
#: How the notes of the 公用文 dictionary (kouyoubun.yml) begin: the note says how to write it.
KOUYOUBUN = '公用文作成の考え方'
#: textlint-rule-prh's message: ``事業継承 => 事業承継`` and the dictionary's note.
_PRH = re.compile(r'^(?P<found>.+?) => (?P<expected>\S+)(?:\s+(?P<note>.*))?$')


def message_of(finding: textlint.Finding) -> str:
    """The finding's message in Japanese (the rule's own, when it is Japanese)."""
    text = ' '.join(finding.message.split())
    prh = _PRH.match(text) if finding.rule == 'prh' else None
    if prh and (prh['note'] or '').startswith(KOUYOUBUN):
        return translated(N_('Write "%s" instead of "%s": %s'),
                          prh['expected'], prh['found'], prh['note'])
    if prh:
        return translated(N_('Write "%s" instead of "%s" (the house dictionary prh.yml) %s'),
                          prh['expected'], prh['found'], prh['note'] or '').rstrip()
    # English, perhaps quoting Japanese: "Disallow to use 半角カタカナ: …".
    if finding.rule in ENGLISH_MESSAGES and not _JAPANESE.match(text):
        return translated(ENGLISH_MESSAGES[finding.rule])
    return text


def quoted_directives(config: Config) -> frozenset[str]:
    """The directives whose body is the committee's words (``quoted_text`` types)."""
    return frozenset(kind.key for kind in object_types(config) if kind.quoted_text)


#: In the build state's transient part: the pages read in this build.
_READ = 'prose_pages_read'


def note_pages_to_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    build_state(env).transient[_READ] = set(docnames)


def masked_pages(env: BuildEnvironment) -> tuple[dict[str, str], dict[str, tuple[str, masking.Masked]]]:
    """``{path under srcdir: masked text}`` and ``{path: (docname, masked page)}`` of
    the pages read in this build (every page in a fresh one)."""
    srcdir = Path(env.srcdir)
    quoted = quoted_directives(env.config)
    pages: dict[str, str] = {}
    where: dict[str, tuple[str, masking.Masked]] = {}
    for docname in sorted(build_state(env).transient.get(_READ, ())):
        path = Path(env.doc2path(docname))
        if path.suffix != '.md' or not path.is_file():
            continue
        relative = path.resolve().relative_to(srcdir.resolve()).as_posix()
        masked = masking.mask(path.read_text(encoding='utf-8'), quoted)
        pages[relative] = masked.text
        where[relative] = (docname, masked)
    return pages, where


#: The textlint process kept for the preview (``vision_prose_server``), in the transient part.
_SERVER = 'prose_server'


def server_for(app: Sphinx) -> TextlintServer:
    transient = build_state(app.env).transient
    if _SERVER not in transient:
        transient[_SERVER] = TextlintServer(app.config.vision_node)
    return transient[_SERVER]


def close_server(app: Sphinx) -> None:
    """Stop the textlint process kept for ``app``, if any (the preview replaces its application)."""
    server = build_state(app.env).transient.pop(_SERVER, None)
    if server is not None:
        server.close()


def check_prose(app: Sphinx, env: BuildEnvironment) -> None:
    if not app.config.vision_prose_checks:
        return
    config = Path(app.confdir, app.config.vision_prose_config or DEFAULT_CONFIG)
    if not config.is_file():
        if not app.config.vision_prose_config:
            return  # a project without prose rules
        logger.warning('The prose checks need their textlint configuration %s, which is missing',
                       config, type='vision', subtype='prose')
        return
    pages, where = masked_pages(env)
    try:
        results = (server_for(app).run(pages, config) if app.config.vision_prose_server
                   else textlint.run(pages, config))
    except textlint.TextlintError as error:
        logger.warning('textlint could not check the prose (is it installed? run make deps): %s',
                       error, type='vision', subtype='prose')
        return
    for relative in sorted(results):
        docname, masked = where[relative]
        for finding in results[relative]:
            if finding.line in masked.quoted or masked.waived(finding.line, finding.rule):
                continue
            logger.warning('Prose: %s', message_of(finding), location=(docname, finding.line),
                           type='prose', subtype=finding.rule)


def setup(app: Sphinx) -> None:
    app.connect('env-before-read-docs', note_pages_to_read)
    app.connect('env-check-consistency', check_prose)
