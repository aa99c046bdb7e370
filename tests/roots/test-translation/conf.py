# A made-up plan in Japanese with an English catalogue (issue 23):
# tests/translation/test_translation.py builds it in both languages.
extensions = ['myst_parser', 'vision']
language = 'ja'
project = '見本区産業ビジョン'
author = '見本区'
locale_dirs = ['../locales']
gettext_compact = False
myst_enable_extensions = ['colon_fence']
# Own lists: several builds in one test process would share Sphinx's defaults.
templates_path = []
html_static_path = []
html_theme = 'pydata_sphinx_theme'
vision_language_sites = {'ja': '', 'en': 'en'}
latex_engine = 'uplatex'
