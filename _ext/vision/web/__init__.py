"""The residents' HTML site.

Owns the theme's templates and adjustments (:mod:`.theme`, ``templates/``),
the theme trimmed to what residents use (:mod:`.lean_theme`, :mod:`.theme_css`),
the stylesheets and static files (:mod:`.html_assets`, ``static/``), the
ward page's essentials on every page (:mod:`.page_info`: PDF link, dates,
contact), the sidebar's page tree (:mod:`.page_tree`), what the published
folder holds (:mod:`.published_files`), the HTML-only forms of the matrix and
of object headings, dates kept on one line, and the check of raw HTML that
editors type.

May import: :mod:`vision.domain`, :mod:`vision.diagrams`, :mod:`vision.views`
and the shared top modules. Nothing but :mod:`vision.editions` imports it.
"""
