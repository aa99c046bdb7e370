"""Directives read only files under data/ (vision.datafiles.loading.confine).

The directive-level warnings are tested with a real build in
test_data_validation; these cases need a file system set up per test.
"""

from __future__ import annotations

import pytest

from vision.datafiles.loading import confine


@pytest.fixture
def confdir(tmp_path):
    (tmp_path / 'data' / 'sub').mkdir(parents=True)
    (tmp_path / 'data' / 'members.yaml').write_text('members: []\n', encoding='utf-8')
    (tmp_path / 'data' / 'sub' / 'm.yaml').write_text('members: []\n', encoding='utf-8')
    (tmp_path / 'secret.yaml').write_text('secret: 1\n', encoding='utf-8')
    (tmp_path / 'data' / 'escape').symlink_to(tmp_path)
    (tmp_path / 'data' / 'inside').symlink_to(tmp_path / 'data' / 'sub')
    return tmp_path


@pytest.mark.parametrize(('argument', 'relpath'), [
    ('data/members.yaml', 'data/members.yaml'),
    ('data/sub/m.yaml', 'data/sub/m.yaml'),
    ('data/sub/../members.yaml', 'data/members.yaml'),
    ('data/inside/m.yaml', 'data/sub/m.yaml'),  # a link that stays inside data/
])
def test_files_under_data_are_allowed(confdir, argument, relpath):
    assert confine(confdir, argument) == (relpath, (confdir / relpath).resolve())


@pytest.mark.parametrize('argument', [
    '../../etc/passwd',
    '/etc/passwd',
    'data/../secret.yaml',
    'secret.yaml',
    'data',
    'data/escape/secret.yaml',  # a symbolic link out of data/
    'data\\..\\secret.yaml',
])
def test_anything_else_is_refused(confdir, argument):
    assert confine(confdir, argument) is None
