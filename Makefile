# Two commands matter: `make demo` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every core; whole modules per worker, in tests/conftest.py's order.
PARALLEL := -n auto --dist loadscope --no-loadscope-reorder

.PHONY: install demo test test-quick test-sqlite test-postgres lint format lock clean messages cms-messages bench

$(STAMP): pyproject.toml constraints.txt package-lock.json
	# Leaflet (the maps, which the package carries: before pip) and the test
	# checkers (axe-core, the Nu Html Checker, Netlify's parsers).
	@command -v npm >/dev/null || { echo "npm is needed: install Node.js (Debian: apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --silent
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[cms,test]"
	touch $(STAMP)

install: $(STAMP)

## demo: CMS with demo territories, its worker and scheduler, on :8000
demo: install
	$(BIN)/vetrina demo

## test: lint, migrations check, every test on SQLite, then again on PostgreSQL
## the CMS tests whose behaviour depends on the engine (marked `database`: locks,
## limits, aggregates, query counts, types; never the demo app's, which
## production never installs), and the migrations
## (tests/ship/ installs the wheel in a fresh venv and deploys it onto PostgreSQL)
test: install lint
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@if url=$$(.ci/postgres); then export VETRINA_PG_URL=$$url; fi; \
	$(MAKE) --no-print-directory test-sqlite && \
	$(MAKE) --no-print-directory test-postgres

test-sqlite: install
	$(BIN)/python -m pytest $(PARALLEL)

test-postgres: install
	@url=$$(.ci/postgres) ; status=$$? ; \
	if [ $$status -ne 0 ]; then \
		if [ "$$CI" = "true" ]; then echo "PostgreSQL unavailable: failing (CI=true)"; exit 1; fi; \
		echo "PostgreSQL unavailable: PostgreSQL run SKIPPED"; exit 0; \
	fi; \
	echo "The CMS tests that depend on the database engine, on PostgreSQL ($$url)"; \
	DATABASE_URL=$$url VETRINA_EXPECT_DB=postgresql $(BIN)/python -m pytest $(PARALLEL) \
		-m "(database or postgres) and not demo" tests/cms

## test-quick: the edit loop: SQLite only, without the browser, wheel, benchmark
## and demo tests, stop at the first failure
test-quick: install
	$(BIN)/python -m pytest $(PARALLEL) -x -q -m "not slow and not demo"

## bench: the benchmark of issue 8 on a generated corpus (SIZE=small|medium|large, ITEMS=N)
bench: install
	$(BIN)/python -m bench $(if $(SIZE),--size $(SIZE)) $(if $(ITEMS),--items $(ITEMS))

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## lock: record the exact versions that passed the tests
lock: install
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) .data .pytest_cache .ruff_cache

## messages: extract the theme's strings and update every catalog
messages: install
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output \
		-o translations/messages.pot --project Vetrina \
		--version "$$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)" \
		--ignore-dirs ".* ._ node_modules dist content" .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

## cms-messages: extract the CMS's own strings into cms/locale and compile them
cms-messages: install
	cd cms && DJANGO_SETTINGS_MODULE=cms.settings.dev \
		$(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l it --no-location
	cd cms && DJANGO_SETTINGS_MODULE=cms.settings.dev \
		$(CURDIR)/$(BIN)/python $(CURDIR)/manage.py compilemessages -l it
