"""Pages and data files are UTF-8; any other encoding is a located warning.

Editors on Windows sometimes save a file in Shift_JIS. Sphinx itself then
stops with a traceback in ``read_doc`` (it decodes pages strictly). Here
each page about to be read is checked first: a page that is not UTF-8 gets
a warning at the line of its first bad byte, naming the expected encoding
(and the one it seems to be in), and is read with the bad bytes replaced
(U+FFFD), so the build goes on and ``-W`` fails it. Data files use
:func:`decode` for the same message.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from sphinx.util import logging

from .build_state import build_state
from .messages.catalogue import translated

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

EXPECTED = 'UTF-8'
#: Encodings an editor's file may be in instead, tried in this order for the hint.
_LIKELY = (('cp932', 'Shift_JIS'), ('euc_jp', 'EUC-JP'), ('utf-16', 'UTF-16'))
#: The lenient reading of pages, used only while a page that is not UTF-8 is read.
LENIENT = 'vision_utf_8_sig_replace'
_STRICT_NAMES = {'utf-8', 'utf-8-sig', 'utf8', 'utf_8', 'utf_8_sig'}


class DecodingProblem(ValueError):
    """Where a file stops being UTF-8: 1-based line and column, and the message."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def decode(data: bytes) -> str:
    """``data`` as UTF-8 (a byte-order mark is dropped), or :class:`DecodingProblem`."""
    try:
        return data.decode('utf-8-sig')
    except UnicodeDecodeError as exc:
        raise problem(data, exc) from None


def problem(data: bytes, exc: UnicodeDecodeError) -> DecodingProblem:
    start = data.rfind(b'\n', 0, exc.start) + 1
    line = data.count(b'\n', 0, exc.start) + 1
    column = len(data[start:exc.start].decode('utf-8-sig', 'replace')) + 1
    seems = next((name for codec, name in _LIKELY if _decodes(data, codec)), None)
    byte = f'0x{data[exc.start]:02X}'
    if seems:
        message = translated('the file is not %s (it seems to be %s): byte %s on this line is the '
                             'first that is not %s; save the file as %s', EXPECTED, seems, byte,
                             EXPECTED, EXPECTED)
    else:
        message = translated('the file is not %s: byte %s on this line is the first that is not '
                             '%s; save the file as %s', EXPECTED, byte, EXPECTED, EXPECTED)
    return DecodingProblem(line, column, message)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


class _LenientDecoder(codecs.lookup('utf-8-sig').incrementaldecoder):  # type: ignore[misc]
    def __init__(self, errors: str = 'strict') -> None:
        super().__init__('replace')


def _lenient_codec(name: str) -> codecs.CodecInfo | None:
    if name != LENIENT:
        return None
    utf8 = codecs.lookup('utf-8-sig')
    return codecs.CodecInfo(
        name=LENIENT, encode=utf8.encode,
        decode=lambda data, errors='strict': utf8.decode(data, 'replace'),
        incrementalencoder=utf8.incrementalencoder, incrementaldecoder=_LenientDecoder,
        streamreader=utf8.streamreader, streamwriter=utf8.streamwriter)


codecs.register(_lenient_codec)


#: The pages of this read that are not UTF-8, with where they stop being UTF-8
#: (in the build state's transient part).
_NOT_UTF8 = 'pages_not_utf8'


def check_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Find the pages to be read that are not UTF-8, and read those leniently."""
    if env.settings.get('input_encoding', '').lower() not in _STRICT_NAMES | {LENIENT}:
        return  # a project that chose another source_encoding
    found: dict[str, DecodingProblem] = {}
    for docname in docnames:
        try:
            decode(env.doc2path(docname).read_bytes())
        except DecodingProblem as bad:
            found[docname] = bad
        except OSError:
            continue  # Sphinx reports a file it cannot read
    build_state(env).transient[_NOT_UTF8] = found
    env.settings['input_encoding'] = LENIENT if found else app.config.source_encoding


def warn_page(app: Sphinx, docname: str, source: list[str]) -> None:
    """Warn while the page itself is read, so the warning belongs to the page."""
    bad = build_state(app.env).transient.get(_NOT_UTF8, {}).get(docname)
    if bad is not None:
        logger.warning(bad.message, location=(docname, bad.line),
                       type='vision', subtype='encoding')


def setup(app: Sphinx) -> None:
    app.connect('env-before-read-docs', check_pages)
    app.connect('source-read', warn_page)
