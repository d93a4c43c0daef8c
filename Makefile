# The two commands of the README:
#   make demo   install into .venv, create the SQLite database, load the demo data and serve
#   make test   install what the tests need and run the whole suite (SQLite, then PostgreSQL)

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_USER ?= demo
DEMO_PASSWORD ?= kcn-demo-2022

.PHONY: demo test install install-test system-packages lint types test-sqlite test-postgres screenshots fixtures hooks clean

$(VENV)/.installed: pyproject.toml hatch_build.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Fonts with Vietnamese glyphs and Pango for the PDF report; poppler to read PDFs back in tests.
REPORT_PACKAGES := fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

demo: install
	scripts/system-packages.sh $(REPORT_PACKAGES)
	mkdir -p var
	$(BIN)/kcn init
	$(BIN)/kcn demo-workbook var/demo.xlsx
	$(BIN)/kcn import var/demo.xlsx
	$(BIN)/kcn board --province "Hưng Yên" --signer-authority "KT." --signer-title "TRƯỞNG BAN" \
	  --signer-deputy-title "PHÓ TRƯỞNG BAN" --signer-name "Nguyễn Văn Minh" \
	  --recipients 'UBND tỉnh (để b/c);\nSở Kế hoạch và Đầu tư;\nLãnh đạo Ban;' \
	  --outline src/kcn/demo/hung-yen-outline.geojson > /dev/null
	$(BIN)/kcn demo-report
	$(BIN)/kcn report submit --period 2022-Q1
	$(BIN)/kcn report approve --period 2022-Q1
	$(BIN)/kcn report publish --period 2022-Q1 --number 45 --date 2022-03-28
	$(BIN)/kcn demo-portal
	KCN_PASSWORD=$(DEMO_PASSWORD) $(BIN)/kcn createuser $(DEMO_USER) --role leader --update
	KCN_PASSWORD=$(DEMO_PASSWORD) $(BIN)/kcn demo-enterprises
	@echo
	@echo "  kcn is serving the Hưng Yên demo on http://127.0.0.1:$(PORT)/"
	@echo "  Log in as '$(DEMO_USER)' with the password '$(DEMO_PASSWORD)' (role: leader)."
	@echo "  Enterprise users (their reports to the board): doanhnghiep1, doanhnghiep2,"
	@echo "  doanhnghiep3, with the same password."
	@echo "  The public portal, without login: http://127.0.0.1:$(PORT)/portal/"
	@echo "  Try also: $(BIN)/kcn report --period 2022-Q1 --format docx -o bao-cao-2022-Q1.docx"
	@echo
	$(BIN)/kcn serve --port $(PORT)

system-packages:
	scripts/system-packages.sh postgresql poppler-utils chromium $(REPORT_PACKAGES)

lint: install-test
	$(BIN)/ruff check src tests benchmarks hatch_build.py
	$(BIN)/ruff format --check src tests benchmarks hatch_build.py
	$(BIN)/lint-imports
	env -u DATABASE_URL $(TEST_ENV) $(BIN)/kcn manage makemigrations --check --dry-run

# The same checks before each commit (.pre-commit-config.yaml).
hooks: install-test
	$(BIN)/pre-commit install

types: install-test
	$(BIN)/mypy src tests

# Tests keep their secret key and files out of the user's data folder.
TEST_ENV := KCN_DATA_DIR=$(CURDIR)/var/test

test-sqlite: install-test
	env -u DATABASE_URL $(TEST_ENV) $(BIN)/pytest -q -p no:cacheprovider

test-postgres: install-test system-packages
	$(TEST_ENV) scripts/with-postgres.sh $(BIN)/pytest -q -p no:cacheprovider

test: system-packages lint types test-sqlite test-postgres

# Screenshots of the main pages for docs/screenshots, taken by the browser tests.
screenshots: install-test
	env -u DATABASE_URL $(TEST_ENV) KCN_SCREENSHOTS=$(CURDIR)/docs/screenshots \
	  $(BIN)/pytest -q -p no:cacheprovider tests/browser

# The workbooks saved by LibreOffice Calc in tests/exchange/fixtures (the tests only read them).
fixtures: install-test
	scripts/system-packages.sh libreoffice-calc-nogui
	$(BIN)/python -m tests.exchange.fixtures.regenerate

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
