"""Generate a synthetic vision three ways, for benchmarking (issue 6).

The same seeded corpus — N pages, M objects (policies, goals, initiatives,
indicators, opinions), links between them, Japanese text and overview tables —
is written as three complete Sphinx projects:

``plain/``
    MyST with the same text as paragraphs and static tables, no directives:
    the floor any extension is measured against.
``needs/``
    sphinx-needs: one need type per object type, the same links as
    ``needs_links`` and one ``needtable`` per overview table.
``ours/``
    the ``vision`` extension's directives, roles and generated tables.

Each project also gets ``bench.json``: the edit that the benchmark applies for
its incremental build (one object's title, changed where it is defined).

With ``--theme pydata`` plain and ours are built with the site's own theme
and options (pydata-sphinx-theme, read from the repository's ``conf.py``), for
the plan-family scale (issue 21); the default, Alabaster, keeps the bench's
figures comparable with earlier runs. ``--plans N`` organises the chapters as a
plan family does: the root lists the overviews' section and N plans (a
基本計画, a 実施計画, sector plans), each a folder whose index lists its own
chapters; without it every overview and chapter is listed by the root. ``--collapse-navigation`` sets the theme's documented
option for large sites (the sidebar keeps only the current plan open).

Usage: python bench/generate.py OUTDIR [--pages 200] [--objects 2000] [--seed 1] [--language ja]
       [--policies N] [--theme alabaster|pydata] [--plans N] [--collapse-navigation]
"""

from __future__ import annotations

import argparse
import json
import random
import runpy
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VARIANTS = ('plain', 'needs', 'ours')
THEMES = ('alabaster', 'pydata')

#: The site's settings (``conf.py``) that the ``pydata`` theme option copies:
#: the theme, its options, the MyST extensions and the figure numbering, for
#: plain and ours alike ...
SITE_SETTINGS = ('html_theme', 'html_theme_options', 'html_show_sourcelink', 'myst_enable_extensions',
                 'myst_heading_anchors', 'numfig', 'numfig_secnum_depth', 'numfig_format')
#: ... and, for ours, the extension's settings that need none of the site's
#: data files (its PDFs, its English catalogues, its meetings' dates are left out).
SITE_VISION_SETTINGS = ('vision_stage', 'vision_created', 'vision_contact', 'vision_document_name',
                        'vision_ordinance', 'vision_object_types', 'vision_raw_html_tags')

#: Words and phrases of the ward's report (the seed), the corpus's vocabulary.
VOCABULARY = (
    '産業振興', '地域経済', '持続可能な発展', '商店街', '事業承継', '起業創業', '多様な働き方',
    'ソーシャルビジネス', 'エシカル消費', '区民生活', '地域産業', '基盤強化', '事業者',
    'コミュニティ', 'サードプレイス', '個人事業主', '産業団体', '公益的役割', 'ものづくり',
    '都市型産業', 'フリーランス', 'キャリア', '就業機会', 'インセンティブ', '副業',
    'アントレプレナーシップ', '実証・実装', 'プラットフォーム', '社会課題', '地域課題',
    'インパクト投資', '休眠預金', 'ファンド', 'リビングラボ', 'ソーシャルインパクト指標',
    '区の政策', '経営者', '交流の場', '連携', '土壌作り', '制度作り', '若い世代', '事業転換',
    '支援産業', '外部プロフェッショナル', '橋渡し', '働きやすい環境', '起業家精神',
    '賑わい', '未来志向の事業活動', '非経済的な価値', '経済的発展', '街の活性化',
    '伝統的な技術', '工業', '農業', '学び', '子どもの教育', '顔の見える化', '新たな価値',
)
_PARTICLES = ('の', 'と', 'による', 'に向けた', 'を支える', 'を通じた')
_ENDINGS = ('を推進する。', 'を図る。', 'が重要である。', 'を後押しする。',
            'に取り組む。', 'の仕組みが必要である。', 'を目指す。')

#: Object types in hierarchy order, with the letter of their ids.
TYPES = ('policy', 'goal', 'initiative', 'indicator', 'opinion')
TYPE_TITLES = {'policy': '基本的方針', 'goal': '目指す姿', 'initiative': '取組',
               'indicator': '指標', 'opinion': '委員の意見'}
GOALS_PER_POLICY = 5
OBJECTS_PER_POLICY = 100


@dataclass
class Obj:
    objtype: str
    id: str
    title: str
    body: str
    links: dict[str, list[str]] = field(default_factory=dict)
    page: str = ''


@dataclass
class Overview:
    """One overview table: objects of ``objtype`` linked to the goals of ``policy``
    (or, when ``policy`` is empty, the system table: every policy, goal and initiative)."""

    title: str
    objtype: str
    policy: str
    rows: list[Obj]


@dataclass
class Corpus:
    language: str
    objects: list[Obj]
    content_pages: list[tuple[str, str, str, list[Obj]]]  # (docname, title, intro, objects)
    overview_pages: list[tuple[str, str, list[Overview]]]  # (docname, title, tables)
    edited: Obj
    #: With plans: the overviews' section, then each plan (docname, title, its pages).
    plans: list[tuple[str, str, list[str]]] = field(default_factory=list)


class Words:
    """Seeded sentences from the fixed vocabulary."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def phrase(self, count: int) -> str:
        words = self.rng.sample(VOCABULARY, count)
        parts = [words[0]]
        for word in words[1:]:
            parts += [self.rng.choice(_PARTICLES), word]
        return ''.join(parts)

    def sentence(self) -> str:
        return self.phrase(self.rng.randint(2, 4)) + self.rng.choice(_ENDINGS)

    def paragraph(self, sentences: int) -> str:
        return ''.join(self.sentence() for _ in range(sentences))


def build_corpus(pages: int, objects: int, seed: int = 1, language: str = 'ja',
                 policies: int | None = None, plans: int = 0) -> Corpus:
    """Lay out ``objects`` objects over ``pages`` pages (index, overviews and plans included).

    ``policies`` defaults to one per 100 objects; the scaled run keeps the
    base corpus's policies (and so its goals and overview pages) and grows
    the initiatives, indicators and opinions, as a real vision grows.
    ``plans`` splits the chapters, in order, into that many plans.
    """
    words = Words(seed)
    rng = words.rng
    n_policies = policies or max(1, objects // OBJECTS_PER_POLICY)
    n_overview_pages = n_policies + 1
    # With plans, the overview pages are a section of their own (overviews/index).
    n_content_pages = pages - 1 - n_overview_pages - plans - (1 if plans else 0)
    if n_content_pages < max(1, plans):
        raise ValueError(f'{pages} pages are too few for {objects} objects and {plans} plans: '
                         f'need at least {n_overview_pages + 2 * plans + 2}')
    n_goals = n_policies * GOALS_PER_POLICY
    rest = objects - n_policies - n_goals
    if rest < 3:
        raise ValueError(f'{objects} objects are too few: need at least {n_policies + n_goals + 3}')
    n_initiatives, n_indicators = rest * 4 // 10, rest * 3 // 10
    n_opinions = rest - n_initiatives - n_indicators

    policies = [Obj('policy', f'P{p}', words.phrase(3) + 'を図る', words.paragraph(2))
                for p in range(1, n_policies + 1)]
    goals = [Obj('goal', f'G{p}-{g}', words.phrase(3) + 'の世田谷区', words.paragraph(1),
                 {'policy': [f'P{p}']})
             for p in range(1, n_policies + 1) for g in range(1, GOALS_PER_POLICY + 1)]
    goal_ids = [goal.id for goal in goals]

    def linked(objtype: str, letter: str, count: int, title_words: int) -> list[Obj]:
        made = []
        for number in range(1, count + 1):
            links = sorted(set(rng.sample(goal_ids, min(len(goal_ids), rng.randint(1, 2)))),
                           key=goal_ids.index)
            made.append(Obj(objtype, f'{letter}{number}', words.phrase(title_words),
                            words.paragraph(rng.randint(1, 3)), {'goals': links}))
        return made

    everything = (policies + goals + linked('initiative', 'I', n_initiatives, 3)
                  + linked('indicator', 'K', n_indicators, 2) + linked('opinion', 'O', n_opinions, 4))

    content_pages = []
    per_page, extra = divmod(len(everything), n_content_pages)
    start = 0
    for number in range(n_content_pages):
        size = per_page + (1 if number < extra else 0)
        folder = f'plans/pl{number * plans // n_content_pages + 1:02d}' if plans else 'chapters'
        docname = f'{folder}/c{number + 1:04d}'
        chunk = everything[start:start + size]
        for obj in chunk:
            obj.page = docname
        content_pages.append((docname, f'第{number + 1}章 {words.phrase(2)}', words.paragraph(2), chunk))
        start += size

    initiatives = [obj for obj in everything if obj.objtype == 'initiative']
    overview_pages = [('overviews/system', '体系一覧',
                       [Overview('基本的方針・目指す姿・取組', 'goal', '', policies + goals + initiatives)])]
    for policy in policies:
        own_goals = [goal for goal in goals if goal.links['policy'] == [policy.id]]
        overview_pages.append((f'overviews/{policy.id.lower()}', f'{policy.id} の一覧', [
            Overview(f'{policy.id} の目指す姿', 'goal', policy.id, own_goals),
            Overview(f'{policy.id} の取組', 'initiative', policy.id, _initiatives_of(everything, own_goals)),
        ]))
    plan_list = [('overviews/index', '一覧', [page[0] for page in overview_pages])] if plans else []
    for number in range(1, plans + 1):
        folder = f'plans/pl{number:02d}'
        chapters = [docname for docname, *_ in content_pages if docname.startswith(folder + '/')]
        plan_list.append((f'{folder}/index', f'第{number}計画 {words.phrase(2)}', chapters))
    return Corpus(language, everything, content_pages, overview_pages, edited=goals[0], plans=plan_list)


def _initiatives_of(everything: list[Obj], goals: list[Obj]) -> list[Obj]:
    ids = {goal.id for goal in goals}
    return [obj for obj in everything
            if obj.objtype == 'initiative' and ids.intersection(obj.links['goals'])]


# -- Rendering -----------------------------------------------------------------

def site_settings(names: tuple[str, ...]) -> dict[str, object]:
    """The named settings of the site's ``conf.py`` (run, as Sphinx runs it)."""
    namespace = runpy.run_path(str(REPO / 'conf.py'))
    return {name: namespace[name] for name in names if name in namespace}


def _theme_conf(variant: str, theme_options: dict | None = None) -> str:
    """The site's theme and options, updated by ``theme_options``; plain without the extension's templates."""
    settings = site_settings(SITE_SETTINGS)
    settings['html_theme_options'] = {**settings['html_theme_options'], **(theme_options or {})}
    if variant != 'ours':
        # Components the extension provides (vision-footer-links) exist only with it.
        settings['html_theme_options'] = {
            key: [name for name in value if not name.startswith('vision-')] if isinstance(value, list)
            else value for key, value in settings['html_theme_options'].items()}
    else:
        settings.update(site_settings(SITE_VISION_SETTINGS))
    return "html_title = project\n" + ''.join(f'{name} = {value!r}\n' for name, value in settings.items())


def _conf(variant: str, language: str, theme: str = 'alabaster', theme_options: dict | None = None) -> str:
    common = f'''project = 'ベンチマーク用ビジョン'
author = '世田谷区'
copyright = '2023, 世田谷区'
language = {language!r}
root_doc = 'index'
exclude_patterns = ['_build']
myst_enable_extensions = ['colon_fence']
html_last_updated_fmt = None
html_copy_source = False
latex_engine = 'uplatex'
latex_documents = [(root_doc, 'bench.tex', project, author, 'manual')]
latex_elements = {{'papersize': 'a4paper', 'extraclassoptions': 'openany,oneside'}}
'''
    if theme == 'pydata':
        if variant == 'needs':
            raise ValueError('the pydata theme is for plain and ours (the plan-family scale)')
        common += _theme_conf(variant, theme_options)
    if variant == 'plain':
        return common + "extensions = ['myst_parser']\n"
    if variant == 'ours':
        return (f'import sys\nsys.path.insert(0, {str(REPO / "_ext")!r})\n\n' + common
                + "extensions = ['myst_parser', 'vision']\nvision_readings = 'readings.yaml'\n")
    types = ',\n'.join(
        f"    {{'directive': {t!r}, 'title': {TYPE_TITLES[t]!r}, 'prefix': {t[0].upper()!r}}}"
        for t in TYPES)
    return common + f'''extensions = ['myst_parser', 'sphinx_needs']
needs_types = [
{types},
]
needs_links = {{
    'policy': {{'incoming': '目指す姿', 'outgoing': '基本的方針'}},
    'goals': {{'incoming': '関連', 'outgoing': '目指す姿'}},
}}
needs_id_regex = r'^[A-Z][0-9-]+$'
needs_id_required = True
'''


def _links_text(obj: Obj, variant: str) -> str:
    """The inline reference to the first linked object, in each variant's syntax."""
    target = next(iter(obj.links.values()))[0]
    if variant == 'plain':
        return f'（{target} 参照）'
    if variant == 'needs':
        return f'（{{need}}`{target}` 参照）'
    objtype = 'policy' if target.startswith('P') else 'goal'
    return f'（{{{objtype}}}`{target}` 参照）'


def render_object(obj: Obj, variant: str) -> str:
    """One object; an opinion's text is its title and it has no other body."""
    is_opinion = obj.objtype == 'opinion'
    body = '' if is_opinion else obj.body + _links_text(obj, variant) if obj.links else obj.body
    if variant == 'plain':
        related = ''.join(f'\n\n{TYPE_TITLES["goal" if name == "goals" else name]}：{"、".join(ids)}'
                          for name, ids in obj.links.items())
        return f'**{obj.id} {obj.title}**\n\n{body}{related}\n'
    options = ''.join(f':{name}: {", ".join(ids)}\n' for name, ids in obj.links.items())
    if variant == 'needs':
        return f':::{{{obj.objtype}}} {obj.title}\n:id: {obj.id}\n{options}\n{body}\n:::\n'
    if is_opinion:
        return f':::{{opinion}} {obj.id}\n{options}\n{obj.title}\n:::\n'
    return f':::{{{obj.objtype}}} {obj.id}\n:title: {obj.title}\n{options}\n{body}\n:::\n'


def render_table(table: Overview, variant: str) -> str:
    if variant == 'plain':
        rows = ''.join(f'| {obj.id} | {obj.title} |\n' for obj in table.rows)
        return f'| ID | 名称 |\n|---|---|\n{rows}'
    if variant == 'needs':
        if not table.policy:
            return ':::{needtable}\n:types: policy;goal;initiative\n:columns: id;title\n:style: table\n:::\n'
        key = 'policy' if table.objtype == 'goal' else 'goals'
        # Quoted whole: MyST reads option values as YAML.
        condition = (f'\'"{table.policy}" in policy\'' if key == 'policy'
                     else f'any(g.startswith("G{table.policy[1:]}-") for g in goals)')
        return (f':::{{needtable}}\n:types: {table.objtype}\n:filter: {condition}\n'
                f':columns: id;title\n:style: table\n:::\n')
    if not table.policy:
        return ':::{vision-system}\n:::\n'
    return f':::{{vision-list}}\n:type: {table.objtype}\n:policy: {table.policy}\n:columns: id, title\n:::\n'


def render_content_page(title: str, intro: str, objects: list[Obj], variant: str) -> str:
    return f'# {title}\n\n{intro}\n\n' + '\n'.join(render_object(obj, variant) for obj in objects)


def render_overview_page(title: str, tables: list[Overview], variant: str) -> str:
    sections = ''.join(f'\n## {table.title}\n\n{render_table(table, variant)}' for table in tables)
    return f'# {title}\n{sections}'


def render_toctree(docnames: list[str]) -> str:
    return '```{toctree}\n:maxdepth: 1\n\n' + '\n'.join(docnames) + '\n```\n'


def render_index(corpus: Corpus) -> str:
    docs = ([page[0] for page in corpus.plans] if corpus.plans else
            [page[0] for page in corpus.overview_pages + corpus.content_pages])
    return f'# ベンチマーク用ビジョン\n\n{Words(0).paragraph(2)}\n\n{render_toctree(docs)}'


def render_plan(title: str, chapters: list[str]) -> str:
    """A plan's index: its chapters, named relative to the plan's folder."""
    return f'# {title}\n\n{Words(len(chapters)).paragraph(2)}\n\n{render_toctree([c.rsplit("/", 1)[1] for c in chapters])}'


def write_variant(corpus: Corpus, variant: str, root: Path, theme: str = 'alabaster',
                  theme_options: dict | None = None) -> dict:
    """Write one variant's project into ``root`` and return its edit manifest."""
    if root.exists():
        shutil.rmtree(root)
    pages = [page[0] for page in corpus.overview_pages + corpus.content_pages + corpus.plans]
    for folder in sorted({docname.rsplit('/', 1)[0] for docname in pages}):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / 'conf.py').write_text(_conf(variant, corpus.language, theme, theme_options), encoding='utf-8')
    (root / 'index.md').write_text(render_index(corpus), encoding='utf-8')
    if variant == 'ours':
        (root / 'readings.yaml').write_text('{}\n', encoding='utf-8')
    for docname, title, chapters in corpus.plans:
        (root / f'{docname}.md').write_text(render_plan(title, chapters), encoding='utf-8')
    for docname, title, tables in corpus.overview_pages:
        (root / f'{docname}.md').write_text(render_overview_page(title, tables, variant), encoding='utf-8')
    for docname, title, intro, objects in corpus.content_pages:
        (root / f'{docname}.md').write_text(render_content_page(title, intro, objects, variant),
                                            encoding='utf-8')
    edited = corpus.edited
    old = render_object(edited, variant)
    new_title = edited.title + '（改訂）'
    new = render_object(Obj(edited.objtype, edited.id, new_title, edited.body, edited.links), variant)
    manifest = {'variant': variant, 'objects': len(corpus.objects),
                'pages': 1 + len(pages),
                'edit': {'file': f'{edited.page}.md', 'old': old, 'new': new, 'id': edited.id}}
    (root / 'bench.json').write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding='utf-8')
    return manifest


def generate(outdir: Path, pages: int, objects: int, seed: int = 1, language: str = 'ja',
             variants: tuple[str, ...] = VARIANTS, policies: int | None = None,
             theme: str = 'alabaster', plans: int = 0, theme_options: dict | None = None) -> dict[str, Path]:
    corpus = build_corpus(pages, objects, seed, language, policies, plans)
    roots = {}
    for variant in variants:
        roots[variant] = Path(outdir) / variant
        write_variant(corpus, variant, roots[variant], theme, theme_options)
    return roots


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('outdir', type=Path)
    parser.add_argument('--pages', type=int, default=200)
    parser.add_argument('--objects', type=int, default=2000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--language', choices=('ja', 'en'), default='ja')
    parser.add_argument('--policies', type=int, help='default: one per 100 objects')
    parser.add_argument('--theme', choices=THEMES, default='alabaster',
                        help="pydata: the site's theme and options (plain and ours only)")
    parser.add_argument('--plans', type=int, default=0, help='split the chapters into N plans (default: none)')
    parser.add_argument('--collapse-navigation', action='store_true',
                        help="with --theme pydata: the theme's collapse_navigation option")
    args = parser.parse_args(argv)
    variants = VARIANTS if args.theme == 'alabaster' else ('plain', 'ours')
    theme_options = {'collapse_navigation': True} if args.collapse_navigation else None
    for variant, root in generate(args.outdir, args.pages, args.objects, args.seed, args.language,
                                  variants, policies=args.policies, theme=args.theme, plans=args.plans,
                                  theme_options=theme_options).items():
        print(f'{variant}: {root}')


if __name__ == '__main__':
    main()
