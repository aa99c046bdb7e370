extensions = ['myst_parser', 'vision']
language = 'ja'
project = '世田谷区新産業ビジョン'
author = '世田谷区'
html_theme = 'pydata_sphinx_theme'
myst_enable_extensions = ['colon_fence']
vision_readings = 'readings.yaml'
