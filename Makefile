# The two commands a new user needs are `make lab` and `make test`; both set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Re-install when the dependency list changes, not on every run.
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:12])")

.PHONY: setup lab app test test-fast bench lint format notebooks clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

lab: setup
	$(BIN)/rejectkit lab

app: setup
	$(BIN)/rejectkit app

# One worker per core; each test file stays on one worker, so a file's browser tests share
# one JupyterLab or app server.
PYTEST_ARGS ?= -n auto --dist loadfile

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The tight loop while you work: everything but the browser tests and the slow ones.
test-fast: setup
	$(BIN)/python -m pytest -n auto -m "not browser and not slow" -q

bench: setup
	$(BIN)/python bench/run.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The notebooks are written from notebooks-src/*.py: edit a source, then run this.
notebooks: setup
	$(BIN)/python tools/notebooks.py

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
