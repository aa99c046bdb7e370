# The configuration tests' root: a page of the site's theme showing the 作成日,
# the contact and the stage. tests/config/ writes one setting more below.
extensions = ['myst_parser', 'vision']
language = 'ja'
project = '設定のテスト'
author = '世田谷区'
html_theme = 'pydata_sphinx_theme'
vision_created = '2023-09-05'
vision_contact = {'section': '経済産業部 産業連携交流推進課'}
