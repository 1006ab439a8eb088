"""The fault test of monthly billing, against real Celery workers on Redis (PostgreSQL in CI).

A month is billed exactly once (DESIGN.md §7): the billing task killed with SIGKILL half-way and
delivered again by the broker, and two runs started at the same moment, leave the same charges as
one clean run — none duplicated, none missing, the same total.
"""

import datetime
import time
from decimal import Decimal

import pytest
from django.db import connection

from property_services.choices import BillingRunStatus
from property_services.models import BillingRun, DeductionLine, DeductionList, FeeCharge
from property_services.services.fees import fee_month_bill
from property_services.tasks import fee_month_bill as fee_month_bill_task
from tests.factories import DepartmentFactory
from tests.property_services.factories import office, standard_rates
from tests.worker import broker_or_fail, running_worker

NOVEMBER = datetime.date(2025, 11, 1)
DEPARTMENTS = 8
# The worker waits this long after each department, so the test can kill it half-way.
SLOW = {"PROPERTY_FEES_BILLING_PAUSE": "0.6"}


def campus():
    standard_rates()
    for index in range(DEPARTMENTS):
        department = DepartmentFactory(code=f"D{index:02d}")
        for _room in range(index % 3 + 1):
            office(department)
        if index % 2:  # a room taken mid-month: billed by the day
            office(department, start=datetime.date(2025, 11, 7 + index))


def charges():
    rows = FeeCharge.objects.filter(month=NOVEMBER).values_list("department__code", "fee_type", "rooms", "amount")
    return sorted(rows)


def forget_the_month():
    """Remove a billed month's rows (a test's reset, never the application's)."""
    DeductionLine.objects.all().delete()
    DeductionList.objects.all().delete()
    FeeCharge.objects.all().delete()
    BillingRun.objects.all().delete()


def wait_for(condition, *, timeout, message, workers=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    logs = "\n".join(worker.log_text() for worker in workers)
    pytest.fail(f"{message}; worker logs:\n{logs}")


def month_done():
    return BillingRun.objects.filter(month=NOVEMBER, status=BillingRunStatus.DONE).exists()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_billing_killed_mid_run_and_delivered_again_and_two_runs_at_once_equal_one_clean_run(tmp_path):
    broker = broker_or_fail()
    campus()

    # The reference: one clean run, in this process.
    clean = fee_month_bill(month=NOVEMBER, actor=None)
    expected = charges()
    expected_total = clean.total
    assert len(expected) == 2 * DEPARTMENTS and expected_total > Decimal("0")
    forget_the_month()

    if broker is None:
        # No broker (the embedded default): the task runs eagerly in this process; twice is once.
        answers = [fee_month_bill_task.delay("2025-11").get() for _ in range(2)]
        assert {Decimal(answer["total"]) for answer in answers} == {expected_total}
        assert charges() == expected
        return

    # 1. Killed half-way with SIGKILL, then delivered again by the broker (acks_late: the message was
    #    never acknowledged) to a worker started in its place.
    with running_worker(tmp_path, extra_env=SLOW) as worker:
        fee_month_bill_task.apply_async(args=["2025-11"], queue=worker.queue)
        wait_for(
            lambda: FeeCharge.objects.values("department").distinct().count() >= 3,
            timeout=90,
            message="the billing never got going",
            workers=[worker],
        )
        worker.kill()
        queue = worker.queue
    billed_before_the_kill = FeeCharge.objects.values("department").distinct().count()
    assert 3 <= billed_before_the_kill < DEPARTMENTS, "killed half-way"
    assert not month_done()
    assert FeeCharge.objects.count() == 2 * billed_before_the_kill  # whole departments, nothing half-written

    with running_worker(tmp_path, queue=queue, extra_env={**SLOW, "CELERY_VISIBILITY_TIMEOUT": "2"}) as again:
        wait_for(month_done, timeout=120, message="the killed task was not delivered again", workers=[again])
        assert "property_services.tasks.fee_month_bill" in again.log_text()  # this worker ran the redelivery
    assert charges() == expected
    run = BillingRun.objects.get(month=NOVEMBER)
    assert run.total == expected_total and run.attempts == 2
    assert DeductionList.objects.get(month=NOVEMBER).total == expected_total
    forget_the_month()
    if connection.vendor != "postgresql":
        return  # two processes writing at once need PostgreSQL's row locks; CI runs this on PostgreSQL

    # 2. Two runs started at the same moment, by two workers (two beat processes, or the page and the beat).
    with (
        running_worker(tmp_path, extra_env=SLOW) as first,
        running_worker(tmp_path, queue=first.queue, extra_env=SLOW),
    ):
        results = [fee_month_bill_task.apply_async(args=["2025-11"], queue=first.queue) for _ in range(2)]
        answers = [result.get(timeout=120) for result in results]
    assert {answer["status"] for answer in answers} == {BillingRunStatus.DONE}
    assert {Decimal(answer["total"]) for answer in answers} == {expected_total}
    assert charges() == expected
    assert FeeCharge.objects.count() == 2 * DEPARTMENTS
    assert BillingRun.objects.get(month=NOVEMBER).total == expected_total
    assert DeductionLine.objects.count() == DEPARTMENTS
