"""The extension's parts import one way (ARCHITECTURE.md): no import runs back up.

Parsed from the source with ``ast``, so a new module is checked as soon as it
exists, and type-only imports count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / '_ext' / 'vision'

#: What each part may import besides itself. The modules at the top
#: (config, labels, build_state ...) are shared by all and import no part.
MAY_IMPORT = {
    'domain': set(),
    'diagrams': {'domain', 'processes'},
    'views': {'domain'},
    'datafiles': {'domain', 'diagrams', 'views'},
    'web': {'domain', 'diagrams', 'views'},
    'print_edition': {'domain', 'diagrams', 'views'},
    'search': {'domain', 'diagrams', 'views'},
    'translation': set(),
    'export': {'domain', 'diagrams', 'views'},
    'page_text': {'prose'},  # the `% prose-ok:` waiver syntax, never reported as lost text
    'prose': {'processes'},
    'processes': set(),
    'editions': {'domain', 'diagrams', 'views', 'datafiles', 'print_edition'},
    'furigana': {'domain', 'diagrams', 'views', 'search', 'print_edition'},
    '': set(),
}
# The English edition's lookups (vision.translation) are used by every part
# that stores or shows the pages' words, and import none of them.
for _part in ('domain', 'diagrams', 'views', 'datafiles', 'web', 'print_edition', 'search', 'export',
              'editions'):
    MAY_IMPORT[_part] = MAY_IMPORT[_part] | {'translation'}
PARTS = set(MAY_IMPORT) - {''}


def part_of(module: str) -> str:
    """``vision.domain.model`` -> ``domain``; a shared top module -> ``''``."""
    parts = module.split('.')
    return parts[1] if len(parts) > 1 and parts[1] in PARTS else ''


def imported_modules(path: Path) -> set[str]:
    module = '.'.join(('vision', *path.relative_to(PACKAGE).with_suffix('').parts))
    package = module if path.name == '__init__.py' else module.rpartition('.')[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split('.')
            base = base[:len(base) - node.level + 1]
            target = '.'.join(base + ([node.module] if node.module else []))
            found |= {f'{target}.{alias.name}' for alias in node.names} if not node.module else {target}
        elif isinstance(node, ast.ImportFrom) and (node.module or '').startswith('vision'):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith('vision')}
    return found


MODULES = sorted(p for p in PACKAGE.rglob('*.py') if p.name != '__init__.py' or p.parent != PACKAGE)


@pytest.mark.parametrize('path', MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path):
    own = part_of('.'.join(('vision', *path.relative_to(PACKAGE).parts)))
    allowed = MAY_IMPORT[own] | {own, ''}  # the shared top modules are open to all
    wrong = sorted(m for m in imported_modules(path) if part_of(m) not in allowed)
    assert not wrong, f'{path.relative_to(PACKAGE)} ({own or "top"}) may not import {wrong}'


def test_the_check_sees_a_wrong_import(tmp_path):
    """The control: an import back up is found."""
    module = PACKAGE / 'domain' / 'model.py'
    assert 'vision.views.tables' not in imported_modules(module)
    fake = PACKAGE / 'domain' / '_layer_probe.py'
    fake.write_text('from ..views.tables import view_table\n', encoding='utf-8')
    try:
        assert part_of(next(iter(imported_modules(fake)))) == 'views'
    finally:
        fake.unlink()


def test_config_values_are_declared_in_one_place():
    declaring = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob('*.py')
                       if 'add_config_value(' in p.read_text(encoding='utf-8'))
    assert declaring == ['config.py']


#: The most modules one folder of the extension may hold: past that, a folder
#: is a grab-bag whose name no longer tells a newcomer what is inside.
MAX_MODULES_PER_FOLDER = 12


def folders_over_limit(package: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in package.rglob('*.py'):
        if path.name != '__init__.py':
            folder = str(path.parent.relative_to(package)) or '.'
            counts[folder] = counts.get(folder, 0) + 1
    return {folder: n for folder, n in counts.items() if n > MAX_MODULES_PER_FOLDER}


def test_no_folder_is_a_grab_bag():
    assert folders_over_limit(PACKAGE) == {}


def test_the_folder_check_sees_a_crowded_folder(tmp_path):
    """The control: thirteen modules in one folder are found."""
    crowded = tmp_path / 'crowded'
    crowded.mkdir()
    for n in range(MAX_MODULES_PER_FOLDER + 1):
        (crowded / f'm{n}.py').write_text('', encoding='utf-8')
    assert folders_over_limit(tmp_path) == {'crowded': MAX_MODULES_PER_FOLDER + 1}
