"""A complete, made-up plan in the site's shape, for the tests that need a whole
site (make new, make check, parallel builds) without reading the site's docs/.

Its names and facts are invented; the editors' ordinary edits of the real
site cannot break the tests that build it.
"""

project = '架空区サンプル計画'
author = '架空区'
copyright = '2023 架空区'
language = 'ja'
root_doc = 'index'
vision_stage = '素案'
version = vision_stage
vision_created = '2023-04-01'
vision_contact = {'section': '産業部 サンプル課'}
vision_colophon = {'publisher': '架空区', 'editor': '産業部 サンプル課'}

extensions = ['myst_parser', 'sphinxcontrib.mermaid', 'vision']
myst_enable_extensions = ['colon_fence', 'deflist', 'fieldlist']
myst_heading_anchors = 0
exclude_patterns = ['_build']
numfig = True
numfig_secnum_depth = 1
numfig_format = {'figure': '図%s', 'table': '表%s'}
html_theme = 'pydata_sphinx_theme'
html_title = project
latex_engine = 'uplatex'
latex_documents = [(root_doc, 'sample-plan.tex', project, author, 'manual')]
# A two-page stand-in for the PDF edition, linked from every page.
vision_pdf = 'edition.pdf'
# And for the 概要版, linked from the front page and the top of every page.
vision_summary_pdf = 'summary-edition.pdf'

# As the site's conf.py: the theme and what the published folder holds.
html_theme_options = {
    'navigation_with_keys': False,
    'show_prev_next': True,
    'navbar_center': [],
    'navbar_end': ['navbar-icon-links'],
    'footer_start': ['copyright', 'vision-footer-links'],
    'footer_end': [],
}
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
latex_show_urls = 'no'
latex_table_style = ['booktabs']
latex_elements = {
    'papersize': 'a4paper',
    'pointsize': '10pt',
    'extraclassoptions': 'openany,oneside',
    'figure_align': 'H',
    'preamble': r'\usepackage{pxjahyper}',
}
