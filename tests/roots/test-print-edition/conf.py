extensions = ['myst_parser', 'vision']
language = 'ja'
project = '印刷版のテスト'
author = '世田谷区'
latex_engine = 'uplatex'
latex_documents = [('index', 'print.tex', project, author, 'manual')]
latex_elements = {
    'papersize': 'a4paper',
    # As the site's conf.py: the screen PDF is one-sided; the print edition makes it two-sided.
    'extraclassoptions': 'openany,oneside',
    'preamble': r'\hypersetup{pdftitle={印刷版のテスト}, pdflang={ja}}',
}
vision_colophon = {'publisher': '世田谷区'}
