# Two commands set up and run everything on a fresh machine with Python 3.11:
#   make run   -> .venv + dependencies, then the dashboard on the bundled data
#   make test  -> .venv + test tools, Debian's chromium for the browser tests, Debian's PostgreSQL 15 +
#                 PostGIS for the store tests (they start a throw-away cluster themselves), Debian's nginx
#                 for the multi-process deployment test (its own config, its own port), then the whole suite
#                 in two pytest-xdist processes (each starts its own servers on free ports); "worksteal" lets
#                 an idle process take tests queued for the busy one (the default hands out fixed batches, and
#                 the last minutes of a run had one process idle), and the 20 slowest tests are listed
# The map's JS/CSS are committed in dashboard/static/vendor/ (with their licences): no npm step
# for run, test or a Streamlit Community Cloud deploy. `make vendor` refreshes them from npm.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
ARGS   ?=

.PHONY: run test setup setup-dev vendor chromium postgres nginx clean

# Stamp files make set-up idempotent: each step re-runs only when its inputs change.
$(VENV)/.stamp-runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements-dev.txt requirements.txt $(VENV)/.stamp-runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Maintainers only: refresh the committed map files (Leaflet, MarkerCluster, Leaflet.heat,
# leaflet.fullscreen at the versions folium uses) from the npm registry, then commit them.
vendor: $(VENV)/.stamp-runtime
	npm ci --prefix vendor --no-audit --no-fund --loglevel=error
	$(PY) scripts/vendor_assets.py

setup: $(VENV)/.stamp-runtime
setup-dev: $(VENV)/.stamp-dev

chromium:
	bash scripts/install_chromium.sh

postgres:
	bash scripts/install_postgres.sh

nginx:
	bash scripts/install_nginx.sh

run: setup
	$(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT) -- $(ARGS)

test: setup-dev chromium postgres nginx
	$(PY) -m pytest -q -n 2 --dist worksteal --durations=20

clean:
	rm -rf $(VENV) .pytest_cache vendor/node_modules
