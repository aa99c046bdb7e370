extensions = ['myst_parser', 'vision']
language = 'ja'
myst_enable_extensions = ['colon_fence']
