# Two commands do everything on a fresh machine:
#   make report   build the default dossier into reports/
#   make test     run the test suite (all but the `heavy` tests; CI also runs
#                 `make test-heavy`: a Dask cluster, the wheel, JupyterLab)
# Both create .venv, install the package with its dependencies, and install the system
# packages (Chromium, CJK fonts, Python's venv; for the tests also systemd-analyze) when
# they are missing and apt is available. System packages come first: .venv needs venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Reinstall whenever pyproject.toml changes.
STAMP  := $(VENV)/.installed
# JupyterLab in a virtualenv of its own: installed beside the report's, it would slow every
# nbformat import (see pyproject.toml).
LAB_VENV  := .venv-lab
LAB_STAMP := $(LAB_VENV)/.installed

.PHONY: report test test-heavy check lint system-deps test-system-deps clean-reports lab

report: system-deps $(STAMP)
	$(BIN)/ipdossier build

test: test-system-deps $(STAMP)
	$(BIN)/python -m pytest -m "not heavy"

test-heavy: test-system-deps $(STAMP) $(LAB_STAMP)
	IPDOSSIER_LAB_VENV=$(LAB_VENV) $(BIN)/python -m pytest -m heavy

check: $(STAMP)
	$(BIN)/ipdossier check

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/nbstripout --verify notebooks/*.ipynb

# JupyterLab on executed copies of the chapters in workspace/ (git-ignored): notebooks/
# stays as committed. Parameters: make lab LAB_ARGS="-p language=zh --fresh".
lab: system-deps $(LAB_STAMP)
	$(LAB_VENV)/bin/ipdossier lab $(LAB_ARGS)

system-deps:
	@PYTHON="$(PYTHON)" bash scripts/system-deps.sh

test-system-deps:
	@PYTHON="$(PYTHON)" bash scripts/system-deps.sh --tests

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

$(LAB_STAMP): pyproject.toml
	test -x $(LAB_VENV)/bin/python || $(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/python -m pip install -q --upgrade pip
	$(LAB_VENV)/bin/python -m pip install -q -e '.[dev,lab]'
	touch $@

clean-reports:
	# Published runs are named <date>T<time>Z-<id>; reports/README.md stays.
	rm -rf reports/2*T*Z-* reports/latest reports/failed reports/.staging reports/.lock*
