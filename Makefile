# The township kiosk. Two commands matter on a fresh Debian 12 machine:
#   make demo   runs the kiosk with simulated devices and demo data
#   make test   installs what the tests need (system packages included) and runs them all
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest system-deps-demo system-deps-test venv screenshots \
        sounds translations bench bundle clean

demo: system-deps-demo venv
	$(BIN)/kiosk --demo

test: system-deps-test venv lint typecheck pytest

system-deps-demo:
	@PYTHON=$(PYTHON) scripts/install-system-deps.sh demo

system-deps-test:
	@PYTHON=$(PYTHON) scripts/install-system-deps.sh test

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy

pytest: venv
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# every screen at the three sizes in both languages into build/screenshots/ (ignored by git);
# `make screenshots SCREENSHOTS_ARGS=--docs` renews only the docs' pictures in docs/screenshots/
screenshots: venv
	$(BIN)/python scripts/screenshots.py $(SCREENSHOTS_ARGS)

sounds: venv
	$(BIN)/python scripts/make_sounds.py

translations: venv
	$(BIN)/python scripts/update_translations.py

bench: venv
	$(BIN)/python -m benchmarks --write docs/performance.md

bundle: venv
	$(BIN)/pyinstaller --noconfirm kiosk.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
