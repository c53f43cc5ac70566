# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CVENV  ?= .venv-compiled
CSTAMP := $(CVENV)/.installed-stamp
EXTRACT_SRC := $(shell find src/accords/extract -name '*.py')
DEMO_DB ?= accords.db
export ACCORDS_DATABASE_URL ?= sqlite:///$(DEMO_DB)

.PHONY: demo test install compiled lint typecheck bench clean system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The extraction core compiled with mypyc (setup.py, ACCORDS_COMPILE=1): the same source and
# output, about a quarter faster. A separate environment, so the editable one always runs the source.
# Its interpreter is Debian's python3.11 where that can make a venv: one static executable built
# with profile-guided and link-time optimisation, it runs the same compiled core 7-9% faster here
# than a CPython built from source with the default options (pyenv's: a shared libpython, no
# PGO/LTO; measured 2026-11-29, benchmarks/bench_extract.py). Elsewhere, $(PYTHON).
CPYTHON ?= $(shell /usr/bin/python3.11 -c 'import ensurepip, venv' >/dev/null 2>&1 && echo /usr/bin/python3.11 || echo $(PYTHON))
$(CSTAMP): pyproject.toml setup.py mypyc.ini $(EXTRACT_SRC)
	$(CPYTHON) -m venv $(CVENV)
	ACCORDS_COMPILE=1 $(CVENV)/bin/pip install --quiet '.[dev]'
	touch $(CSTAMP)

compiled: $(CSTAMP)

# PostgreSQL server binaries for the dialect tests (Debian's package; skipped if apt is unavailable).
system-deps:
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	      || echo "note: could not install postgresql; its tests will be skipped"; \
	  else echo "note: no initdb and no apt-get; PostgreSQL tests will be skipped"; fi; \
	fi

demo: install
	@bash scripts/demo.sh

test: install system-deps compiled
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/accords dataset validate
	$(BIN)/pytest -q
	ACCORDS_EXPECT_COMPILED=1 $(CVENV)/bin/pytest -q tests/extract

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

typecheck: lint

bench: install compiled
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_compare.py
	$(BIN)/python benchmarks/bench_ledger.py
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) $(CVENV) build .pytest_cache .mypy_cache .ruff_cache accords.db accords.db-* out
