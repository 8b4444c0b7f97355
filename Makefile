# casegraph: `make run` builds the examples into out/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_STAMP := .apt-installed
DEBIAN_PACKAGES := chromium fonts-wqy-microhei

.PHONY: run test test-neo4j neo4j bench eval model clean system

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Debian packages the maps and their browser tests need (a CJK font, headless Chromium).
system:
	@if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	fi

run: $(STAMP) system
	$(BIN)/casegraph build examples --out out
	$(BIN)/casegraph load out --replace
	$(BIN)/casegraph maps out
	$(BIN)/casegraph export out
	$(BIN)/casegraph stats out

# A pinned Neo4j Community for the store tests, fetched from Maven Central into a cache this Makefile owns.
# Without Java or Maven the Neo4j tests skip with the reason; in CI (CI=true) they must run.
NEO4J_LIB := .cache/neo4j/lib
NEO4J_STAMP := .cache/neo4j/.fetched

$(NEO4J_STAMP): tests/neo4j/pom.xml
	@if command -v mvn >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then \
		rm -rf $(NEO4J_LIB) && mvn -q -B -f tests/neo4j/pom.xml dependency:copy-dependencies \
			-DoutputDirectory=$(abspath $(NEO4J_LIB)) && touch $@; \
	else echo "Java or Maven missing: the Neo4j store tests will be skipped"; fi

neo4j: $(NEO4J_STAMP)

test: $(STAMP) system neo4j
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-neo4j: $(STAMP) neo4j
	$(BIN)/python -m pytest -q -p no:cacheprovider -m neo4j

# Extraction scored by kgscore: the shipped model on the corpus and on the dev set (documents it was trained on),
# then leave-one-document-out cross-validation over all of them (each scored by a model that never saw it).
SHARED ?= ../shared
KGSCORE := $(PYTHON) $(SHARED)/tools/kgscore.py
EVAL := out/eval

eval: $(STAMP)
	$(BIN)/casegraph build $(SHARED)/corpus --out $(EVAL)/corpus >/dev/null
	$(BIN)/casegraph build $(SHARED)/devset/docs --out $(EVAL)/devset >/dev/null
	$(BIN)/casegraph cross-validate $(SHARED)/gold $(SHARED)/devset/gold --out $(EVAL)/cross-validation >/dev/null
	@echo "corpus (seen in training):    $$($(KGSCORE) $(EVAL)/corpus/graph.json $(SHARED)/gold | tail -n 1)"
	@echo "devset (seen in training):    $$($(KGSCORE) $(EVAL)/devset/graph.json $(SHARED)/devset/gold | tail -n 1)"
	@echo "cross-validated (held out):   $$($(KGSCORE) $(EVAL)/cross-validation/graph.json $(EVAL)/cross-validation/gold | tail -n 1)"
	@echo "  dev-set documents alone:     $$($(KGSCORE) $(EVAL)/cross-validation/by-folder/devset-gold/graph.json $(EVAL)/cross-validation/by-folder/devset-gold/gold | tail -n 1)"
	@echo "held out, confidence >= 0.8:  $$($(KGSCORE) $(EVAL)/cross-validation/confident/graph.json $(EVAL)/cross-validation/gold | grep -E '^(entities|relations) ' | awk '{printf "%s precision %s (%s of %s)  ", $$1, $$2, $$5, $$6}')"

# Retrain the shipped model on all the shared gold (deterministic: the same gold gives the same files).
model: $(STAMP)
	$(BIN)/casegraph train $(SHARED)/gold $(SHARED)/devset/gold --out extract/default_model

bench: $(STAMP) system
	$(BIN)/python bench/run.py

clean:
	rm -rf out log .pytest_cache
