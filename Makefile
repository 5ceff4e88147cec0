# The two commands of the quick start, `make run` and `make test`, and `make bench`.
# Each installs what it needs into .venv once, and again when pyproject.toml changes:
# `make run` only Nope's runtime, `make test` the test tools too, `make bench` gunicorn.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per set of packages. The runtime is in every set, so the dev and bench installs
# stamp it too: `make run` after `make test` installs nothing again.
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
BENCH := $(VENV)/.installed-bench

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(RUNTIME)

$(BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@ $(RUNTIME)

run: $(RUNTIME)
	$(BIN)/python app.py

test: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

bench: $(BENCH)
	$(BIN)/python bench/ack_latency.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
