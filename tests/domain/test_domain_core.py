"""The domain's API and its basic rendering, in MyST and rST."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors


@pytest.mark.sphinx('html', testroot='domain-core', freshenv=True)
def test_objects_are_registered_from_both_syntaxes(app, warning):
    app.build()
    assert strip_colors(warning.getvalue()) == ''
    domain = app.env.get_domain('vision')
    assert sorted(domain.objects) == ['G1-1', 'G1-2', 'O1', 'P1']
    assert [g.id for g in domain.objects_of('goal')] == ['G1-1', 'G1-2']
    assert [g.id for g in domain.children('P1', 'goal')] == ['G1-1', 'G1-2']
    assert [o.id for o in domain.children('G1-2', 'opinion')] == ['O1']
    goal = domain.objects['G1-2']
    assert (goal.docname, goal.lineno, goal.anchor) == ('goals', 4, 'vision-goal-G1-2')
    assert goal.links == {'policy': ('P1',)}
    assert domain.objects['P1'].fields == {'mark': '①'}


@pytest.mark.sphinx('html', testroot='domain-core', freshenv=True)
def test_references_get_generated_text_unless_explicit(app):
    app.build()
    soup = BeautifulSoup((app.outdir / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    paragraph = next(p for p in soup.find_all('p') if p.get_text().startswith('参照'))
    links = [(a['href'], a.get_text()) for a in paragraph.find_all('a')]
    assert links == [
        ('#vision-goal-G1-1', '目指す姿1-1 地域の事業者が更に安心して継続的に事業を営むことができる世田谷区'),
        ('#vision-policy-P1', '基本的方針① 多様な地域産業の基盤強化'),
        ('goals.html#vision-goal-G1-2', 'この姿'),
    ]


@pytest.mark.sphinx('html', testroot='domain-core', freshenv=True)
def test_rst_roles_and_any_resolve_through_the_domain(app):
    app.build()
    soup = BeautifulSoup((app.outdir / 'goals.html').read_text(encoding='utf-8'), 'html.parser')
    paragraph = next(p for p in soup.find_all('p') if p.get_text().startswith('参照'))
    assert [(a['href'], a.get_text()) for a in paragraph.find_all('a')] == [
        ('index.html#vision-goal-G1-1', '目指す姿1-1 地域の事業者が更に安心して継続的に事業を営むことができる世田谷区'),
        ('#vision-goal-G1-2', '目指す姿1-2 区民生活を支える産業が引き継がれていく世田谷区'),
        ('index.html#vision-policy-P1', '方針'),
    ]


@pytest.mark.sphinx('latex', testroot='domain-core', freshenv=True)
def test_print_references_carry_the_page_number(app):
    app.build()
    tex = (app.outdir / 'projectnamenotset.tex').read_text(encoding='utf-8')
    assert (r'{\hyperref[\detokenize{index:vision-goal-G1-1}]{\sphinxcrossref{\DUrole{xref}'
            r'{\DUrole{vision}{\DUrole{vision-goal}{目指す姿1\sphinxhyphen{}1 地域の事業者が更に'
            r'安心して継続的に事業を営むことができる世田谷区}}}}}}'
            r'\visionpageref{\detokenize{index:vision-goal-G1-1}}'
            r'{（\pageref*{\detokenize{index:vision-goal-G1-1}}ページ）}') in tex
