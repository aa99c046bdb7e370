"""Sphinx configuration for the Setagaya ward's new industrial vision.

The sources live in ``docs/`` (Sphinx's srcdir) and this file is the confdir:
build with ``sphinx-build -c . docs <outdir>`` (the Makefile does).
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '_ext'))

# -- Project ------------------------------------------------------------------
project = '世田谷区新産業ビジョン'
author = '世田谷区'
copyright = '2023 世田谷区'
language = 'ja'
root_doc = 'index'

# -- The English edition (issue 23): Sphinx's own gettext i18n ------------------
# The catalogues are in locales/en/LC_MESSAGES/, one .po per page (policies/p1.po
# for docs/policies/p1.md); `make translations` extracts the Japanese and merges
# it into them with sphinx-intl. locale_dirs is relative to the source
# directory (docs/), hence '../locales'. Build English with -D language=en.
locale_dirs = ['../locales']
gettext_compact = False
gettext_uuid = False
gettext_location = True
# The index entries ({index} terms) are messages too, so the English 索引 is English.
gettext_additional_targets = ['index']
# The published tree: the Japanese site at the top, the English edition in en/
# (make builds both). Every page links to itself in the other language, and
# the English pages say that the Japanese edition prevails.
vision_language_sites = {'ja': '', 'en': 'en'}

# The draft stage shown on every page and on the PDF's cover: 素案, 案 or 策定.
# Override on the command line with ``-D vision_stage=案``.
vision_stage = '素案'
# The draft stage is the document's version (EPUB 3 requires one). Not the
# release: LaTeX would print "リリース 素案" in every page header.
version = vision_stage

# The residents' site: what every page shows besides its text (PUBLISHING.md).
# 作成日: the date of the section's report this draft is made from (seed).
vision_created = '2023-09-05'
# 問い合わせ先: the section that issued the report. Add 'phone', 'fax' and
# 'form' (a URL) here when the ward gives them; nothing is shown that is not set.
vision_contact = {'section': '経済産業部 産業連携交流推進課'}
# -- The plan's own words (issue 20: configuration, not code) -----------------
# The document's short name in captions: 新産業ビジョンの体系図.
vision_document_name = '新産業ビジョン'
# The ordinance the vision is based on: the top box of the 体系図.
vision_ordinance = '世田谷区地域経済の持続可能な発展条例'
# The object types: their reader-facing names and backlink headings, over the
# extension's records (vision/type_defaults.py: ids, links, fields, where each
# type appears). A new key adds a type; None drops one.
vision_object_types = {
    'theme': {'name': 'メインテーマ'},
    'policy': {'name': '基本的方針', 'group_label': '{count}つの基本的方針',
               'backlinks': {'goal': 'この基本的方針の目指す姿'}},
    'goal': {'name': '目指す姿',
             'backlinks': {'initiative': 'この目指す姿に向けた取組',
                           'indicator': 'この目指す姿の指標',
                           'opinion': 'この目指す姿に反映された意見'}},
    'initiative': {'name': '取組'},
    'indicator': {'name': '指標'},
    'opinion': {'name': '意見'},
    'meeting': {'name': '会議'},
}

# The PDF editions, built before the HTML (`make` does all): the 本編 that
# residents download is the tagged PDF (`make pdf-accessible`, read by screen
# readers); the upLaTeX PDF (`make pdf`) is linked as 「印刷用PDF」; the 概要版
# is tagged too (`make pdf-accessible`; `make summary` makes the print office's).
vision_pdf = '_build/pdf-accessible/setagaya-industrial-vision.pdf'
vision_print_pdf = '_build/latex/setagaya-industrial-vision.pdf'
vision_summary_pdf = '_build/pdf-accessible/setagaya-industrial-vision-summary.pdf'

extensions = [
    'myst_parser',
    'sphinxcontrib.mermaid',
    'vision',
]

myst_enable_extensions = ['colon_fence', 'deflist', 'fieldlist']
myst_heading_anchors = 0

exclude_patterns = ['_build']

# Raw HTML that editors may type into a page (no attributes): line breaks,
# super- and subscripts, ruby. Any other HTML is a warning and shown as text.
vision_raw_html_tags = ['br', 'wbr', 'sup', 'sub', 'ruby', 'rb', 'rt', 'rp']
# The readings (よみ) of the index's terms, so the PDF's 索引 sorts by reading.
vision_readings = 'data/readings.yaml'
templates_path = []

# -- Cover and colophon (奥付) ---------------------------------------------------
# The date on the cover and the colophon is computed, never typed: the report
# date (as_of) of data/meetings.yaml, shown as 令和5年9月（2023年9月）. To fix
# another month, set an ISO date here, e.g. vision_publication_date = '2024-03'.
vision_publication_date = ''
# A subtitle under the title on the cover (none in the report).
vision_subtitle = ''
# The colophon on the last page of the PDF. Optional fields: address, phone,
# fax, url, number (the ward's publication number). A field that is not set
# is left out: the report gives no address or phone number, so none is shown.
vision_colophon = {
    'publisher': '世田谷区',
    'editor': '経済産業部 産業連携交流推進課',
}

# -- Figures and tables: numbered per chapter (表3-1, 図4-1) -----------------------
numfig = True
numfig_secnum_depth = 1
numfig_format = {'figure': '図%s', 'table': '表%s'}

# -- HTML ---------------------------------------------------------------------
html_theme = 'pydata_sphinx_theme'
html_title = project
html_theme_options = {
    'navigation_with_keys': False,
    'show_prev_next': True,
    # Chapters are listed in the sidebar on every page (and in the menu on
    # phones), not in the header, where ten long titles overflow into 「その他」.
    'navbar_center': [],
    'navbar_end': ['navbar-icon-links'],
    # The sidebar lists every chapter and its sections (navigation_depth 2).
    # A plan family of thousands of pages adds 'collapse_navigation': True:
    # each page then lists only its own plan's chapters (bench/README.md).
    'footer_start': ['copyright', 'vision-footer-links'],
    'footer_end': [],
}
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_static_path = []

# -- EPUB -----------------------------------------------------------------------
# The e-book is named after the document, like the PDF (not Sphinx's 'sphinx.epub').
epub_basename = 'setagaya-industrial-vision'

# -- LaTeX / PDF --------------------------------------------------------------
# upLaTeX is Sphinx's default engine for Japanese: jsbook typesetting, mendex
# for the index, and about twice as fast as LuaLaTeX on this document.
latex_engine = 'uplatex'
latex_documents = [
    (root_doc, 'setagaya-industrial-vision.tex', project,
     author, 'manual'),
]
latex_show_urls = 'no'
# The EPUB's file name (Sphinx's default, from a Japanese project name, is "sphinx").
epub_basename = 'setagaya-industrial-vision'
# Tables ruled, not shaded: white row fills would hide the draft's watermark.
latex_table_style = ['booktabs']
# The print office's files (make pdf-print, vision/print_edition/press.py).
# Inks: 'cmyk' (process colour) or 'mono' (墨1色: everything in black, one plate).
vision_print_colour = 'cmyk'
# Chapters open on right-hand pages in print, behind a blank page where needed,
# as bound ward plans do; False lets them start on either side.
vision_print_chapters_open_right = True
latex_elements = {
    'papersize': 'a4paper',
    'pointsize': '10pt',
    # Chapters start on the next page, not the next odd one: no blank pages.
    'extraclassoptions': 'openany,oneside',
    # Figures stay where the text puts them: a figure that floated away left
    # its chapter's first page nearly empty.
    'figure_align': 'H',
    # Typefaces (BIZ UD Mincho and Gothic, every font embedded with a
    # ToUnicode map): set by the extension, vision/print_layout.py.
    'preamble': r'''
\usepackage{pxjahyper}
\hypersetup{pdftitle={世田谷区新産業ビジョン}, pdfauthor={世田谷区},
  pdfsubject={世田谷区新産業ビジョン}, pdflang={ja}, bookmarksnumbered=true}
''',
}
