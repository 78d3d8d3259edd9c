# Kunskapsarenan: `make run` for the demo, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# The c3voc schedule tools' own virtualenv: the schedule tests' real consumer, whose pins clash with ours.
C3VOC_VENV := .venv-c3voc
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves and the site links to (feeds, sitemap, e-mails): PUBLIC_BASE_URL when set,
# else HOST:PORT (0.0.0.0 listens everywhere; the browser reaches it as localhost).
RUN_URL := $(or $(PUBLIC_BASE_URL),http://$(if $(filter 0.0.0.0,$(HOST)),localhost,$(HOST)):$(PORT))
# pytest-xdist processes for `make test` (auto = one per core; 0 runs everything in this process).
TEST_WORKERS ?= auto

.PHONY: run install install-dev test coverage test-assets lint check lock messages bench bench-side-by-side clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

$(C3VOC_VENV)/.installed: requirements-c3voc.txt
	$(PYTHON) -m venv $(C3VOC_VENV)
	$(C3VOC_VENV)/bin/pip install --quiet -r requirements-c3voc.txt
	touch $@

install-dev: $(VENV)/.installed-dev $(C3VOC_VENV)/.installed

run: install
	PUBLIC_BASE_URL=$(RUN_URL) $(PY) manage.py migrate --noinput
	PUBLIC_BASE_URL=$(RUN_URL) $(PY) manage.py seed_demo
	@echo "Kunskapsarenan körs på $(RUN_URL)/  (avsluta med Ctrl+C)"
	PUBLIC_BASE_URL=$(RUN_URL) $(PY) manage.py runserver $(HOST):$(PORT)

# Browser-test assets: axe-core from npm (package-lock.json) and, where possible, Debian's chromium.
test-assets:
	@command -v npm >/dev/null 2>&1 && npm ci --no-audit --no-fund --silent || echo "npm saknas: webbläsartester hoppas över"
	@bash scripts/install-chromium.sh

# The whole suite, as CI runs it. xdist's default scheduling keeps pytest-django's order, transactional tests last:
# their flush empties the tables Wagtail's data migrations filled (root page, default site), which the tests after
# them on the same worker would miss.
test: install-dev test-assets
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

# The suite with coverage (pytest-cov combines the xdist processes' data) for arena, blogs, conferences and
# maturity; fails under the floor in pyproject.toml ([tool.coverage.report] fail_under). Not part of CI: tracing
# every line about doubles the suite's time on CI's two cores.
coverage: install-dev test-assets
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --cov

lint: install-dev
	$(VENV)/bin/ruff check .

check: install-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

lock: $(VENV)/bin/activate
	$(PIP) install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

# Our strings live in locale/ (makemessages rewrites it). Swedish for Wagtail's and other packages' strings that their
# own catalogues lack lives in locale_packages/, which makemessages never touches (--no-obsolete would drop those
# entries, which are not in our source); compilemessages compiles both (LOCALE_PATHS). translation_gaps lists any
# package string still without Swedish, e.g. after upgrading Wagtail.
messages: install
	$(PY) manage.py makemessages --locale sv --ignore ".venv/*" --ignore "node_modules/*" --no-obsolete
	$(PY) manage.py compilemessages --locale sv --ignore ".venv/*"
	$(PY) manage.py translation_gaps --locale sv

bench: install
	bash bench/run.sh

# The demo and BENCH_SCALE=large served side by side, measured back to back (bench/side_by_side.py).
bench-side-by-side: install
	$(VENV)/bin/python bench/side_by_side.py

clean:
	rm -rf $(VENV) $(C3VOC_VENV) node_modules staticfiles .pytest_cache .pytest_media .coverage .coverage.*
