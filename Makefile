# Build the Setagaya new industrial vision: `make` installs what is missing and
# builds HTML and PDF; `make test` runs the tests. See README.md.

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
SPHINXBUILD := $(BIN)/sphinx-build
BUILDDIR    := _build
SPHINXOPTS  ?= -W --keep-going
PDF         := $(BUILDDIR)/latex/setagaya-industrial-vision.pdf
# The print office's files (make pdf-print): 表紙, 本文 and 概要版 as PDF/X-4,
# listed in print-files.json, made from the print edition's own TeX build.
PRINT_DIR     := $(BUILDDIR)/print
PRINT_LATEX   := $(BUILDDIR)/print-edition/latex
PRINT_FILES   := $(PRINT_DIR)/print-files.json
# What `make preflight` checks (PDF:profile ...; every file of PRINT_FILES too)
# and where it writes its report.
PREFLIGHT_INPUTS ?= $(PDF):screen
PREFLIGHT_LOG    ?= $(BUILDDIR)/latex/setagaya-industrial-vision.log
PREFLIGHT_DIR    ?= $(BUILDDIR)/preflight

# Same sources, same bytes: fixed dates in Sphinx's output and in dvipdfmx's PDF.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1693872000)
export FORCE_SOURCE_DATE := 1
export PUPPETEER_SKIP_DOWNLOAD := true

# What editors type on the command line (make new TITLE=…, make compare BASE=…,
# make preview PORT=…) never passes through a shell's or make's own parsing: make
# would expand a command-line variable (and run any $(shell …) in it) when it
# exports it to a recipe, and a value pasted between quotes in a recipe is
# shell code. So these are not exported as they are; each recipe that needs one
# gets its raw text ($(value …), `$` kept) in a VISION_* environment variable
# and hands it to its program as "$$VISION_…", one argument the shell does not
# re-read.
EDITOR_VALUES := TYPE GOAL TITLE BASE PORT
unexport $(EDITOR_VALUES)

.PHONY: translations all deps system-deps html html-en pdf pdf-en summary-en pdf-print preflight preflight-check test test-fast lint catalogue check new preview bench clean compare summary pdf-accessible preflight-accessible

# The PDFs first: the HTML links to them, with their size and page count.
# Then the English edition (html-en) into en/ of the Japanese site, after its
# PDFs (pdf-en and summary-en: 16 s and 19 s from clean on the 2-core machine
# at load 5; up to about 34 s and 26 s at load 8-9).
all: deps pdf summary pdf-accessible pdf-en summary-en html html-en

deps: system-deps $(VENV)/.installed node_modules/.installed

system-deps:
	@tools/install-system-packages.sh

$(VENV)/.installed: pyproject.toml tools/requirements.py
	$(PYTHON) -m venv $(VENV)
	$(PYTHON) tools/requirements.py test lint > $(VENV)/requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check -r $(VENV)/requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# DEPS= skips the install check (the tests run `make compare`, `make new` ... in scratch copies).
DEPS        ?= deps

html: $(DEPS)
	$(SPHINXBUILD) -b html -c . -d $(BUILDDIR)/doctrees-html $(SPHINXOPTS) docs $(BUILDDIR)/html

# The English edition (issue 23) from the catalogues in locales/en, into en/
# of the Japanese site so that each page's language switcher finds its twin.
# Its pages link the English PDFs (make pdf-en, make summary-en) where the
# Japanese pages link theirs; there is no English tagged PDF, so the English
# 本編 PDF is the one PDF link and no 「印刷用PDF」 is offered beside it.
html-en: $(DEPS)
	$(SPHINXBUILD) -b html -c . -d $(BUILDDIR)/doctrees-html-en $(SPHINXOPTS) -D language=en \
	  -D vision_pdf=$(PDF_EN) -D vision_print_pdf= -D vision_summary_pdf=$(SUMMARY_PDF_EN) \
	  docs $(BUILDDIR)/html/en

pdf: $(DEPS)
	$(SPHINXBUILD) -M latexpdf docs $(BUILDDIR) -c . $(SPHINXOPTS) -q
	@echo "PDF: $(PDF)"

# The English PDF of the 本編 (issue 23): the same sources and catalogues as
# html-en, typeset as the Japanese PDF is (upLaTeX, ujbook: the names of people
# stay in Japanese script), its words in English (vision/print_edition/print_layout.py).
PDF_EN := $(BUILDDIR)/latex-en/setagaya-industrial-vision-en.pdf

pdf-en: $(DEPS)
	$(SPHINXBUILD) -M latexpdf docs $(BUILDDIR)/en -c . $(SPHINXOPTS) -q -D language=en
	mkdir -p $(dir $(PDF_EN))
	cp $(BUILDDIR)/en/latex/$(notdir $(PDF)) $(PDF_EN)
	@echo "PDF: $(PDF_EN)"

# The English edition's catalogues (locales/en/LC_MESSAGES/<page>.po, one per
# page): extract the Japanese with Sphinx's gettext builder, merge it into the
# catalogues with sphinx-intl (translations kept; a changed sentence becomes
# fuzzy), then print each page's translated, fuzzy and untranslated counts.
# The theme's template words are the extension's catalogue, not the site's.
GETTEXT_DIR := $(BUILDDIR)/gettext
LOCALES     := locales
translations: $(DEPS)
	rm -rf $(GETTEXT_DIR)
	$(SPHINXBUILD) -b gettext -E -c . -d $(BUILDDIR)/doctrees-gettext -q docs $(GETTEXT_DIR)
	rm -f $(GETTEXT_DIR)/sphinx.pot
	$(BIN)/sphinx-intl update -p $(GETTEXT_DIR) -d $(LOCALES) -l en -w 0 -j 1 > $(GETTEXT_DIR)/update.log
	@{ grep -v '^Not Changed' $(GETTEXT_DIR)/update.log || true; }
	@PYTHONPATH=_ext $(BIN)/python -m vision.translation.status $(LOCALES)/en/LC_MESSAGES

# Every validation of docs/ and data/ in one run; writes nothing, exits 1 on any problem.
check: $(DEPS)
	@$(BIN)/python tools/check.py docs .

# Add a numbered object with its required options to the right page:
# make new TYPE=initiative GOAL=G1-1 [TITLE='…'] (also TYPE=indicator, TYPE=opinion).
new: export VISION_TYPE := $(value TYPE)
new: export VISION_GOAL := $(value GOAL)
new: export VISION_TITLE := $(value TITLE)
new: $(DEPS)
	@$(BIN)/python tools/new_object.py -- "$$VISION_TYPE" "$$VISION_GOAL" "$$VISION_TITLE"

# The print office's files: the print edition (two-sided, chapters on the
# right, see vision/print_edition/press.py) and the 概要版, made PDF/X-4 in
# CMYK (or 墨1色) by tools/print_profile.py under $(PRINT_DIR).
pdf-print: summary
	$(SPHINXBUILD) -M latexpdf docs $(BUILDDIR)/print-edition -c . $(SPHINXOPTS) -q \
	  -D vision_edition=print -D vision_diagram_cache=$(abspath $(BUILDDIR))/.mermaid-cache
	$(BIN)/python tools/print_profile.py --edition $(PRINT_LATEX) --summary $(SUMMARY_PDF) \
	  --out $(PRINT_DIR)

# Check the screen PDF and every print file; fails on a blocking problem (see tools/preflight.py).
preflight: pdf pdf-print
	@$(MAKE) --no-print-directory preflight-check

preflight-check:
	$(BIN)/python tools/preflight.py --out $(PREFLIGHT_DIR) --log $(PREFLIGHT_LOG) \
	  $(if $(PRINT_FILES),--print-files $(PRINT_FILES)) $(PREFLIGHT_INPUTS)

# Live preview for editors: one Sphinx process and one diagram browser kept
# running between saves; pages reload when the build is done (tools/preview.py).
PORT ?= 8000
preview: export VISION_PORT := $(value PORT)
preview: $(DEPS)
	$(BIN)/python tools/preview.py --port="$$VISION_PORT"

# The 概要版 (summary edition): only docs/summary.md, as its own PDF.
SUMMARY_PDF := $(BUILDDIR)/summary/setagaya-industrial-vision-summary.pdf

summary: $(DEPS)
	$(SPHINXBUILD) -M latexpdf docs $(BUILDDIR)/summary -c . $(SPHINXOPTS) -q -D vision_edition=summary
	cp $(BUILDDIR)/summary/latex/$(notdir $(SUMMARY_PDF)) $(SUMMARY_PDF)
	@echo "PDF: $(SUMMARY_PDF)"

# The English 概要版 (issue 23): as make summary, from the English catalogues.
# Its HTML is summary.html of the English site (make html-en).
SUMMARY_PDF_EN := $(BUILDDIR)/summary-en/setagaya-industrial-vision-summary-en.pdf

summary-en: $(DEPS)
	$(SPHINXBUILD) -M latexpdf docs $(BUILDDIR)/summary-en -c . $(SPHINXOPTS) -q -D vision_edition=summary -D language=en
	cp $(BUILDDIR)/summary-en/latex/$(notdir $(SUMMARY_PDF)) $(SUMMARY_PDF_EN)
	@echo "PDF: $(SUMMARY_PDF_EN)"

# The tagged PDF for screen readers (issue 22, first part): the 本編 as one
# page (singlehtml), printed by Chromium to a tagged A4 PDF
# (tools/print_accessible.mjs), then given its XMP metadata
# (tools/pdf_accessible.py); about 21 s with the 概要版. Part of `make`: the site's PDF link
# (vision_pdf); the upLaTeX PDF is the 「印刷用PDF」 (vision_print_pdf).
# `make preflight-accessible` checks its structure (tools/preflight_accessible.py).
ACCESSIBLE_DIR := $(BUILDDIR)/pdf-accessible
ACCESSIBLE_PDF := $(ACCESSIBLE_DIR)/$(notdir $(PDF))

ACCESSIBLE_SUMMARY := $(ACCESSIBLE_DIR)/$(notdir $(SUMMARY_PDF))

# The same build writes the 概要版 as a page of its own (summary.html,
# vision.print_edition.single_page): its tagged PDF is printed the same way.
pdf-accessible: $(DEPS)
	$(SPHINXBUILD) -b singlehtml -c . -d $(BUILDDIR)/doctrees-singlehtml $(SPHINXOPTS) -q docs $(ACCESSIBLE_DIR)/html
	node tools/print_accessible.mjs $(ACCESSIBLE_DIR)/html/index.html $(ACCESSIBLE_DIR)/tagged.pdf
	$(BIN)/python tools/pdf_accessible.py $(ACCESSIBLE_DIR)/tagged.pdf $(ACCESSIBLE_PDF) --conf .
	node tools/print_accessible.mjs $(ACCESSIBLE_DIR)/html/summary.html $(ACCESSIBLE_DIR)/tagged-summary.pdf
	$(BIN)/python tools/pdf_accessible.py $(ACCESSIBLE_DIR)/tagged-summary.pdf $(ACCESSIBLE_SUMMARY) --conf . --summary

preflight-accessible: pdf-accessible
	$(BIN)/python tools/preflight_accessible.py $(ACCESSIBLE_PDF)
	$(BIN)/python tools/preflight_accessible.py $(ACCESSIBLE_SUMMARY)

# The 新旧対照表 between a stage and the working tree: make compare BASE=素案
compare: export VISION_BASE := $(value BASE)
compare: html
	@test -n "$$VISION_BASE" || { echo 'make compare: 比べる版を BASE= で指定してください（例：make compare BASE=素案）' >&2; exit 2; }
	PYTHONPATH=_ext $(BIN)/python -m vision.editions.compare --base="$$VISION_BASE" \
	  --html $(BUILDDIR)/html --out $(BUILDDIR)/compare

test: deps
	$(BIN)/python -m pytest

# The inner loop: every test that runs neither TeX, nor a page in a browser, nor EPUBCheck.
test-fast: deps
	$(BIN)/python -m pytest -m 'not tex and not browser and not epubcheck'

# Compile the extension's message catalogues (_ext/vision/locale/*/LC_MESSAGES/*.po).
catalogue: $(DEPS)
	$(BIN)/pybabel compile -d _ext/vision/locale -D vision
	$(BIN)/pybabel compile -d _ext/vision/locale -D sphinx
	$(BIN)/pybabel compile -d _ext/vision/locale -D vision-messages

# ruff (lint and import order) and mypy, configured in pyproject.toml.
lint: $(DEPS)
	$(BIN)/ruff check .
	$(BIN)/mypy

# Build speed and memory against plain Sphinx and sphinx-needs (bench/README.md).
# sphinx-needs lives in its own venv, never in .venv. Options: BENCHOPTS='--repeat 1 --scale'.
BENCH_VENV := bench/_work/venv
BENCHOPTS  ?=

$(BENCH_VENV)/.installed: pyproject.toml tools/requirements.py
	$(PYTHON) -m venv $(BENCH_VENV)
	$(PYTHON) tools/requirements.py bench > $(BENCH_VENV)/requirements.txt
	$(BENCH_VENV)/bin/pip install -q --disable-pip-version-check -r $(BENCH_VENV)/requirements.txt
	touch $@

# The extension is byte-compiled first, as pip compiles the packages that
# plain Sphinx and sphinx-needs run from: with PYTHONDONTWRITEBYTECODE set
# (as on the build machine) every build of ours compiled its ~110 modules
# again, 0.05-0.07 s of each no-change rebuild.
bench: system-deps $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python -m compileall -q _ext
	$(BENCH_VENV)/bin/python bench/run.py $(BENCHOPTS)

clean:
	rm -rf $(BUILDDIR)
