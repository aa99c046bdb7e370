# The layout of the real project (conf.py, docs/, data/), so that the same
# tree can be committed to a scratch repository and run with `make compare`.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '_ext'))

project = '試験ビジョン'
extensions = ['myst_parser', 'vision']
language = 'ja'
myst_enable_extensions = ['colon_fence']
templates_path = []
html_static_path = []
exclude_patterns = ['_build']
