# The ward's next plan, a sibling project: it loads the vision extension and
# links to the objects of this site through intersphinx. The test sets
# intersphinx_mapping to the objects.inv of a site it has just built. It names
# no readings file and has none.
extensions = ['myst_parser', 'sphinx.ext.intersphinx', 'vision']
language = 'ja'
project = '次期計画'
author = '世田谷区'
myst_enable_extensions = ['colon_fence']
