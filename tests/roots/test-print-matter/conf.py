extensions = ['myst_parser', 'vision']
language = 'ja'
project = '印刷のテスト'
author = '世田谷区'
latex_engine = 'uplatex'
latex_documents = [('index', 'print.tex', project, author, 'manual')]
vision_subtitle = '副題のテスト'
vision_colophon = {
    'publisher': '世田谷区',
    'editor': '経済産業部 産業連携交流推進課',
    'url': 'https://www.city.setagaya.lg.jp/',
}
numfig = True
numfig_secnum_depth = 1
numfig_format = {'figure': '図%s', 'table': '表%s'}
