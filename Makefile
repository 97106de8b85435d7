# Quick start: `make run` then `make test`. Everything installs into .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# A second environment holds dedup installed as a user gets it, the cleaner compiled by mypyc
# (setup.py): benchmarks measure it, and `make test-compiled` runs the tests against it.
FAST   := .venv-compiled
FAST_STAMP := $(FAST)/.installed
LINTED := dedup tests setup.py $(wildcard bench)

.PHONY: run test test-compiled lint format bench bench-events bench-clean bench-scale clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Not editable, so reinstalled (and compiled again, about 2 minutes) whenever the code changes.
$(FAST_STAMP): pyproject.toml setup.py $(wildcard dedup/*.py)
	test -x $(FAST)/bin/python || $(PYTHON) -m venv $(FAST)
	$(FAST)/bin/python -m pip install --quiet --upgrade pip
	rm -rf build  # setuptools' work folder, left from an earlier build
	$(FAST)/bin/python -m pip install --quiet --force-reinstall --no-deps .
	$(FAST)/bin/python -m pip install --quiet '.[dev,bench]'  # dedup is there: its extras only
	cd /tmp && $(CURDIR)/$(FAST)/bin/python -c 'import dedup.cleaning as m; \
	    assert m.__file__.endswith(".so"), f"dedup was installed uncompiled: {m.__file__}"'
	touch $(FAST_STAMP)

run: $(STAMP)
	$(BIN)/dedup clusters seeds/

test: $(STAMP) lint
	$(BIN)/pytest

# The same tests on the compiled install (run from tests/, so the source tree is not imported).
test-compiled: $(FAST_STAMP)
	cd tests && ../$(FAST)/bin/python -m pytest -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy --strict dedup

format: $(STAMP)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

# Benchmarks read the kits from ../shared/bench and write their sections of docs/benchmarks.md.
bench: bench-events bench-clean bench-scale

bench-events: $(FAST_STAMP)
	$(FAST)/bin/python bench/events.py

bench-clean: $(FAST_STAMP)
	$(FAST)/bin/python bench/clean.py

bench-scale: $(FAST_STAMP)
	$(FAST)/bin/python bench/scale.py

clean:
	rm -rf $(VENV) $(FAST) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
