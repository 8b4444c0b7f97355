# casegraph: `make run` builds the examples into out/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_STAMP := .apt-installed
DEBIAN_PACKAGES := chromium fonts-wqy-microhei

.PHONY: run test bench clean system

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

test: $(STAMP) system
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP) system
	$(BIN)/python bench/run.py

clean:
	rm -rf out log .pytest_cache
