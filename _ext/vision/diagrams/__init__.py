"""Diagrams drawn from mermaid text at build time.

Owns the diagram node and its pipeline (:mod:`.mermaid`: inline SVG in HTML,
vector PDF in LaTeX, editors' mermaid fences), the batch renderer and its
cache (:mod:`.mermaid_render` with ``mermaid_render.mjs``), and the structure
diagram (体系図) drawn from the vision's objects (:mod:`.structure`).

May import: :mod:`vision.domain`, :mod:`vision.processes` (the preview's kept
browser), :mod:`vision.config`, :mod:`vision.labels`.
"""
