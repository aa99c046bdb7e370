"""Every label readers see, in Japanese, in one place.

Owned by the domain (issue 3); other modules add their labels below in
clearly separated blocks.
"""

# -- Committee: members, meetings and schedule (vision.committee_tables) ------

ROSTER_CAPTION = '委員名簿'
ROSTER_HEADERS = ('番号', '団体等', '氏名・肩書（順不同、敬称略）')

MEETINGS_CAPTION = '会議の開催状況（{as_of}現在）'
MEETINGS_HEADERS = ('回', '開催日', '主な議題', '状況')
MEETING_NUMBER = '第{number}回'
STATUS = {'held': '開催済み', 'planned': '予定'}

SCHEDULE_CAPTION = 'スケジュール'
SCHEDULE_PLANNED_CAPTION = '今後のスケジュール（予定）'
SCHEDULE_HEADERS = ('時期', '予定')
SCHEDULE_STATUS_HEADER = '状況'
TIMELINE_CAPTION = '{caption}の流れ'
