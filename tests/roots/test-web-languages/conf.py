# A made-up two-language site: the Japanese pages at the top, the English
# edition in en/ (tests/web/test_web_languages.py builds both).
extensions = ['myst_parser', 'vision']
language = 'ja'
project = '見本区産業ビジョン'
author = '見本区'
html_theme = 'pydata_sphinx_theme'
locale_dirs = ['../locales']
gettext_compact = False
vision_language_sites = {'ja': '', 'en': 'en'}
myst_enable_extensions = ['colon_fence']
