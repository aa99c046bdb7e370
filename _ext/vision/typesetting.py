"""Japanese typesetting data, one copy for every output: kinsoku characters and eras.

The diagrams' labels (:mod:`vision.diagrams.phrases`), the 新旧対照表's LaTeX
(:mod:`vision.editions.compare_latex`), the site's unbroken dates
(:mod:`vision.web.nowrap_dates`), era dates (:mod:`vision.datafiles.era`) and
the dates in ``conf.py`` (:mod:`vision.config`) all read these tables, so
they cannot disagree. Pure data: no Sphinx, no clock.
"""

from __future__ import annotations

from datetime import date

# -- 禁則 (kinsoku): JIS X 4051's line-start and line-end prohibitions, the subset in use ----
_SMALL_KANA = ('ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ'
               'ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ')
_CLOSING = ')）]］｝〕〉》」』】〙〗〟’”'
_PUNCTUATION = '、。，．・：；！？'
#: Iteration marks, the long-vowel mark, the dash and the percent sign that
#: follows its number.
_TRAILING = 'ゝゞヽヾ々ー―%％'

#: A line may not start with these.
NO_LINE_START = frozenset(_SMALL_KANA + _CLOSING + _PUNCTUATION + _TRAILING)
#: A line may not end with these (opening brackets and quotes).
NO_LINE_END = frozenset('(（[［｛〔〈《「『【〘〖〝‘“')

# -- Eras (元号) -----------------------------------------------------------------------------
#: Each era's name and first day (Gregorian). Dates before the first entry,
#: when Japan still used the lunisolar calendar, have no era date.
ERAS = (
    ('明治', date(1873, 1, 1)),  # Gregorian calendar adopted on 明治6年1月1日
    ('大正', date(1912, 7, 30)),
    ('昭和', date(1926, 12, 25)),
    ('平成', date(1989, 1, 8)),
    ('令和', date(2019, 5, 1)),
)
#: The Gregorian year of each era's first year (明治's is 1868, although the
#: table starts at its sixth year).
ERA_FIRST_YEAR = {name: start.year for name, start in ERAS} | {'明治': 1868}
#: The era names, newest first (for patterns that find era dates in text).
ERA_NAMES = tuple(name for name, _start in reversed(ERAS))
