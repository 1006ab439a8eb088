"""The oversight demo: challenges, a decided complaint and risk hits on top of the core demo's batches."""

import datetime

import pytest

from bureau import demo as bureau_demo
from procurement import demo_oversight
from procurement.models import Challenge, Complaint
from procurement.selectors.risk import risk_hits
from tests.procurement.factories_oversight import BatchFactory, SupplierFactory

pytestmark = pytest.mark.django_db


def test_seed_adds_challenges_a_complaint_and_risk_hits_once():
    bureau_demo.seed()
    SupplierFactory.create_batch(3)
    for month in (3, 6, 9):
        BatchFactory(status="contracted", award_notice_on=datetime.date(2026, month, 2))
    assert demo_oversight.seed() == 7
    assert Challenge.objects.count() == 3 and Complaint.objects.get().status == "decided"
    year = datetime.date.today().year
    hits = risk_hits(date_from=datetime.date(2026, 1, 1), date_to=datetime.date(year, 12, 31))
    found = {rule.id for rule, rule_hits in hits.items() if rule_hits}
    assert {"PR-1", "PR-3", "PR-5"} <= found
    assert demo_oversight.seed() == 0
