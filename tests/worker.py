"""A real Celery worker for the tests that need one: a separate process on its own queue, reading
the test database, over the broker of CELERY_BROKER_URL (Redis in CI).

Without a broker the tasks run eagerly in-process; BUREAU_REQUIRE_WORKER=1 (set by .ci/run) turns a
missing broker into a failure, so CI never passes such a test without the real parts.
"""

import os
import signal
import subprocess
import sys
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


def broker_or_fail():
    """The broker URL, or None when tasks run eagerly (allowed only outside CI)."""
    broker = settings.CELERY_BROKER_URL
    if not broker and os.environ.get("BUREAU_REQUIRE_WORKER") == "1":
        pytest.fail("BUREAU_REQUIRE_WORKER=1 but CELERY_BROKER_URL is not set: the real-worker test cannot run.")
    return broker or None


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    assert connection.vendor == "postgresql", connection.vendor
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@dataclass
class Worker:
    queue: str
    process: subprocess.Popen
    log: Path

    def log_text(self):
        return self.log.read_text() if self.log.exists() else ""

    def kill(self):
        """SIGKILL, as an out-of-memory kill or a pulled plug would: no cleanup in the worker."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


@contextmanager
def running_worker(tmp_path, *, queue=None, extra_env=None):
    """Start `celery -A bureau worker` on a queue of its own (pass `queue` to restart one on the
    same queue); stop it on exit. Tests send their tasks with `apply_async(queue=worker.queue)`.
    The test must use `django_db(transaction=True)` so the worker sees the committed rows."""
    assert connection.vendor != "sqlite" or ":memory:" not in str(connection.settings_dict["NAME"])
    queue = queue or f"bureau-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "DJANGO_SETTINGS_MODULE": "bureau.settings_test",
        **(extra_env or {}),
    }
    log = tmp_path / f"worker-{uuid.uuid4().hex[:6]}.log"
    command = [sys.executable, "-m", "celery", "-A", "bureau", "worker", "-Q", queue, "-P", "solo", "-c", "1"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"]
    command += ["-n", f"{queue}-{uuid.uuid4().hex[:4]}@%h"]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=Path(settings.BASE_DIR), env=env, stdout=output, stderr=subprocess.STDOUT
        )
    worker = Worker(queue=queue, process=process, log=log)
    try:
        yield worker
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        connection.close()
