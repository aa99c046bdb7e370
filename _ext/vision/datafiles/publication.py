"""The publication's facts for the cover and the colophon (奥付): date, issuer, editor.

The date is never typed as Japanese text. It is ``vision_publication_date``
(an ISO date, ``2023-09`` or ``2023-09-05``) when ``conf.py`` sets one, or else
the report date ``as_of`` of the meetings data file (``data/meetings.yaml``),
and is shown as 「令和5年9月（2023年9月）」, computed by :mod:`vision.datafiles.era`.

The output modules ask for it with the ``vision-publication`` event
(``(app, config) -> Publication``), so that they need not read data files.

Everything on the colophon but the title, stage and date is configuration
(``vision_colophon``); a field that is not set is left out, never invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from sphinx.util import logging

from .. import events, labels
from ..config import COLOPHON_FIELDS
from .era import PartialDate, era_year, era_year_en, is_english, month_day_en

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Publication:
    title: str
    subtitle: str
    stage: str
    date: PartialDate | None
    #: The issuer on the cover: the colophon's publisher, or Sphinx's ``author``.
    issuer: str
    #: The ``vision_colophon`` fields that ``conf.py`` sets, by key.
    fields: dict[str, str]
    #: The build's language (``ja``; ``en`` for the English edition).
    language: str = 'ja'

    @property
    def date_text(self) -> str:
        """``令和5年9月（2023年9月）``, or empty when no date is known."""
        return display_date(self.date, self.language)

    @property
    def colophon(self) -> tuple[tuple[str, str], ...]:
        """``(label, value)`` for each colophon field that is set, in print order."""
        return tuple((str(labels.COLOPHON_LABELS[key]), self.fields[key])
                     for key in COLOPHON_FIELDS if self.fields.get(key))


def display_date(day: PartialDate | None, language: str | None = 'ja') -> str:
    """``令和5年9月（2023年9月）``: the month of publication, in era and western years;
    in English ``September 2023 (Reiwa 5)``."""
    if day is None:
        return ''
    if is_english(language):
        month = PartialDate(day.year, day.month)
        return f'{month_day_en(month)} {era_year_en(month)}'
    return f'{era_year(day)}{day.month}月（{day.year}年{day.month}月）'


def publication_date(config: Config, confdir: str | Path) -> PartialDate | None:
    """``vision_publication_date``, or the meetings file's ``as_of``.

    None, with a warning, when the file gives no date; None, silently, when a
    project has no such file (test roots, a plan without a committee): the
    cover and colophon then show no date rather than an invented one.
    """
    if config.vision_publication_date:  # checked and made ISO by vision.config
        return PartialDate.parse(config.vision_publication_date)
    path = Path(confdir, config.vision_publication_date_file)
    if not path.is_file():
        return None
    try:
        return PartialDate.parse(str(yaml.safe_load(path.read_text(encoding='utf-8'))['as_of']))
    except (OSError, yaml.YAMLError, TypeError, KeyError, ValueError) as exc:
        logger.warning('no publication date for the cover: as_of in %s cannot be read (%s); '
                       'set vision_publication_date = "YYYY-MM" in conf.py',
                       config.vision_publication_date_file, exc, type='vision', subtype='config')
        return None


def publication(config: Config, confdir: str | Path) -> Publication:
    colophon = config.vision_colophon  # only COLOPHON_FIELDS (vision.config)
    return Publication(title=config.project, subtitle=config.vision_subtitle,
                       stage=config.vision_stage, date=publication_date(config, confdir),
                       issuer=str(colophon.get('publisher') or config.author),
                       fields={key: str(value) for key, value in colophon.items() if value},
                       language=config.language or 'ja')


def answer_publication(app: Sphinx, config: Config) -> Publication:
    """Answer ``vision-publication``: this project's publication facts."""
    return publication(config, app.confdir)


def setup(app: Sphinx) -> None:
    app.connect(events.PUBLICATION, answer_publication)
