"""The site's own prose has no finding of the prose checks (issue 24): the
project's .textlintrc.json over docs/, masked as the build masks it, with
the quoted text and the waivers the build honours."""

from __future__ import annotations

from pathlib import Path

from vision.object_types import registry_from
from vision.prose import masking, textlint

ROOT = Path(__file__).resolve().parents[2]
QUOTED = frozenset(kind.key for kind in registry_from(None) if kind.quoted_text)


def test_the_site_has_no_prose_findings():
    docs = ROOT / 'docs'
    pages = {p.relative_to(docs).as_posix(): masking.mask(p.read_text(encoding='utf-8'), QUOTED)
             for p in sorted(docs.rglob('*.md'))}
    results = textlint.run({path: page.text for path, page in pages.items()}, ROOT / '.textlintrc.json')
    assert len(results) == len(pages) > 10
    findings = [(path, f.line, f.rule, f.message) for path, found in results.items() for f in found
                if f.line not in pages[path].quoted and not pages[path].waived(f.line, f.rule)]
    assert findings == []
    # The checks do look: the committee's quoted words alone give findings.
    assert any(f.line in pages[path].quoted for path, found in results.items() for f in found)
