# nokrules: make run | make test | make bench
SHELL := /bin/bash
PY ?= $(shell for p in python3.12 python3.11 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] <= (3,12)))' 2>/dev/null; then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help run test wheel-smoke lint handbook bench serve venv clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' Makefile | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@test -n "$(PY)" || { echo "нужен Python 3.11 или 3.12 (durable-rules не работает на 3.13)"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP) ## create .venv and install nokrules with its dependencies

run: $(STAMP) ## print a draft plan for examples/findings.txt and write it as examples/out/plan.docx
	$(BIN)/nokrules plan examples/findings.txt --profile examples/profile.yaml --date 2027-01-15 --format md
	mkdir -p examples/out
	$(BIN)/nokrules plan examples/findings.txt --profile examples/profile.yaml --date 2027-01-15 --format docx -o examples/out/plan.docx --force

test: $(STAMP) ## the layering contracts, lint the shipped catalog, run its own tests, then the pytest suite
	$(BIN)/lint-imports --no-cache
	$(BIN)/nokrules lint --strict
	$(BIN)/nokrules test
	$(BIN)/python -m pytest

wheel-smoke: $(STAMP) ## build the wheel, install it into a fresh venv outside the checkout, run every command there
	PY=$(PY) BUILDER=$(BIN)/python .ci/wheel-smoke

lint: $(STAMP) ## ruff, mypy --strict and the layering contracts
	$(BIN)/ruff check nokrules tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

handbook: $(STAMP) ## the catalog as a handbook: examples/out/catalog.md and .docx
	mkdir -p examples/out
	$(BIN)/nokrules catalog --format md -o examples/out/catalog.md --force
	$(BIN)/nokrules catalog --format docx -o examples/out/catalog.docx --force

bench: $(STAMP) ## plans/s, findings/s, the ratio to raw durable-rules, the national run, the API under load
	$(BIN)/python benchmarks/bench.py

serve: $(STAMP) ## the inspector's page and the HTTP API on http://127.0.0.1:8000/
	$(BIN)/nokrules serve

clean: ## remove the virtual environment
	rm -rf $(VENV)
