"""Every message of the extension and the editors' tools has its Japanese in
``vision-messages.po``, with the same placeholders, and the committed ``.mo``
is that ``.po`` compiled (issue 24). A new message without Japanese fails here,
not in front of an editor."""

from __future__ import annotations

import io
import re

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from message_formats import PACKAGE, ROOT, code_paths, read

CATALOGUE = PACKAGE / 'locale' / 'ja' / 'LC_MESSAGES' / 'vision-messages.po'
PLACEHOLDER = re.compile(r'%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]')

#: Calls whose message the scan cannot read, each passing on a message whose
#: format is written (and scanned) where it is made.
PASS_THROUGH = {
    # The catalogue's own functions and the logging filter.
    ('_ext/vision/messages/catalogue.py', 'translated'),
    ('_ext/vision/messages/records.py', 'filter'),
    # Messages made with translated() or kept as N_() formats, logged later.
    ('_ext/vision/datafiles/loading.py', '_warn'),
    ('_ext/vision/datafiles/loading.py', 'report_problems'),
    ('_ext/vision/datafiles/loading.py', '_schema_message'),
    ('_ext/vision/datafiles/loading.py', '_json_type_name'),
    ('_ext/vision/datafiles/loading.py', '_yaml_problem'),
    ('_ext/vision/encoding.py', 'warn_page'),
    ('_ext/vision/print_edition/index_readings.py', '_warn'),
    ('_ext/vision/print_edition/index_readings.py', '_entries'),
    ('_ext/vision/translation/lookup.py', 'warn_out_of_date'),
    ('_ext/vision/views/tables.py', 'warn'),
    # The page-text checks' Finding(line, message) constants.
    ('_ext/vision/page_text/report.py', '_warn'),
    ('_ext/vision/page_text/report.py', 'check_page'),
    ('_ext/vision/page_text/report.py', 'check_include'),
    # The prose checks: N_() formats of the rules whose own messages are English,
    # textlint's own error (a path or its stderr), logged as an argument, and
    # its findings' messages (textlint's text, worded by message_of).
    ('_ext/vision/prose/report.py', 'message_of'),
    ('_ext/vision/prose/textlint.py', 'run'),
    ('_ext/vision/prose/textlint.py', 'findings_of'),
}


def japanese_catalogue() -> dict[str, str]:
    with CATALOGUE.open('rb') as po:
        return {str(entry.id): str(entry.string) for entry in read_po(po) if entry.id}


def untranslated(formats: dict[str, list[str]], catalogue: dict[str, str]) -> list[str]:
    """Each format without Japanese, or whose Japanese has other placeholders."""
    return sorted(f'{where[0]}: {message!r}' for message, where in formats.items()
                  if not catalogue.get(message)
                  or PLACEHOLDER.findall(catalogue[message]) != PLACEHOLDER.findall(message))


def test_every_message_has_its_japanese():
    formats = read(code_paths())
    assert len(formats.found) > 100  # the scan sees the messages
    assert untranslated(formats.found, japanese_catalogue()) == []


def test_every_message_the_scan_cannot_read_is_a_known_pass_through():
    """An f-string or a variable logged directly would escape the check above."""
    assert read(code_paths()).opaque - PASS_THROUGH == set()


def test_the_tools_print_only_through_the_catalogue():
    assert read(code_paths()).literal == []


def test_the_check_finds_an_untranslated_message(tmp_path):
    """The control: a planted module with a new English warning, an f-string
    warning and a tool's untranslated line; and a translated one that passes."""
    planted = tmp_path / 'planted.py'
    planted.write_text(
        'def check(logger, name):\n'
        "    logger.warning('a planted message about %s with no Japanese', name)\n"
        "    logger.warning(f'an f-string about {name}')\n"
        "    logger.warning('data file %s not found', name)\n"
        "    print(translated('another planted line'))\n"
        "    print(f'make new: {name} を追加しました')\n", encoding='utf-8')
    formats = read([planted], root=tmp_path, tools=[planted])
    assert sorted(untranslated(formats.found, japanese_catalogue())) == sorted([
        "planted.py:2: 'a planted message about %s with no Japanese'",
        "planted.py:5: 'another planted line'"])
    assert formats.opaque == {('planted.py', 'check')}
    assert formats.literal == ['planted.py:6']
    # A placeholder the Japanese lacks is caught too.
    assert untranslated({'data file %s not found': ['x']}, {'data file %s not found': 'ありません'})


def test_the_catalogue_has_no_entry_the_code_no_longer_gives():
    formats = read(code_paths())
    assert sorted(set(japanese_catalogue()) - set(formats.found)) == []


def test_the_committed_mo_is_the_po_compiled():
    """``make catalogue`` writes the .mo that is committed (CI does not compile it)."""
    with CATALOGUE.open('rb') as po:
        catalogue = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    assert CATALOGUE.with_suffix('.mo').read_bytes() == compiled.getvalue(), 'run make catalogue'


def test_the_tools_are_scanned():
    assert {path.relative_to(ROOT).as_posix() for path in code_paths()} >= {
        'tools/check.py', 'tools/new_object.py', 'tools/preview.py'}
