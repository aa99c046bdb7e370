extensions = ['myst_parser', 'vision']
language = 'ja'
myst_enable_extensions = ['colon_fence']
vision_readings = 'data/readings.yaml'
# Own lists: vision.stage inserts into these in place, and several builds run
# in one test process would otherwise share (and grow) Sphinx's defaults.
templates_path = []
html_static_path = []
