# Bureau Portal. `make run` serves the demo; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Production-like settings for `check --deploy` (no DEBUG, a real-looking secret).
DEPLOY_ENV := DEBUG=0 SECRET_KEY=deploy-check-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=portal.example.org

.PHONY: run test setup system-deps test-deps lint messages worker beat bench clean

$(VENV)/.installed-run: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run requirements-dev.txt
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	@scripts/system-deps.sh run

test-deps:
	@scripts/system-deps.sh test

setup: system-deps $(VENV)/.installed-run node_modules/.installed
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: setup
	DEBUG=1 $(MANAGE) migrate --no-input -v 0
	DEBUG=1 $(MANAGE) seed_demo
	@echo "Bureau Portal: http://127.0.0.1:8000/"
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup test-deps $(VENV)/.installed-dev lint
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Rebuild locale/zh_Hans/LC_MESSAGES/django.po from the code and locale/parts/*.po, then compile it.
messages: $(VENV)/.installed-dev
	scripts/build-translations.sh $(PY)
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

worker: setup
	$(VENV)/bin/celery -A bureau worker -l info

beat: setup
	$(VENV)/bin/celery -A bureau beat -l info

bench: setup $(VENV)/.installed-dev
	$(PY) -m bench

clean:
	rm -rf $(VENV) node_modules staticfiles
