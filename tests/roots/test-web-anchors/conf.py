# Targets an object receives while reading (a MyST label, an {index} entry, a
# :name:) land on its anchor in HTML, LaTeX and EPUB (tests/web/test_web_fragments.py).
extensions = ['myst_parser', 'vision']
language = 'ja'
project = 'アンカーのテスト'
author = '世田谷区'
myst_enable_extensions = ['colon_fence']
epub_basename = 'anchors'
latex_engine = 'uplatex'
latex_documents = [('index', 'anchors.tex', project, author, 'manual')]
