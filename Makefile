# Two commands for a newcomer:  make serve  (or make build)  and  make test.
# Each creates .venv and installs the pinned dependencies on first use.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve check test bench clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

build: $(VENV)/.installed  ## build the site into site/
	$(PY) -m mkdocs build --strict

serve: $(VENV)/.installed  ## preview on http://127.0.0.1:8000, rebuilt on every change
	$(PY) -m mkdocs serve

check: $(VENV)/.installed  ## check data/ and content/ without building
	$(PY) -m boligdialog check

test: $(VENV)/.installed  ## the whole test suite
	$(PY) -m pytest

bench: $(VENV)/.installed  ## build benchmark, ours vs plain MkDocs (docs/benchmark.md); BENCH_ARGS=--help
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf site $(VENV)
