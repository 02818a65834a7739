# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Each installs what is missing (system packages, .venv, the package with dev extras) first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
UD ?= ../shared/data/ud

.PHONY: setup system venv compiled browser run test lint format bench evaluate clean

setup: system venv compiled

system:
	@dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1 || { \
		echo "Installing libvoikko1 and voikko-fi"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libvoikko1 voikko-fi; }
	@$(PY) -c "import ensurepip, venv" 2>/dev/null || { \
		echo "Installing python3-venv"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; }
	@$(PY) -c "import sys; sys.exit(sys.version_info < (3, 11))" || { \
		echo "vastausanalyysi needs Python 3.11 or newer (found $$($(PY) --version)); set PY=python3.12 or similar"; exit 1; }
	@command -v gcc >/dev/null 2>&1 && $(PY) -c "import os, sys, sysconfig; \
		sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))" || { \
		echo "Installing gcc and the Python headers (to compile the tagger's hot modules)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gcc python3-dev; }

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

# the tagger's hot modules built with mypyc in place (rebuilt when a source is newer; the
# package runs the Python sources, with a warning, while a build is missing or out of date)
compiled: venv
	$(BIN)/python scripts/build_compiled.py

run: setup
	$(BIN)/vastausanalyysi run --out results

# the report's look is tested in a real browser: Debian's headless Chromium
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing chromium (for the report's browser test)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium poppler-utils; }

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	VASTAUSANALYYSI_EXPECT_COMPILED=1 $(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: setup
	$(BIN)/python benchmarks/bench_lemmatizer.py $(UD)/UD_Finnish-TDT/fi_tdt-ud-test.conllu

evaluate: setup
	$(BIN)/python -m vastausanalyysi evaluate lemmas $(UD)/UD_Finnish-TDT/fi_tdt-ud-test.conllu

clean:
	rm -rf $(VENV) results .pytest_cache .ruff_cache
	find src -name '*.so' -delete
