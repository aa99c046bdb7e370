extensions = ['myst_parser', 'vision']
myst_enable_extensions = ['colon_fence']
language = 'ja'
project = '体系図の横置きのテスト'
latex_engine = 'uplatex'
latex_documents = [('index', 'diagrams.tex', '図のテスト', '世田谷区', 'howto')]
latex_elements = {
    'papersize': 'a4paper',
}
