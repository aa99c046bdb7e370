extensions = ['myst_parser', 'vision']
language = 'ja'
myst_enable_extensions = ['colon_fence']
vision_readings = 'readings.yaml'
latex_engine = 'uplatex'
latex_elements = {'papersize': 'a4paper', 'extraclassoptions': 'openany,oneside'}
