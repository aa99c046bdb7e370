extensions = ['myst_parser', 'vision']
language = 'ja'
myst_enable_extensions = ['colon_fence']
numfig = True
numfig_format = {'figure': '図%s', 'table': '表%s'}
