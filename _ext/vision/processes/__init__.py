"""Processes kept running between builds of one Python process, for the editors' preview.

- :mod:`.node_process`: one long-lived ``node SCRIPT`` process that answers
  JSON requests sent as lines on its stdin; the prose checks' textlint
  (:mod:`vision.prose.server`) and the diagrams' browser
  (:mod:`vision.diagrams.render_server`) each speak their own protocol over it.

May import: the standard library only (no part, no shared top module); it
registers nothing with Sphinx.
"""
