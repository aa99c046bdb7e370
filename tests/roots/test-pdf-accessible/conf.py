extensions = ['myst_parser', 'vision']
language = 'ja'
project = 'タグ付きPDFのテスト'
author = '著者名'
html_theme = 'pydata_sphinx_theme'
vision_colophon = {'publisher': 'テスト区'}
