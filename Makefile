# peeldocs: two commands matter.  `make demo` builds the Norfolk pack into out/;
# `make test` runs the linters, the type checker and the test suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PLUGIN := examples/peeldocs-markdown/pyproject.toml
DEMO   := data/norfolk-2018-effectiveness.yaml

.PHONY: demo test suite lint docs system-deps bench clean reference-docx

# Python keeps the bytecode it compiles (in .venv and __pycache__, both ignored by git)
# even where the environment says not to: the tests start Python hundreds of times (the
# command line, the PDF checkers) and each would otherwise compile every module it imports.
unexport PYTHONDONTWRITEBYTECODE

# uv installs in seconds what pip takes half a minute for; where uv cannot be had or
# fails, pip does it as before.
$(STAMP): pyproject.toml $(PLUGIN)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	( $(PY) -m pip install -q uv && $(VENV)/bin/uv pip install -q --native-tls --python $(PY) \
	    -e '.[test,dev]' -e examples/peeldocs-markdown ) \
	|| ( $(PY) -m pip install -q --upgrade pip \
	    && $(PY) -m pip install -q -e '.[test,dev]' \
	    && $(PY) -m pip install -q --no-deps -e examples/peeldocs-markdown )
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/peeldocs build $(DEMO) --format pdf,docx --out out/
	@ls -l out/

lint: $(STAMP)
	$(VENV)/bin/ruff check peeldocs tests tools docs conftest.py $(wildcard bench examples)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

# Optional system tools the output tests use (pdftoppm, LibreOffice).  Installed
# when we are root on Debian; otherwise the tests that need them skip with a reason.
system-deps:
	@sh tools/system-deps.sh

# The manual: docs/*.md and the docstrings, into docs/_build/html/index.html.
# Offline, warnings are errors; its examples run as tests in `make test`.
docs: $(STAMP)
	$(PY) -m sphinx -W --keep-going -q -b html docs docs/_build/html

# The system tools first (the output tests need them), then the linters, the manual and
# the suite side by side: mypy and Sphinx would otherwise hold the suite back by the time
# they take, while the suite's workers wait on LibreOffice and Chromium often enough to
# leave them room.
test: $(STAMP)
	$(MAKE) system-deps
	$(MAKE) -j3 lint docs suite

# The suite in one process per core (pytest-xdist); the tests that share LibreOffice or
# Chromium (one start each, tests/clients.py) run in one worker each (--dist loadgroup).
suite: $(STAMP)
	$(PY) -m pytest -q -n auto --dist loadgroup

bench: $(STAMP)
	$(PY) bench/run.py

reference-docx: $(STAMP)
	$(PY) tools/make_reference_docx.py templates/docx/reference.docx

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache docs/_build
