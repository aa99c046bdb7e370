"""Incremental builds after a change to the tree of pages equal clean builds.

Sphinx's incremental build handles an edit inside pages, not a change of
which pages there are or of their order:

- it forgets a removed page but leaves its ``.html`` (and its copied source
  under ``_sources/``) in the output directory, where it is still served;
- it rewrites only the pages it re-read, so every other page keeps the old
  navigation: a sidebar and a "next" link to the removed page, none to an
  added one, the old order after a toctree was reordered, a page's old title
  after it was retitled.

Here the toctree structure and the pages' titles are remembered before the
sources are read and compared after: when pages were added or removed, any
toctree changed or any title did, every page is rewritten (reading stays
incremental); and the files of removed pages are deleted once the build has
finished.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder

from ..build_state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: In the build state's transient part: the pages removed, and (the page tree
#: before this build's reading, whether pages were added or removed).
_REMOVED = 'page_tree_removed'
_BEFORE = 'page_tree_before'


def note_changes(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                 removed: set[str]) -> list[str]:
    build_state(env).transient.setdefault(_REMOVED, set()).update(removed)
    build_state(env).transient[_BEFORE] = (page_tree(env), bool(added or removed))
    return []


def page_tree(env: BuildEnvironment) -> tuple[dict[str, list[str]], dict[str, str]]:
    """What every page's navigation shows: the toctrees, and each page's title."""
    return ({docname: list(children) for docname, children in env.toctree_includes.items()},
            {docname: title.astext() for docname, title in env.titles.items()})


def rewrite_all_if_the_tree_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """At ``env-get-updated``: every page, if the page tree changed, else none."""
    before, added_or_removed = build_state(env).transient.pop(_BEFORE, (None, False))
    if added_or_removed or before != page_tree(env):
        return sorted(env.all_docs)
    return []


def outputs_of(builder: StandaloneHTMLBuilder, docname: str) -> list[Path]:
    """The files an HTML build writes for ``docname`` alone."""
    paths = [Path(builder.get_outfilename(docname))]
    if builder.copysource:
        # The source's suffix is gone with the source: try each one the project has.
        paths += [Path(builder.outdir, '_sources',
                       f'{docname}{suffix}{builder.config.html_sourcelink_suffix}')
                  for suffix in builder.config.source_suffix]
    return paths


def delete_outputs(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return  # the next build deletes them
    removed = build_state(app.env).transient.pop(_REMOVED, set())
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    for docname in sorted(removed - set(app.env.all_docs)):
        for path in outputs_of(app.builder, docname):
            path.unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    app.connect('env-get-outdated', note_changes)
    app.connect('env-get-updated', rewrite_all_if_the_tree_changed)
    app.connect('build-finished', delete_outputs)
