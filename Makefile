# Two commands set up and run everything on a fresh machine with Python 3.11:
#   make run   -> .venv + dependencies, then the dashboard on the bundled data
#   make test  -> .venv + dependencies (+ browser and map assets), then the whole pytest suite
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test setup setup-dev clean

# The stamp files make set-up idempotent: re-run only when the requirements change.
$(VENV)/.stamp-runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements-dev.txt requirements.txt $(VENV)/.stamp-runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: $(VENV)/.stamp-runtime
setup-dev: $(VENV)/.stamp-dev

run: setup
	$(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT)

test: setup-dev
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache
