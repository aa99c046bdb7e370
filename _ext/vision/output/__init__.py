"""What one kind of output needs and the others do not.

Owns HTML (the stylesheet and static folder, the theme's templates and
adjustments), LaTeX (object environments, page references,
``sphinxvision.sty``, index readings for mendex), the draft stage on every
page and on the cover, the Japanese search index, and ``vision.json``.

May import: :mod:`vision.domain`, :mod:`vision.config`, :mod:`vision.labels`.
Nothing else imports this package.
"""
