"""Search index build time: our bigram splitter against Sphinx's default Japanese one.

Reads the vision's ``docs/`` once with real Sphinx, then times only the search
index: feeding every resolved doctree to ``sphinx.search.IndexBuilder`` and
dumping ``searchindex.js``, once with ``vision.search.SearchJapaneseBigram``
and once with ``sphinx.search.ja.SearchJapanese`` (TinySegmenter). Each page
is fed ``--copies`` times under distinct names so that the index is large
enough to time; the two splitters alternate over ``--repeat`` rounds and each
time is the median. Prints both times, their ratio and the index sizes.

Usage: python bench/search_index.py [--copies 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / '_ext'))

from sphinx import search  # noqa: E402
from sphinx.application import Sphinx  # noqa: E402
from sphinx.search.ja import SearchJapanese  # noqa: E402

from vision.search.japanese import SearchJapaneseBigram  # noqa: E402

SPLITTERS = {'bigram (ours)': SearchJapaneseBigram, 'TinySegmenter (Sphinx)': SearchJapanese}

# The environment's search-index state, which IndexBuilder shares: reset per run.
_INDEX_STATE = ('_search_index_titles', '_search_index_filenames', '_search_index_mapping',
                '_search_index_title_mapping', '_search_index_all_titles',
                '_search_index_index_entries', '_search_index_objtypes',
                '_search_index_objnames')


def read_site(workdir: Path) -> tuple[Sphinx, list[tuple[str, object, str]]]:
    """Build the HTML once; return the app and every page's (name, doctree, title)."""
    app = Sphinx(ROOT / 'docs', ROOT, workdir / 'html', workdir / 'doctrees', 'html',
                 status=None, warning=io.StringIO(), freshenv=True)
    app.build()
    pages = [(name, app.env.get_and_resolve_doctree(name, app.builder),
              app.env.titles[name].astext())
             for name in sorted(app.env.found_docs)]
    return app, pages


def time_index(app: Sphinx, pages, language: type, copies: int) -> tuple[float, int]:
    env = app.env
    for attr in _INDEX_STATE:
        setattr(env, attr, {})
    search.languages['ja'] = language
    start = time.perf_counter()
    indexer = search.IndexBuilder(env, 'ja', {}, '')
    for copy in range(copies):
        for name, doctree, title in pages:
            indexer.feed(f'{name}-{copy}', f'{name}-{copy}.md', title, doctree)
    out = io.StringIO()
    indexer.dump(out, search.js_index)
    return time.perf_counter() - start, len(out.getvalue().encode('utf-8'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--copies', type=int, default=20)
    parser.add_argument('--repeat', type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        app, pages = read_site(Path(tmp))
        times: dict[str, list[float]] = {name: [] for name in SPLITTERS}
        sizes: dict[str, int] = {}
        for round_ in range(args.repeat):
            order = list(SPLITTERS.items())
            if round_ % 2:
                order.reverse()
            for name, language in order:
                elapsed, sizes[name] = time_index(app, pages, language, args.copies)
                times[name].append(elapsed)

    print(f'search index of {len(pages)} pages x {args.copies} copies, '
          f'median of {args.repeat} runs')
    for name in SPLITTERS:
        print(f'  {name:24} {statistics.median(times[name]) * 1000:8.1f} ms'
              f'  {sizes[name] / 1024:8.1f} KiB')
    ours, theirs = (statistics.median(times[name]) for name in SPLITTERS)
    print(f'ratio bigram / TinySegmenter: {ours / theirs:.2f}')


if __name__ == '__main__':
    main()
