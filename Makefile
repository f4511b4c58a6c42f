# make run  — set up .venv and start Traumefokus on the default data directory
# make test — set up .venv with the test extras and run the whole suite offscreen (on SQLite
#             and on a throwaway PostgreSQL server when its binaries are installed)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint translations bench clean lock

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Traumefokus needs Python 3.11 or newer (found $(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# Exact versions, tested together (`make lock` refreshes them from pyproject.toml's bounds):
# the program's own, and with the test and PostgreSQL extras.
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock

$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(PIP) -r $(LOCK)
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(TEST_LOCK) | $(BIN)/python
	$(PIP) -r $(TEST_LOCK)
	$(PIP) --no-deps -e .
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/traumefokus

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests bench

# Refresh the Qt catalogues after changing user-visible strings in desktop/traumefokus/ui.
translations: $(VENV)/.installed
	$(BIN)/python tools/translations.py update

# Refresh the lock files: the newest versions pyproject.toml allows, resolved in a fresh
# environment (then run `make test` and commit the two files together).
lock: | $(BIN)/python
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
	.lock-venv/bin/python -m pip freeze --exclude-editable > $(LOCK)
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test,postgres]'
	.lock-venv/bin/python -m pip freeze --exclude-editable > $(TEST_LOCK)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist .lock-venv
