"""Words and phrases taken from the ward's report (shared/seed), as a resident
would type them into the search box. Every one of them is in the site."""

RECALL_TERMS = (
    # Named by the issue: Sphinx's own Japanese search finds none of these.
    '世田谷区', '事業承継', '商店街',
    # Words of the report.
    '産業振興', '地域経済', '持続可能', '基本的方針', '目指す姿', '条例', '区民生活',
    '商工農', 'コーディネーター', 'コミュニティ', 'サードプレイス', '個人事業主', '壁打ち',
    '産業団体', '公益的役割', '工業', '農業', '若い世代', '事業転換', '支援産業',
    '都市型産業', 'フリーランス', 'キャリア', 'サステナブル', '就業機会', 'インセンティブ',
    '副業', '起業創業', 'アントレプレナーシップ', '実証', '再起', 'プラットフォーム',
    'エシカル', 'ものづくり', '休眠預金', 'インパクト投資', 'ソーシャルビジネス', 'ファンド',
    'ごちゃ混ぜ', 'リビングラボ', '産業ビジョン', '常任委員会', '駒澤大学', '東京商工会議所',
    '信用金庫', 'ウェルビーイング', 'わくわく感', 'ステークホルダー', '共創', '公益性',
    '経済産業部', '産業連携交流推進課', '橋渡し', '学識経験者', '敬称略', '遭遇', '原動力',
    '両立', '理念',
    # Latin letters and digits, as written.
    'NPO', 'Polaris', 'UPDATER', '平成30年度', '令和5年3月',
    # Phrases, including one with a space as in the member list.
    '伝統的な技術', 'もったいない事業', '外部プロフェッショナル', '寛容な場', '子どもの教育',
    '顔の見える化', 'ソーシャルインパクト指標', 'フェアトレードタウン', 'エシカルコンシェルジュ',
    'エンタメコンテンツ', '非経済的な価値', '土壌作り', '業種間の連関', '体系的整理',
    '新たな価値と豊かさ', '長山 宗広',
    '地域の事業者が更に安心して継続的に事業を営むことができる世田谷区',
)

#: Every bigram of this phrase is on the 条例 page, but the phrase is nowhere:
#: bigrams alone would report that page.
SCATTERED = '区民生活の基盤'

#: Queries for ranking and for several words at once.
TITLE_QUERIES = ('基盤強化', '多様な地域産業の基盤強化')
TWO_WORDS = '区民生活 支える'
