"""``make check``: every validation of the sources in one run, writing nothing.

Runs Sphinx's ``dummy`` builder (it reads, resolves every reference and
runs every check of the extension, and writes no output) with
``--keep-going``, so every problem is listed, not only the first. The
environment and doctrees go to a temporary directory that is removed
afterwards. Exits 1 if there is any problem.

The editors' diagrams are drawn to check their mermaid syntax
(:data:`vision.diagrams.mermaid.CHECKING_BUILDERS`): with the drawings the
full build keeps in ``_build/.mermaid-cache`` when there are some (a diagram
drawn there before costs nothing), else in the temporary directory.

Where the project has an English translation (``locales/en/LC_MESSAGES``
beside ``conf.py``), the same sources are also read in English at the same
time, and its translation problems (a translation out of date, at the
page's or data file's line) are listed with the others (issue 23); the rest
of that build's warnings are the Japanese build's again, and are not repeated.

Usage: python tools/check.py [SRCDIR [CONFDIR]]   (defaults: docs .)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / '_ext'))
from vision.messages import translated  # noqa: E402
from vision.prose.masking import mask  # noqa: E402


def waivers(srcdir: str) -> list[str]:
    """Each ``% prose-ok: RULE 理由`` of the pages: ``file:line: rule 理由``."""
    found = []
    for path in sorted(Path(srcdir).rglob('*.md')):
        for line, rule, reason in mask(path.read_text(encoding='utf-8')).waiver_comments:
            found.append(f'{path.as_posix()}:{line}: {rule} {reason}'.rstrip())
    return found


#: The code of the English build's warnings that the Japanese build cannot give.
TRANSLATION = '[vision.translation]'


def is_problem(line: str) -> bool:
    return ': WARNING: ' in line or ': ERROR: ' in line or ': CRITICAL: ' in line


def check(srcdir: str, confdir: str) -> int:
    drawn = Path(confdir, '_build', '.mermaid-cache')
    cache = ['-D', f'vision_diagram_cache={drawn.resolve()}'] if drawn.is_dir() else []
    english = Path(confdir, 'locales', 'en', 'LC_MESSAGES').is_dir()
    with tempfile.TemporaryDirectory(prefix='vision-check-') as tmp:
        def dummy(name: str, *options: str) -> subprocess.Popen[str]:
            return subprocess.Popen(
                [sys.executable, '-m', 'sphinx', '-b', 'dummy', '-E', '-q', '-W', '--keep-going',
                 *cache, *options, '-c', confdir, '-d', str(Path(tmp, name, 'doctrees')), srcdir,
                 str(Path(tmp, name, 'out'))],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        builds = [dummy('ja', '-D', 'vision_prose_checks=1')]
        if english:
            builds.append(dummy('en', '-D', 'language=en', '-D', 'vision_prose_checks=0'))
        (_, messages), *in_english = [build.communicate() for build in builds]
    problems = [line for line in messages.splitlines() if is_problem(line)]
    sys.stderr.write(messages)
    # Only the English build's translation problems: its exit status also
    # counts the Japanese build's warnings, which are listed once, above.
    for _, english_messages in in_english:
        stale = list(dict.fromkeys(  # once each: a title out of date is warned where it is shown
            line for line in english_messages.splitlines() if is_problem(line) and TRANSLATION in line))
        problems += stale
        sys.stderr.write(''.join(f'{line}\n' for line in stale))
    waived = waivers(srcdir)
    if waived:
        print(translated('Prose rules waived on %d line(s) (%% prose-ok):', len(waived)))
        print('\n'.join(f'  {line}' for line in waived))
    if builds[0].returncode == 0 and not problems:
        print(translated('make check: no problems.'))
        return 0
    print(translated('make check: %d problem(s) (fix each at the file:line that begins its line above).',
                     len(problems) or 1), file=sys.stderr)
    return 1


if __name__ == '__main__':
    args = sys.argv[1:]
    sys.exit(check(args[0] if args else 'docs', args[1] if len(args) > 1 else '.'))
