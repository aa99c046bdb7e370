"""The English edition from the Japanese sources (issue 23), with Sphinx's own gettext i18n.

The catalogues are the site's (``locales/en/LC_MESSAGES/<page>.po``, one per
page, merged by ``make translations`` with sphinx-intl). This part owns:

- :mod:`~vision.translation.catalogue`: reading a page's ``.po`` as it is
  (fuzzy entries, and entries whose Japanese changed), cached by file;
- :mod:`~vision.translation.status`: each page's translated, fuzzy and
  untranslated counts (``make translations``, ``make check``).

Imports no other part: every part that stores the pages' words may use it.
"""
