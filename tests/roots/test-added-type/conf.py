"""The default types and a fourth level added in conf.py: 事業 under 取組."""

extensions = ['myst_parser', 'vision']
language = 'ja'
project = '種類を足したテスト'
myst_enable_extensions = ['colon_fence']
vision_document_name = 'テスト計画'
latex_engine = 'uplatex'
latex_documents = [('index', 'added-type.tex', project, 'テスト', 'howto')]
vision_object_types = {
    'initiative': {'backlinks': {'project': 'この取組の事業'}},
    'project': {
        'prefix': 'J', 'id_pattern': r'J[0-9]+', 'name': '事業',
        'parent': 'initiative', 'links': {'initiatives': 'initiative'},
        'required': ['title', 'initiatives'], 'fields': ['unit'],
        'hierarchy': True, 'diagram_label': 'full',
        'columns': ['id', 'title', 'unit', 'initiatives'],
    },
}
vision_readings = 'readings.yaml'
