extensions = ['myst_parser', 'vision']
language = 'ja'
project = '世田谷区新産業ビジョン'
author = '世田谷区'
html_theme = 'pydata_sphinx_theme'
vision_readings = 'readings.yaml'
latex_engine = 'uplatex'
latex_documents = [('index', 'vision.tex', project, author, 'manual')]
