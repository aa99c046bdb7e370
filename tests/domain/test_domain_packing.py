"""Objects are stored packed in the doctrees, and every builder writes what it
would have written from the nodes the directives made (vision.domain.packing).

The control is the same project with the packing transform taken out in its
``conf.py``: the output of each builder must be the same bytes.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from docutils import nodes

from site_builds import TEST_SITE, run_sphinx
from vision.domain.nodes import vision_fields, vision_object, vision_object_title
from vision.domain.packing import vision_packed
from vision.translation.messages import vision_messages

ROOTS = Path(__file__).resolve().parents[1] / 'roots'
WITHOUT_PACKING = '''

def setup(app):
    from vision.domain.packing import PackObjectParts
    app.registry.transforms.remove(PackObjectParts)
'''


def project(root: Path, tmp_path: Path, name: str, packed: bool) -> Path:
    """A copy at ``name/src``: the same relative paths for both (the catalogues name them)."""
    copy = tmp_path / name / 'src'
    shutil.copytree(root, copy)
    if not packed:
        with (copy / 'conf.py').open('a', encoding='utf-8') as conf:
            conf.write(WITHOUT_PACKING)
    return copy


def build(confdir: Path, srcdir: Path, out: Path, builder: str, *options: str) -> Path:
    proc = run_sphinx('-b', builder, '-c', str(confdir), '-d', str(out / 'doctrees'), '-q', *options,
                      str(srcdir), str(out / builder))
    assert proc.returncode == 0, proc.stderr
    return out / builder


def files(outdir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(outdir)): path.read_bytes()
            for path in sorted(outdir.rglob('*')) if path.is_file()}


def stored(doctrees: Path) -> dict[str, nodes.document]:
    return {str(path.relative_to(doctrees)): pickle.loads(path.read_bytes())
            for path in doctrees.rglob('*.doctree')}


@pytest.mark.parametrize('builder', ['html', 'latex', 'text', 'gettext'])
def test_every_builder_writes_the_same_bytes_as_without_packing(builder, tmp_path):
    outputs = []
    for packed in (True, False):
        root = project(ROOTS / 'test-domain-packing', tmp_path, f'src-{packed}', packed)
        outputs.append(files(build(root, root, root.parent / 'out', builder)))
    assert outputs[0] == outputs[1]
    assert outputs[0]


def test_the_site_root_gives_the_same_html_as_without_packing(tmp_path):
    outputs, doctrees = [], []
    for packed in (True, False):
        root = project(TEST_SITE, tmp_path, f'site-{packed}', packed)
        out = root.parent / 'out'
        outputs.append(files(build(root, root / 'docs', out, 'html', '-W', '--keep-going')))
        doctrees.append(stored(out / 'doctrees'))
    assert outputs[0] == outputs[1]
    counts = [sum(1 for doctree in pages.values() for _ in doctree.findall()) for pages in doctrees]
    # The stored pages hold fewer nodes: what Sphinx walks on every build.
    assert counts[0] < counts[1], counts


def test_parallel_reading_packs_as_serial_reading_does(tmp_path):
    root = project(ROOTS / 'test-domain-packing', tmp_path, 'src', packed=True)
    serial = build(root, root, tmp_path / 'serial', 'html')
    parallel = build(root, root, tmp_path / 'parallel', 'html', '-j', '2')
    assert files(serial) == files(parallel)


def test_what_is_stored_packed_and_what_stays(tmp_path):
    root = project(ROOTS / 'test-domain-packing', tmp_path, 'src', packed=True)
    html = build(root, root, tmp_path / 'out', 'html')
    pages = stored(tmp_path / 'out' / 'doctrees')
    for doctree in pages.values():
        # No title line, field list or messages node is stored as nodes.
        assert not list(doctree.findall(vision_object_title))
        assert not list(doctree.findall(vision_fields))
        assert not list(doctree.findall(vision_messages))
        # One pickle per page, on its first placeholder.
        placeholders = list(doctree.findall(vision_packed))
        assert [p for p in placeholders if 'packed' in p] == placeholders[:1]
    unpacked = {obj['objid']: obj for doctree in pages.values() for obj in doctree.findall(vision_object)}
    # An object with an id of its own (a label above it) or holding one (a
    # numbered table) stays a node, for Sphinx's labels and figure numbers.
    assert sorted(unpacked) == ['G1-1', 'G1-2']
    assert next(unpacked['G1-2'].findall(nodes.table))['ids'] == ['businesses']
    page = (html / 'index.html').read_text(encoding='utf-8')
    assert '表1' in page and 'id="businesses"' in page
    assert 'id="vision-goal-G1-3"' in (html / 'opinions.html').read_text(encoding='utf-8')
