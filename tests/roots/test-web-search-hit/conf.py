extensions = ['myst_parser', 'vision']
language = 'ja'
project = '見本区産業ビジョン'
author = '見本区'
html_theme = 'pydata_sphinx_theme'
myst_enable_extensions = ['colon_fence']
