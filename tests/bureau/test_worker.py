"""Celery: a task sent over Redis to a separate worker process, which reads the same database.

With CELERY_BROKER_URL set (CI), a real `celery -A bureau worker` is started on its own queue,
pointed at this test database; without a broker, tasks run eagerly in-process and that is tested
instead. BUREAU_REQUIRE_WORKER=1 (set by .ci/run) turns a missing broker into a failure.
"""

import os

import pytest
from django.db import connection

from bureau.celery import app
from bureau.models import Department
from bureau.tasks import ping
from tests.factories import DepartmentFactory
from tests.worker import broker_or_fail, running_worker


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_task_runs_in_a_separate_worker_over_the_broker(tmp_path):
    if not broker_or_fail():
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
    DepartmentFactory.create_batch(4)  # committed: transaction=True
    with running_worker(tmp_path) as worker:
        try:
            result = ping.apply_async(queue=worker.queue).get(timeout=90)
        except Exception as exc:
            pytest.fail(f"no answer from the worker ({exc!r}); its log:\n{worker.log_text()}")

    assert result["pid"] == worker.process.pid != os.getpid()
    assert result["select_1"] == 1
    assert result["database"] == str(connection.settings_dict["NAME"])
    assert result["departments"] == Department.objects.count() == 4
