extensions = ['myst_parser', 'vision']
myst_enable_extensions = ['colon_fence']
language = 'ja'
project = '体系図の横置きのテスト'
latex_engine = 'uplatex'
latex_documents = [('index', 'diagrams.tex', '図のテスト', '世田谷区', 'howto')]
latex_elements = {
    'papersize': 'a4paper',
}
vision_document_name = '新産業ビジョン'
vision_ordinance = '世田谷区地域経済の持続可能な発展条例'
