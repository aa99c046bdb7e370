"""A second, made-up plan: 「○○市産業振興計画」, built by the same extension
from configuration alone (issue 20). Three levels, 基本目標 → 施策 → 事業, with
成果指標 under 施策, and no main theme; none of the Setagaya vision's names.
"""

project = '○○市産業振興計画'
author = '○○市'
copyright = '2025, ○○市'
language = 'ja'
root_doc = 'index'
vision_stage = '案'
version = vision_stage
vision_created = '2025-01-20'
vision_contact = {'section': '産業振興部 産業政策課'}
vision_colophon = {'publisher': '○○市', 'editor': '産業振興部 産業政策課'}
vision_publication_date = '2025-03'

# -- The plan's own words and types -----------------------------------------------
vision_document_name = '産業振興計画'
vision_ordinance = '○○市中小企業振興基本条例'
vision_object_types = {
    '*': None,  # none of the default types: only these
    'objective': {
        'prefix': 'B', 'id_pattern': r'B[0-9]+', 'id_example': 'B1', 'name': '基本目標',
        'hierarchy': True, 'warn_childless': 'measure', 'group_label': '{count}つの基本目標',
        'backlinks': {'measure': 'この基本目標の施策'},
    },
    'measure': {
        'prefix': 'S', 'id_pattern': r'S[0-9]+-[0-9]+', 'id_example': 'S1-1', 'name': '施策',
        'parent': 'objective', 'links': {'objective': 'objective'},
        'required': ['title', 'objective'], 'number_under_parent': True, 'show_fields': False,
        'hierarchy': True, 'columns': ['id', 'title', 'objective'],
        'backlinks': {'project': 'この施策の事業', 'outcome': 'この施策の成果指標'},
    },
    'project': {
        'prefix': 'J', 'id_pattern': r'J[0-9]+', 'id_example': 'J1', 'name': '事業',
        'parent': 'measure', 'links': {'measures': 'measure'}, 'required': ['title', 'measures'],
        'hierarchy': True, 'diagram_label': 'full', 'columns': ['id', 'title', 'measures'],
    },
    'outcome': {
        'prefix': 'R', 'id_pattern': r'R[0-9]+', 'id_example': 'R1', 'name': '成果指標',
        'parent': 'measure', 'links': {'measures': 'measure'}, 'required': ['title', 'measures'],
        'fields': ['unit', 'baseline', 'target', 'year'],
        'columns': ['id', 'title', 'unit', 'baseline', 'target', 'year', 'measures'],
    },
}
vision_readings = 'data/readings.yaml'

extensions = ['myst_parser', 'vision']
myst_enable_extensions = ['colon_fence']
exclude_patterns = ['_build']
numfig = True
numfig_secnum_depth = 1
numfig_format = {'figure': '図%s', 'table': '表%s'}
html_theme = 'pydata_sphinx_theme'
html_title = project
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
latex_engine = 'uplatex'
latex_documents = [(root_doc, 'other-plan.tex', project, author, 'manual')]
latex_show_urls = 'no'
latex_elements = {
    'papersize': 'a4paper',
    'extraclassoptions': 'openany,oneside',
    'figure_align': 'H',
    'preamble': r'\usepackage{pxjahyper}',
}
epub_basename = 'other-plan'
