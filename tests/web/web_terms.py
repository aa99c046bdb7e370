"""Words of the made-up site (tests/roots/test-site) as a resident would type
them into the search box, for the search tests outside tests/content. The
real site's words are in tests/content/site_terms.py."""

RECALL_TERMS = (
    '架空区', '見本', '交流', '基盤強化', '事業者', '学び', '委員名簿', '見本大学', '学識経験者',
    '見本 太郎', '見本の事業者が安心して事業を営む街',
)

#: Every bigram of this phrase is on the page of policy P1, but the phrase is
#: nowhere: bigrams alone would report that page.
SCATTERED = '産業の事業者'

#: Queries for ranking and for several words at once.
TITLE_QUERIES = ('基盤強化', '見本の産業の基盤強化')
TWO_WORDS = '見本 学び'

#: Terms typed as they sound (search by reading), readings written by hand.
READING_TERMS = {
    'こうりゅう': '交流', 'みほん': '見本', 'じぎょうしゃ': '事業者', 'きばん': '基盤',
    'がくしき': '学識', 'キギョウ': '企業',
}

#: Terms a resident is sure to look for on this site.
EXAMPLES = ('架空区', '交流', '見本')
