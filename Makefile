# Two commands from a fresh clone: `make run`, `make test`.
# Everything runs in .venv; `setup` reinstalls only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := samples/harbour_strike.txt
POLNEAR := ../shared/data/polnear

.PHONY: setup run test bench eval train

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,accurate]'
	touch $(STAMP)

run: setup
	$(BIN)/sayso extract $(SAMPLE) --format table

test: setup
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/bench.py

eval: setup
	$(BIN)/sayso evaluate --corpus polnear --split dev --data $(POLNEAR)

train: setup
	$(BIN)/python -m sayso.training.crf --data $(POLNEAR)
	$(BIN)/python -m sayso.training.neural --data $(POLNEAR) --epochs 4 --tune-layers 2 --holdout 100
