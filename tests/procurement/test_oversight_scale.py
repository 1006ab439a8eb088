"""procurement's part of seed_scale: the tiny set builds, with history, and its figures add up."""

import datetime
from decimal import Decimal

import pytest

from bureau.scale import PLANS, build_all
from procurement.models import Batch, Contract
from procurement.scale import CONTRACTS
from procurement.selectors.savings import headline


@pytest.mark.django_db
def test_the_tiny_set_builds_contracts_with_savings():
    build_all(PLANS["tiny"])
    assert Contract.objects.count() == CONTRACTS["tiny"]
    assert Contract.history.count() == CONTRACTS["tiny"]
    assert Batch.objects.count() == CONTRACTS["tiny"] // 6
    plan = PLANS["tiny"]
    figures = headline(date_from=plan.first_day, date_to=plan.last_day + datetime.timedelta(days=60))
    assert figures["contracts"] == CONTRACTS["tiny"]
    assert Decimal("2") <= figures["rate"] <= Decimal("15")
