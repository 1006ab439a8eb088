"""Billing a month (issue 13): every department's fees on the data set of `seed_scale --size SIZE` —
the city set is 2,000 departments and 20,000 rooms —, as a ratio of a baseline from the same run.

    make bench SIZE=city            (python -m bench property_billing --size city)

The latest billed month of the set is removed and billed again through the service (as the page, the
command and the beat job do), then billed once more (a billed month: nothing changes). The baseline
is reading that month's input — the office occupancies, clipped to the month — with the same
selector, so the ratio says what computing and writing the charges cost on top of reading them.
The deduction list's pages (list of lines, Excel) are timed against the portal's empty page.
"""

import os
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from bench.common import client_for, print_table, time_page
from bench.floor import ensure_data

SIZE = os.environ.get("BENCH_SIZE", "")
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def _median_ms(function, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def forget(month):
    """Remove a billed month (the benchmark's reset, never the application's)."""
    from property_services.models import BillingRun, DeductionLine, DeductionList, FeeAdjustment, FeeCharge

    DeductionLine.objects.filter(deduction_list__month=month).delete()
    DeductionList.objects.filter(month=month).delete()
    FeeAdjustment.objects.filter(month=month).delete()
    FeeCharge.objects.filter(month=month).delete()
    BillingRun.objects.filter(month=month).delete()


def run():
    if not SIZE:
        print(
            "skipped: billing needs a data set: `make bench SIZE=county` "
            "(python -m bench property_billing --size county)"
        )
        return
    ensure_data()
    from bureau.models import Department, Room
    from property_services import selectors
    from property_services.models import BillingRun, DeductionList, FeeCharge
    from property_services.services.fees import fee_month_bill

    month = BillingRun.objects.order_by("-month").values_list("month", flat=True).first()
    baseline = _median_ms(lambda: selectors.office_occupancy_by_department(month), REPEAT)
    timings = []
    for _ in range(max(1, REPEAT // 2)):
        forget(month)
        started = time.perf_counter()
        billed = fee_month_bill(month=month, actor=None)
        timings.append((time.perf_counter() - started) * 1000)
    bill = statistics.median(timings)
    again = _median_ms(lambda: fee_month_bill(month=month, actor=None), REPEAT)
    departments, rooms = Department.objects.count(), Room.objects.count()
    print(
        f"\nBilling {month:%Y-%m} on the {SIZE} set ({departments:,} departments, {rooms:,} rooms, "
        f"{FeeCharge.objects.filter(month=month).count():,} charges, total {billed.total}) on {connection.vendor}"
    )
    print(f"{'case':<52} {'median ms':>10} {'× baseline':>11}")
    for label, ms in (
        ("baseline: read the month's occupancy", baseline),
        ("bill the month (charges + deduction list)", bill),
        ("bill the billed month again (nothing changes)", again),
    ):
        print(f"{label:<52} {ms:>10.1f} {ms / baseline:>11.1f}")

    root, _created = get_user_model().objects.get_or_create(
        username="bench-root", defaults={"is_superuser": True, "is_staff": True}
    )
    client = client_for(root)
    floor = time_page(client, reverse("bench_empty"), repeat=REPEAT * 4)
    deduction_list = DeductionList.objects.get(month=month)
    rows = [
        ("floor: empty portal page", floor),
        ("deduction lines, page 1", time_page(client, reverse("property_services:deductionline_list"), repeat=REPEAT)),
        ("fee charges, page 1", time_page(client, reverse("property_services:feecharge_list"), repeat=REPEAT)),
        (
            "deduction list detail",
            time_page(client, reverse("property_services:deductionlist", args=[deduction_list.pk]), repeat=REPEAT),
        ),
    ]
    print_table("Fee pages", rows, baseline_ms=floor["median_ms"])
