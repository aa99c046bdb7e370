"""How readers name an object: the one place that puts labels and titles together.

Every heading, link text, index entry, table cell and diagram box that names
an object gets its words here, so a change of wording (基本的方針① or
基本的方針1?) is made once. The words themselves are in the type's record (:mod:`vision.object_types`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import labels

if TYPE_CHECKING:
    from .model import VisionObject

#: Between a link to an object shown with its text and that text.
TEXT_SEPARATOR = '　'


def display_number(obj: VisionObject) -> str:
    """The number readers see: ``1-1`` for G1-1, the mark ``①`` for a policy, 第2回."""
    kind = obj.kind
    if kind.mark_field and obj.fields.get(kind.mark_field):
        return obj.fields[kind.mark_field]
    return kind.number_text(obj.number)


def object_label(obj: VisionObject) -> str:
    """Type and number: 目指す姿1-1, 基本的方針①, 意見3, 第2回会議."""
    return obj.kind.label_text(display_number(obj))


def heading_parts(obj: VisionObject) -> tuple[str, str, str]:
    """The heading as (label, separator, name): the name is the title, in
    「」 for the theme, empty for types shown with their text."""
    if obj.kind.quoted_title:
        quoted = str(labels.QUOTED_THEME).format(title=obj.title)
        # 「」 carry their own space in Japanese; English quotation marks need one.
        return object_label(obj), '' if quoted.startswith('「') else ' ', quoted
    if obj.kind.text_is_title or not obj.title:
        return object_label(obj), '', ''
    return object_label(obj), ' ', obj.title


def heading_text(obj: VisionObject) -> str:
    """The object's heading: 目指す姿1-1 地域の事業者が…, メインテーマ「…」, 意見3."""
    return ''.join(heading_parts(obj))


def reference_text(obj: VisionObject) -> str:
    """The generated text of a cross-reference: the heading."""
    return heading_text(obj)


def text_after_reference(obj: VisionObject) -> str:
    """What a list shows after the link: the text of a type shown with its text."""
    return f'{TEXT_SEPARATOR}{obj.title}' if obj.kind.text_is_title else ''


def listed_name(obj: VisionObject) -> str:
    """The name in a list of every object (the domain index): 意見3　…."""
    return heading_text(obj) + text_after_reference(obj)


def short_name(obj: VisionObject) -> str:
    """The name where the context already says the type (a diagram's box): 1-1 地域の…."""
    return f'{display_number(obj)} {obj.title}'
