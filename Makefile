# make run  — set up .venv and start Traumefokus on the default data directory
# make test — set up .venv with the test extras and run the whole suite offscreen (on SQLite
#             and on a throwaway PostgreSQL server when its binaries are installed)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint translations bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Traumefokus needs Python 3.11 or newer (found $(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,postgres]'
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

clean:
	rm -rf $(VENV) build dist
