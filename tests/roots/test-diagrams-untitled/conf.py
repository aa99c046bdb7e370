extensions = ['myst_parser', 'vision']
language = 'ja'
project = '図のテスト'
latex_engine = 'uplatex'
latex_documents = [('index', 'diagrams.tex', '図のテスト', '世田谷区', 'howto')]
latex_elements = {
    'papersize': 'a4paper',
}
