extensions = ['myst_parser', 'vision']
language = 'ja'
vision_readings = 'readings.yaml'
