# A made-up Japanese site for the ふりがな switch (tests/web/test_web_furigana.py).
extensions = ['myst_parser', 'vision']
language = 'ja'
project = '見本区産業ビジョン'
author = '見本区'
copyright = '2023 見本区'
version = '素案'
html_theme = 'pydata_sphinx_theme'
html_theme_options = {
    'navigation_with_keys': False,
    'show_prev_next': True,
    'navbar_center': [],
    'navbar_end': ['navbar-icon-links'],
    'footer_start': ['copyright'],
    'footer_end': [],
}
html_copy_source = False
html_show_sourcelink = False
myst_enable_extensions = ['colon_fence']
# The analyser reads 生業 as せいぎょう; here it is なりわい.
vision_readings = 'readings.yaml'
