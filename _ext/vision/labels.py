"""Every label readers see, in one place and marked for translation.

The message ids are the Japanese labels themselves: the Japanese build shows
them as written, and a catalogue for the ``vision`` domain (``locale/<lang>/
LC_MESSAGES/vision.mo``) can translate them for another language. Labels are
lazy: they are looked up when rendered, after Sphinx has loaded the catalogue.

Labels are grouped by the part of the extension that shows them. Names made of
labels and titles (目指す姿1-1 …) are put together in :mod:`vision.domain.naming`.
"""

from __future__ import annotations

from sphinx.locale import get_translation

_ = get_translation('vision')

# -- Objects, their links and the views of many objects (domain/, views/) -----

#: The domain's name where readers see it (search results: ビジョン 目指す姿).
DOMAIN_LABEL = _('ビジョン')

# The names of the object types and their backlinks' headings are the
# registry's (vision.object_types; defaults in vision.type_defaults).

#: How a meeting's number is read: 第2回.
MEETING_NUMBER = _('第{number}回')
#: A meeting as a step of the schedule: 第5回「地域経済の持続可能な発展を目指す会議」.
MEETING_STEP = _('{number}「{committee}」')

#: The labels of an object's plain fields (options); a link's label is the
#: name of the type it points at.
FIELD_LABELS = {
    'unit': _('単位'),
    'baseline': _('現状値'),
    'target': _('目標値'),
    'year': _('目標年度'),
    'source': _('出典'),
    'tags': _('タグ'),
}

#: Column headings of the generated tables besides links (the linked type's name).
COLUMN_LABELS = {
    'id': _('番号'),
    'type': _('種類'),
    'title': _('名称'),
    'text': _('内容'),
    'unit': _('単位'),
    'baseline': _('現状値'),
    'target': _('目標値'),
    'year': _('目標年度'),
    'source': _('出典'),
    'tags': _('タグ'),
}

#: ``{document}`` is ``vision_document_name`` (新産業ビジョン).
SYSTEM_TABLE_CAPTION = _('{document}の体系')
MATRIX_CAPTION = _('意見と目指す姿の対応')
MATRIX_MARK = _('●')
#: Screen readers read this instead of the mark.
MATRIX_MARK_DESCRIPTION = _('対応あり')
#: Under the matrix: on the residents' site (vision.web.matrix_html) and in print.
MATRIX_LEGEND = _('●は、その意見を反映した目指す姿を示す。列見出しの①〜④は基本的方針、'
                  'その下の数字は方針ごとの目指す姿の番号である。')
#: Before the goals in the matrix's list form: 意見1　反映した目指す姿：1-1 …
MATRIX_LIST_LEAD = _('　反映した目指す姿：')
#: Above the matrix on wide screens: the column numbers' goals, readable without hovering.
MATRIX_KEY_TITLE = _('列見出しの目指す姿')
NO_OBJECTS = _('該当するものはありません。')

#: The domain index: its page title and its short name in links.
INDEX_NAME = _('ビジョン項目索引')
INDEX_SHORT_NAME = _('項目索引')

#: The page number after a cross-reference in print.
PAGE_REFERENCE = _('（{page}ページ）')


# -- Diagrams (diagrams/) -----------------------------------------------------

# The root box of the structure diagram, the ordinance, is ``vision_ordinance``
# in conf.py; the frame around the top level's row (4つの基本的方針) is that
# type's ``group_label``.
STRUCTURE_CAPTION = _('{document}の体系図')
#: ``{policy}`` is the policy's label, e.g. 基本的方針②.
POLICY_STRUCTURE_CAPTION = _('{policy}の体系図')
#: The accessible name of an editor's diagram that has neither caption nor alt text.
UNTITLED_DIAGRAM = _('図')
#: The link under a drawing to the drawing at its own size.
ENLARGE_DIAGRAM = _('図を拡大')

# -- Committee: members, meetings and schedule (datafiles/) -------------------

ROSTER_CAPTION = _('委員名簿')
ROSTER_HEADERS = (_('番号'), _('団体等'), _('氏名・肩書（順不同、敬称略）'))
#: A member with a title: 長山 宗広（駒澤大学経済学部教授）.
NAME_WITH_TITLE = _('{name}（{title}）')

MEETINGS_CAPTION = _('会議の開催状況（{as_of}現在）')
MEETINGS_HEADERS = (_('回'), _('開催日'), _('主な議題'), _('状況'))
#: A meeting's status as of the report's date.
STATUS = {'held': _('開催済み'), 'planned': _('予定')}
#: A step's status after its date in the timeline: 9月7日（予定）.
STATUS_AFTER = _('（{status}）')
#: One step of the timeline's text alternative: 令和5年9月7日　第5回「…」（予定）.
STEP_ITEM = _('{date}　{title}（{status}）')

SCHEDULE_CAPTION = _('スケジュール')
SCHEDULE_PLANNED_CAPTION = _('今後のスケジュール（予定）')
SCHEDULE_HEADERS = (_('時期'), _('予定'))
SCHEDULE_STATUS_HEADER = _('状況')
TIMELINE_CAPTION = _('{caption}の流れ')

# -- Print: compact links and backlinks (print_edition/latex.py) ----------------------

#: A run-in label in print, before an object's links: 目指す姿：.
RUN_IN_LABEL = _('{label}：')
#: Between run-in references in print.
RUN_IN_SEPARATOR = _('、')

# -- Editions: the 新旧対照表 between two stages (issue 14: vision.editions) -----

COMPARE_TITLE = _('{project} 新旧対照表')
#: Which versions are compared: ``{base}`` is the git revision (a stage's tag).
COMPARE_REVISIONS = _('改正後：現在のソース　改正前：{base}')
COMPARE_CHANGES_HEADING = _('変更の概要')
COMPARE_COUNTS_CAPTION = _('種類ごとの件数')
COMPARE_KIND_HEADER = _('種類')
COMPARE_UNCHANGED_HEADER = _('変更なし')
COMPARE_NO_CHANGES = _('変更はない。')
COMPARE_ROW_LINK = _('対照表の該当行')
COMPARE_TABLE_HEADING = _('新旧対照表')
COMPARE_NOTE = _('（傍線部分は改正部分）')
COMPARE_COLUMN_NEW = _('改正後')
COMPARE_COLUMN_OLD = _('改正前')
#: Shown on the old side of an added item, and on the new side of a removed one.
COMPARE_ADDED = _('（新設）')
COMPARE_REMOVED = _('（削る）')
#: What a row's change is called in the summary.
COMPARE_CHANGES = {'added': _('新設'), 'removed': _('削除'), 'changed': _('改正')}

# -- Editions: the 概要版 (issue 14: vision.editions.summary) ------------------

#: The summary edition's name, after the title: 世田谷区新産業ビジョン（概要版）.
SUMMARY_NAME = _('概要版')
#: What follows a title in brackets: 「（概要版）」, English ' (Summary edition)'.
AFTER_TITLE = _('（%s）')
#: The main theme quoted on the 概要版: 「せたがやの…」, English “…”.
QUOTED_THEME = _('「{title}」')

# -- Print edition: front and back matter (issue 12) ----------------------------

#: The heading of the introduction, in both editions.
PREFACE_HEADING = _('はじめに')
#: The colophon's (奥付) field labels, by key of ``vision_colophon``.
COLOPHON_LABELS = {
    'date': _('発行年月'),
    'publisher': _('発行'),
    'editor': _('編集'),
    'address': _('所在地'),
    'phone': _('電話'),
    'fax': _('ファクシミリ'),
    'url': _('ホームページ'),
    'number': _('刊行番号'),
}
#: The heading of the tagged PDF's contents (vision.print_edition.single_page), as the upLaTeX PDF's.
PDF_CONTENTS_HEADING = _('目次')
#: The label of the cover page in the PDF's page labels (the reader's page box).
COVER_PAGE_LABEL = _('表紙')
#: A translated edition's note, on its pages and in its PDF's front matter.
TRANSLATION_NOTE = _('この版は参考訳です。内容は日本語版が優先します。')

# The front page's first screen (vision.web.landing).
LANDING_LEAD_DRAFT = _('この文書は、%sの%sです。')
LANDING_LEAD = _('この文書は、%sです。')
LANDING_MAIN_PDF = _('本編')
LANDING_SUMMARY_PDF = _('概要版')
#: The print edition's PDF (upLaTeX), next to the tagged PDF that the site offers first.
PRINT_PDF = _('印刷用PDF')
LANDING_DOWNLOADS = _('PDFでダウンロード')

#: The 404 page's title (its text is the template's, web/templates/vision-404.html).
NOT_FOUND_TITLE = _('ページが見つかりません')
#: A PDF's link: 「概要版（PDF：120KB、4ページ）」 (vision.web.page_info.pdf_link_text).
PDF_LINK = _('{name}（{details}）')
PDF_KIND = _('PDF：')
PDF_PAGES = _('、{pages}ページ')
#: The 概要版's cover line after the title: 「世田谷区新産業ビジョン（素案）　令和5年9月（2023年9月）」.
COVER_DATE = _('　{date}')
