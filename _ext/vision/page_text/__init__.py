"""Checks of the page text editors type, for what MyST would drop or misread
without a word.

MyST reads many slips as valid Markdown: a hard-wrapped line that starts
with ``%`` is a comment, an unclosed ``<!--`` hides the rest of the page,
``：：：｛goal｝`` typed by an IME is plain text, an Excel row with one cell
too many loses it. The doctree no longer shows what was lost, so these checks
read the page's own text, parsed by the project's MyST parser (with line
numbers), and warn at ``file:line`` with what was lost and how to fix it.

- :mod:`.blocks`: the page's Markdown blocks with page line numbers, directive
  bodies included;
- :mod:`.lost_text`: ``%`` lines inside a paragraph, unclosed ``<!--``;
- :mod:`.near_miss`: full-width or near-miss directive and role syntax, a BOM
  inside the page;
- :mod:`.pipe_tables`: table rows whose cells differ from the header, pipe
  lines that did not become a table;
- :mod:`.includes`: an ``{include}`` that includes itself, directly or not;
- :mod:`.report`: runs the checks on every page and included file it reads.

May import: the shared top modules, :mod:`vision.prose.masking` (the
``% prose-ok:`` waiver syntax), Sphinx, docutils and myst_parser only.
"""
