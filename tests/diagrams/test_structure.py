"""The structure diagram (体系図): drawn from the domain's objects, linked, kept current."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from helpers import show_offline
from sphinx.util.console import strip_colors

GOALS_OF_P2 = ('ライフスタイル等に応じた多様な働き方が選択できる世田谷区',
               '心身ともに健康に働くことができる世田谷区', '起業家精神があふれる世田谷区')


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')


def anchor_exists(app, href: str) -> bool:
    target, _, anchor = href.partition('#')
    return page(app, target.removesuffix('.html')).find(id=anchor) is not None if anchor else True


@pytest.mark.sphinx('html', testroot='diagrams-structure')
def test_whole_vision_is_drawn_with_links_to_every_object(app):
    app.build()
    whole, p2_only, p1_with_initiatives = show_offline(app.outdir / 'structure.html')['diagrams']
    for label in ('世田谷区地域経済の持続可能な発展条例', 'メインテーマ「わくわく感が生む 世田谷の新たな価値と豊かさ」',
                  '4つの基本的方針', '① 多様な地域産業の基盤強化',
                  '4-5 産業分野からウェルビーイングに貢献する世田谷区'):
        assert label in whole['text']
    # The links are in the text alternative, in the vision's order, not in the
    # drawing, which is one image (role=img) to assistive technology.
    assert whole['links'] == []
    figure = page(app, 'structure').select_one('figure.vision-structure-diagram')
    links = [a['href'] for a in figure.select('.vision-diagram-alt a')]
    assert len(links) == 1 + 1 + 4 + 14  # ordinance, theme, policies, goals
    assert 'ordinance.html#ordinance' in links
    assert 'policies.html#vision-goal-G4-5' in links
    assert all(anchor_exists(app, href) for href in links)

    assert sorted(p2_only['text']) == ['2-1 ' + GOALS_OF_P2[0], '2-2 ' + GOALS_OF_P2[1],
                                       '2-3 ' + GOALS_OF_P2[2], '② 起業促進、多様な働き方の実現']
    assert p2_only['label'] == '基本的方針②の体系図'
    assert '取組1 架空の取組（テスト用）' in ''.join(p1_with_initiatives['text'])


@pytest.mark.sphinx('html', testroot='diagrams-structure')
def test_text_alternative_is_the_same_tree_as_nested_links(app):
    app.build()
    figure = page(app, 'structure').select_one('figure.vision-structure-diagram')
    root = figure.select_one('.vision-diagram-text > .vision-diagram-alt > ul > li')
    assert root.p.get_text() == '世田谷区地域経済の持続可能な発展条例'
    theme = root.select_one(':scope > ul > li')
    policies = theme.select(':scope > ul > li')
    assert [p.p.get_text() for p in policies][1] == '基本的方針② 起業促進、多様な働き方の実現'
    goals = [li.p.get_text() for li in policies[1].select(':scope > ul > li')]
    assert goals == [f'目指す姿2-{n} {title}' for n, title in enumerate(GOALS_OF_P2, 1)]
    assert policies[1].p.a['href'] == 'policies.html#vision-policy-P2'


@pytest.mark.sphinx('html', testroot='diagrams-structure')
def test_unknown_policy_is_a_located_warning(app, warning):
    app.build()
    assert ("structure.md:15: WARNING: 体系図：基本的方針 'P9' はありません [vision.diagram]"
            in strip_colors(warning.getvalue()))


@pytest.mark.sphinx('html', testroot='diagrams-structure', srcdir='diagrams-structure-incremental')
def test_changed_goal_redraws_the_diagram_on_an_incremental_build(make_app, app_params):
    args, kwargs = app_params
    first = make_app(*args, **kwargs)
    first.build()
    source = first.srcdir / 'policies.md'
    source.write_text(source.read_text(encoding='utf-8').replace(
        '起業家精神があふれる世田谷区', '起業家精神がさらにあふれる世田谷区'), encoding='utf-8')

    second = make_app(*args, **kwargs)
    second.build()
    [whole, p2_only, _] = show_offline(second.outdir / 'structure.html')['diagrams']
    assert '2-3 起業家精神がさらにあふれる世田谷区' in p2_only['text']
    alt = page(second, 'structure').select_one('.vision-diagram-text').get_text()
    assert '起業家精神がさらにあふれる' in alt and not re.search('起業家精神があふれる', alt)
