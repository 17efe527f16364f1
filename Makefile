# Two commands from a fresh clone: `make run`, `make test`.
# Everything runs in .venv; `setup` reinstalls only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := samples/harbour_strike.txt
POLNEAR := ../shared/data/polnear

.PHONY: setup run test bench eval eval-patterns eval-events train postgresql

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,accurate]'
	touch $(STAMP)

run: setup
	$(BIN)/sayso extract $(SAMPLE) --format table

test: setup postgresql
	$(BIN)/pytest -q

# The store's tests run against a real PostgreSQL server they start
# themselves; install Debian's package when the machine has none.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "installing Debian's postgresql package"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

bench: setup
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/events_bench.py

eval: setup
	$(BIN)/sayso evaluate --corpus polnear --split dev --data $(POLNEAR)

# Issue 12's pattern bank of news prose (eval/patterns/), both modes, a row per family.
eval-patterns: setup
	$(BIN)/python eval/patterns_score.py

# Dates, origins, event grouping and claim alignment on the event gold set
# (eval/events/); builds a store of the PolNeAR train articles on first use.
eval-events: setup
	$(BIN)/python eval/events_score.py --data $(POLNEAR)

# The CRFs, then the cue priors (counted on train articles 0-739) and the
# confidence model: fitted on the last 100 train articles, scored by CRFs
# trained on the other 740 (nothing from dev).
HOLDOUT := .train-holdout
train: setup
	$(BIN)/python -m sayso.training.crf --data $(POLNEAR)
	$(BIN)/python -m sayso.training.crf --data $(POLNEAR) --holdout 100 --out $(HOLDOUT)
	$(BIN)/python -m sayso.training.cue_priors --data $(POLNEAR) --holdout 100
	$(BIN)/python -m sayso.training.confidence --data $(POLNEAR) --holdout-models $(HOLDOUT) --holdout 100
	$(BIN)/python -m sayso.training.neural --data $(POLNEAR) --epochs 4 --tune-layers 4 --holdout 100
