# Quick start: `make run` then `make test`. Everything installs into .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
LINTED := dedup tests $(wildcard bench)

.PHONY: run test lint format bench bench-events bench-clean bench-scale clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

run: $(STAMP)
	$(BIN)/dedup clusters seeds/

test: $(STAMP) lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy --strict dedup

format: $(STAMP)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

# Benchmarks read the kits from ../shared/bench and write their sections of docs/benchmarks.md.
bench: bench-events bench-clean bench-scale

bench-events: $(BENCH_STAMP)
	$(BIN)/python bench/events.py

bench-clean: $(BENCH_STAMP)
	$(BIN)/python bench/clean.py

bench-scale: $(BENCH_STAMP)
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
