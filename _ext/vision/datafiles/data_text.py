"""The data files' words in the English edition (issue 23): offered to gettext, translated when shown.

The strings readers see in ``data/meetings.yaml`` (the committee's name, the
meetings' topics, the schedule's steps) and ``data/members.yaml`` (groups and
titles; names of people are not translated) are the messages of one
catalogue, ``data`` (``locales/en/LC_MESSAGES/data.po``):

- Sphinx's gettext builder gets them, each at its ``data/….yaml:LINE``, when
  it starts writing (``make translations`` merges ``data.pot`` into
  ``data.po`` with sphinx-intl and counts it like a page);
- the data directives show each in the build's language (:class:`DataText`);
  what is not translated, or is out of date, is shown in Japanese, marked as
  the page text is (:func:`vision.translation.lookup.marked`);
- once per build, after reading, each string whose translation is out of date
  (fuzzy, or changed in the data file since it was translated) gives the
  located warning ``data/meetings.yaml:LINE: translation out of date``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.gettext import MsgOrigin

from ..translation import lookup as translation
from .committee import MEETINGS_FILE, MEMBERS_FILE, check_meetings, check_members
from .loading import DataFile, FieldPath, confdir_of, read

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Each data file's schema and checks, and the paths of its translatable strings ('*': every entry).
DATA_FILES: dict[str, tuple[str, tuple, tuple[FieldPath, ...]]] = {
    MEETINGS_FILE: ('meetings', (check_meetings,),
                    (('committee',), ('meetings', '*', 'topics'), ('steps', '*', 'title'))),
    MEMBERS_FILE: ('members', (check_members,),
                   (('members', '*', 'group'), ('members', '*', 'title'))),
}


def strings(file: DataFile) -> Iterator[tuple[str, int]]:
    """The translatable strings of a loaded data file, each with its line, in file order."""
    patterns = DATA_FILES.get(file.relpath, ('', (), ()))[2]
    found = []
    for path, line in file.lines.items():
        if any(len(path) == len(pattern) and all(p in ('*', part) for p, part in zip(pattern, path))
               for pattern in patterns):
            value = _value_at(file.data, path)
            if isinstance(value, str) and value.strip():
                found.append((line, value))
    for line, value in sorted(found):
        yield value, line


def _value_at(data: Any, path: FieldPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class DataText:
    """The words of one data file in this build's language, for a directive reading it."""

    def __init__(self, env: BuildEnvironment, file: DataFile) -> None:
        self.env = env
        self.source = str(confdir_of(env) / file.relpath)
        self.lines = {value: line for value, line in reversed(list(strings(file)))}
        self.states: dict[str, str] = {}

    def __call__(self, text: str | None) -> str:
        """``text`` translated, or as it is (and remembered as not translated)."""
        if not text:
            return text or ''
        found = translation.translate(self.env, text, None, domain=translation.DATA_DOMAIN,
                                      source=self.source, line=self.lines.get(text), warn=False)
        if found.shown_in_source_language:
            self.states[found.text] = found.state
        return found.text

    def cell(self, text: str) -> nodes.Element:
        """A table cell of shown text: marked as Japanese when it was not translated."""
        paragraph = nodes.paragraph(text, text)
        state = self.states.get(text)
        if state is None or not translation.translating(self.env):
            return paragraph
        return translation.marked(paragraph, state)


def _data_files(app: Sphinx) -> Iterator[DataFile]:
    for relpath, (schema, checks, _paths) in DATA_FILES.items():
        file = read(app.confdir, relpath, schema, checks)
        if file is not None and file.data is not None:
            yield file


def offer_to_gettext(app: Sphinx, builder: Builder) -> None:
    """Sphinx's gettext builder: every data string into the ``data`` catalogue, at its file and line."""
    if builder.name != 'gettext':
        return
    catalogue = builder.catalogs[translation.DATA_DOMAIN]  # type: ignore[attr-defined]
    for file in _data_files(app):
        source = str(Path(app.confdir, file.relpath))
        for value, line in strings(file):
            catalogue.add(value, MsgOrigin(source, line))


def warn_out_of_date(app: Sphinx, env: BuildEnvironment) -> None:
    """A translated build: each out-of-date data string once, at its file and line."""
    if not translation.translating(env):
        return
    path, page = translation.lookup(env, translation.DATA_DOMAIN)
    for file in _data_files(app):
        source = str(Path(app.confdir, file.relpath))
        for value, line in strings(file):
            if page.state(value, source, line) in (translation.FUZZY, translation.STALE):
                translation.warn_out_of_date(path, f'{file.relpath}:{line}')


def setup(app: Sphinx) -> None:
    app.connect('write-started', offer_to_gettext)
    app.connect('env-check-consistency', warn_out_of_date)
