"""The reading analyser's child keeps its resident set small (issue 21).

SudachiPy reads its dictionary in place from a memory map; after loading and
every few pages the child unmaps the resident dictionary pages
(``release_dictionary_pages``), so the bench's peak RSS is the build's, not
the dictionary's. The readings must not change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vision.search import analysis

TEXT = ('世田谷区の新産業ビジョンは、事業承継とソーシャルビジネスを支え、'
        '多様性のある地域経済を目指す。区民の暮らしと産業の交流を促進する。')

pytestmark = pytest.mark.skipif(not Path('/proc/self/smaps_rollup').exists(),
                                reason='resident pages are read from Linux /proc')


def resident_kb() -> int:
    with open('/proc/self/smaps_rollup', encoding='ascii') as rollup:
        return next(int(line.split()[1]) for line in rollup if line.startswith('Rss:'))


def test_release_drops_the_dictionary_pages_and_keeps_the_readings():
    analyse = analysis.analyser('sudachi')
    before = analysis.term_counts(TEXT, analyse)
    loaded = resident_kb()
    analysis.release_dictionary_pages()
    released = resident_kb()
    assert loaded - released > 40_000, (loaded, released)  # the core dictionary is ~80 MB resident
    assert analysis.term_counts(TEXT, analyse) == before
    assert ('たようせい', '多様性') in before


def test_the_child_releases_the_pages_and_answers_the_same():
    texts = {f'page{n}': TEXT * (n + 1) for n in range(30)}
    script = Path(analysis.__file__)

    def child(release: bool) -> tuple[dict, int]:
        """The child's answer, and its resident set (KB) once it has answered."""
        code = (f'import sys; sys.argv = ["analysis", "sudachi"]; '
                f'sys.path.insert(0, {str(script.parent)!r}); import analysis; '
                + ('' if release else 'analysis.release_dictionary_pages = lambda: None; ')
                + 'analysis.main(); rollup = open("/proc/self/smaps_rollup").read(); '
                'print(next(l.split()[1] for l in rollup.splitlines() if l.startswith("Rss:")), '
                'file=sys.stderr)')
        proc = subprocess.run([sys.executable, '-c', code], input=json.dumps(texts, ensure_ascii=False),
                              capture_output=True, text=True, encoding='utf-8', check=True)
        return json.loads(proc.stdout), int(proc.stderr.split()[-1])

    kept, kept_resident = child(release=False)
    released, released_resident = child(release=True)
    assert released == kept
    assert kept_resident - released_resident > 40_000, (kept_resident, released_resident)
