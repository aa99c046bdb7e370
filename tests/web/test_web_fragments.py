"""Every target lands somewhere (issue 27).

Ids an object node receives while reading (a ``(label)=`` above it, an
``{index}`` just before it, its ``:name:``) are written on the object's
anchor, in HTML, EPUB and LaTeX; every link with a fragment of every page
then finds its id.
"""

from __future__ import annotations

import re

import pytest
from fragments import fragment_links

LANDED = ('wellbeing-goal', 'successors-goal', 'goal-list', 'index-0')


@pytest.mark.sphinx('html', testroot='web-anchors', freshenv=True)
def test_html_every_fragment_link_lands(app, warning):
    app.build()
    assert warning.getvalue() == ''
    checked, broken = fragment_links(app.outdir)
    hrefs = {href for _page, href in checked}
    # The control: the links this root is about are among those checked.
    assert {'#wellbeing-goal', '#successors-goal', 'index.html#wellbeing-goal',
            'index.html#index-0'} <= hrefs, hrefs
    assert broken == []


@pytest.mark.sphinx('html', testroot='web-anchors', freshenv=True)
def test_the_received_ids_are_on_the_object_not_beside_it(app):
    app.build()
    html = (app.outdir / 'index.html').read_text(encoding='utf-8')
    goal = html[html.index('id="vision-goal-G1-1"'):]
    goal = goal[:goal.index('id="vision-goal-G1-2"')]
    assert 'id="wellbeing-goal"' in goal
    policy = html[html.index('id="vision-policy-P1"') - 200:html.index('id="vision-goal-G1-1"')]
    assert 'id="index-0"' in policy


@pytest.mark.sphinx('epub', testroot='web-anchors', freshenv=True)
def test_epub_every_fragment_link_lands(app):
    app.build()
    checked, broken = fragment_links(app.outdir, '.xhtml')
    assert checked and broken == []
    assert (app.outdir / 'anchors.epub').is_file()


@pytest.mark.sphinx('latex', testroot='web-anchors', freshenv=True)
def test_latex_labels_the_object_with_every_id_it_received(app):
    app.build()
    tex = (app.outdir / 'anchors.tex').read_text(encoding='utf-8')
    labels = set(re.findall(r'\\label\{\\detokenize\{([^}]*)\}\}', tex))
    refs = set(re.findall(r'\\hyperref\[\\detokenize\{([^}]*)\}\]', tex))
    for target in LANDED:
        assert f'index:{target}' in labels, target
    assert refs <= labels, refs - labels
    goal = tex[tex.index(r'\label{\detokenize{index:vision-goal-G1-1}}'):]
    assert r'\label{\detokenize{index:wellbeing-goal}}' in goal[:200]
