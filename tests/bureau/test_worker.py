"""Celery: a task sent over Redis to a separate worker process, which reads the same database.

With CELERY_BROKER_URL set (CI), a real `celery -A bureau worker` is started on its own queue,
pointed at this test database; without a broker, tasks run eagerly in-process and that is tested
instead. BUREAU_REQUIRE_WORKER=1 (set by .ci/run) turns a missing broker into a failure.
"""

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from bureau.celery import app
from bureau.models import Department
from bureau.tasks import ping
from tests.factories import DepartmentFactory


def _database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    assert connection.vendor == "postgresql", connection.vendor
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_task_runs_in_a_separate_worker_over_the_broker(tmp_path):
    broker = settings.CELERY_BROKER_URL
    if not broker:
        if os.environ.get("BUREAU_REQUIRE_WORKER") == "1":
            pytest.fail("BUREAU_REQUIRE_WORKER=1 but CELERY_BROKER_URL is not set: the real-worker test cannot run.")
        # No broker: the embedded default runs tasks eagerly, in this very process.
        assert app.conf.task_always_eager
        DepartmentFactory.create_batch(3)
        result = ping.delay().get(timeout=10)
        assert result == {
            "pid": os.getpid(),
            "select_1": 1,
            "database": str(connection.settings_dict["NAME"]),
            "departments": 3,
        }
        return

    assert not app.conf.task_always_eager, "a broker is configured, so tasks must go to a worker"
    assert connection.vendor != "sqlite" or ":memory:" not in str(connection.settings_dict["NAME"])
    DepartmentFactory.create_batch(4)  # committed: transaction=True
    queue = f"bureau-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "DJANGO_SETTINGS_MODULE": "bureau.settings_test",
    }
    log = tmp_path / "worker.log"
    command = [sys.executable, "-m", "celery", "-A", "bureau", "worker", "-Q", queue, "-P", "solo", "-c", "1"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{queue}@%h", "-l", "info"]
    with log.open("w") as output:
        worker = subprocess.Popen(
            command, cwd=Path(settings.BASE_DIR), env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        result = ping.apply_async(queue=queue).get(timeout=90)
    except Exception as exc:
        pytest.fail(f"no answer from the worker ({exc!r}); its log:\n{log.read_text()}")
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        connection.close()

    assert result["pid"] == worker.pid != os.getpid()
    assert result["select_1"] == 1
    assert result["database"] == str(connection.settings_dict["NAME"])
    assert result["departments"] == Department.objects.count() == 4
