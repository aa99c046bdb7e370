extensions = ['myst_parser', 'vision']
language = 'ja'
myst_enable_extensions = ['colon_fence']
vision_readings = 'readings.yaml'
vision_document_name = '新産業ビジョン'
vision_ordinance = '世田谷区地域経済の持続可能な発展条例'
