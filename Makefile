# Bureau Portal. `make run` serves the demo; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Production-like settings for `check --deploy` (no DEBUG, a real-looking secret).
# The suite runs on every core (pytest-xdist); `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n auto
DEPLOY_ENV := DEBUG=0 SECRET_KEY=deploy-check-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=portal.example.org

.PHONY: run test setup system-deps test-deps lint messages worker beat bench bench-all clean backup restore

# Stamps of what is installed live in .make/ (not inside .venv or node_modules, which may be shared).
STAMPS := .make
INSTALLED_RUN := $(STAMPS)/installed-run
INSTALLED_DEV := $(STAMPS)/installed-dev
INSTALLED_NODE := $(STAMPS)/installed-node

$(INSTALLED_RUN): requirements.txt
	@mkdir -p $(STAMPS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

$(INSTALLED_DEV): $(INSTALLED_RUN) requirements-dev.txt
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

$(INSTALLED_NODE): package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	@scripts/system-deps.sh run

test-deps:
	@scripts/system-deps.sh test

setup: system-deps $(INSTALLED_RUN) $(INSTALLED_NODE)
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: setup
	DEBUG=1 $(MANAGE) migrate --no-input -v 0
	DEBUG=1 BUREAU_DEMO_PASSWORD_CHANGE=0 $(MANAGE) seed_demo
	@echo "Bureau Portal: http://127.0.0.1:8000/"
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

lint: $(INSTALLED_DEV)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup test-deps $(INSTALLED_DEV) lint
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Rebuild locale/zh_Hans/LC_MESSAGES/django.po from the code and locale/parts/*.po, then compile it.
messages: $(INSTALLED_DEV)
	scripts/build-translations.sh $(PY)
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# Backup and restore (README "Production"): `make backup` writes a folder under BUREAU_BACKUP_DIR;
# `make restore BACKUP=backups/<folder>` restores it into the configured database and MEDIA_ROOT
# and checks it against the folder's manifest (RESTORE_ARGS="--database-name other" for another).
backup: $(INSTALLED_RUN)
	$(MANAGE) backup

restore: $(INSTALLED_RUN)
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=<backup folder>" >&2; exit 2; }
	$(MANAGE) restore "$(BACKUP)" $(RESTORE_ARGS)

worker: setup
	$(VENV)/bin/celery -A bureau worker -l info

beat: setup
	$(VENV)/bin/celery -A bureau beat -l info

# The floor table (bench/floor.py) on a data set of `seed_scale` (SIZE=tiny|county|city), in its own
# database; `make bench-all` runs every other benchmark too (python -m bench).
SIZE ?= county
bench: setup $(INSTALLED_DEV)
	$(PY) -m bench floor --size $(SIZE)

bench-all: setup $(INSTALLED_DEV)
	$(PY) -m bench

clean:
	rm -rf $(VENV) node_modules staticfiles $(STAMPS)
