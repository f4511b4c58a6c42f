# make run  — set up .venv and start Traumefokus on the default data directory
# make test — set up .venv with the test extras and run the whole suite offscreen (on SQLite
#             and on a throwaway PostgreSQL server when its binaries are installed)
# make bundle — the frozen one-folder program in dist/traumefokus/ (PyInstaller, in .bundle-venv)
# make bundle-test — build it if needed, then run packaging/bundle_test.py against it
# make bench — every bench/ script's figures, on one large demo (2000 clients, ten years) built
#              once in .bench-data/ (or BENCH_DATA=DIR); see bench/README.md
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint translations bench clean lock bundle bundle-test guide-shots

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

# The bundle is built in a venv of its own (.bundle-venv, from requirements-bundle.lock: the
# test lock plus PyInstaller), so that .venv and the other locks stay as they are.
BUNDLE_VENV := .bundle-venv
BUNDLE_LOCK := requirements-bundle.lock
BUNDLE := dist/traumefokus/traumefokus
BUNDLE_SOURCES := $(shell find desktop resources manuals -type f -not -path '*/__pycache__/*')

$(BUNDLE_VENV)/.installed: $(BUNDLE_LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Traumefokus needs Python 3.11 or newer (found $(PYTHON))"; exit 1; }
	rm -rf $(BUNDLE_VENV)
	$(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $(BUNDLE_LOCK)
	touch $@

$(BUNDLE): $(BUNDLE_VENV)/.installed packaging/traumefokus.spec $(BUNDLE_SOURCES)
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/traumefokus.spec
	touch $@

bundle: $(BUNDLE)

bundle-test: $(BUNDLE)
	$(BUNDLE_VENV)/bin/python packaging/bundle_test.py $(BUNDLE)

# The bench: the large demo is built once (a few minutes; into a temporary folder renamed into
# place, so an interrupted build is not taken for a database), then each script prints its
# figures on it. The scripts that write (coding rounds, signing, audit entries) write there.
BENCH_DATA ?= .bench-data
BENCH_SCRIPTS := startup content_load lists planning session logbook overview documents coding \
	audit backup encryption memory

$(BENCH_DATA)/traumefokus.db: | $(VENV)/.installed
	rm -rf $(BENCH_DATA).building
	TRAUMEFOKUS_PASSWORD=traumefokus-demo $(BIN)/traumefokus demo --clients 2000 \
		--data-dir $(BENCH_DATA).building --lang en
	test ! -e $(BENCH_DATA) || rmdir $(BENCH_DATA)  # an empty folder only: never a user's files
	mv $(BENCH_DATA).building $(BENCH_DATA)

bench: $(VENV)/.installed $(BENCH_DATA)/traumefokus.db
	@echo "machine: $$(uname -srm), $$(nproc 2>/dev/null || sysctl -n hw.ncpu) CPUs" \
		"$$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -1)," \
		"$$(date '+%Y-%m-%d %H:%M')"
	@for script in $(BENCH_SCRIPTS); do \
		echo "=== bench/$$script.py"; \
		case $$script in content_load) where= ;; *) where="--data-dir $(BENCH_DATA)" ;; esac; \
		QT_QPA_PLATFORM=offscreen $(BIN)/python bench/$$script.py $$where || exit 1; \
	done

# Refresh the Qt catalogues after changing user-visible strings in desktop/traumefokus/ui.
translations: $(VENV)/.installed
	$(BIN)/python tools/translations.py update

# Renew the user guide's screenshots (manuals/billeder/) from a small demo centre, with a fixed
# day and clock: the same program gives the same pictures. Look at them before committing.
guide-shots: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/guide_shots.py

# Refresh the lock files: the newest versions pyproject.toml allows, resolved in a fresh
# environment (then run `make test` and commit the two files together).
lock: | $(BIN)/python
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
	.lock-venv/bin/python -m pip freeze --exclude-editable > $(LOCK)
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test,postgres]'
	.lock-venv/bin/python -m pip freeze --exclude-editable > $(TEST_LOCK)
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[bundle]'
	.lock-venv/bin/python -m pip freeze --exclude-editable > $(BUNDLE_LOCK)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist .lock-venv $(BUNDLE_VENV)
