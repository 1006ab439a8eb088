"""Savings 节约资金 and the savings rate 节支率 from the records: the acceptance year says 8.00 % on the
statistics page, the public figures page and in the OCDS export."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from bureau.roles import Role
from procurement.choices import Method
from procurement.selectors.savings import counted_contracts, headline, savings_by, savings_rate
from tests.factories import make_user
from tests.procurement.factories_oversight import ComplaintFactory, contracted_batch
from tests.procurement.oversight_year import reference_year

pytestmark = pytest.mark.django_db
YEAR = {"date_from": datetime.date(2025, 1, 1), "date_to": datetime.date(2025, 12, 31)}


def test_savings_rate_rounds_to_two_decimals():
    assert savings_rate(Decimal("10000000.00"), Decimal("9200000.00")) == Decimal("8.00")
    assert savings_rate(Decimal("3"), Decimal("2")) == Decimal("33.33")
    assert savings_rate(Decimal("0"), Decimal("0")) is None


def test_headline_of_the_reference_year():
    reference_year()
    # Outside the year, voided or unsigned: not counted.
    contracted_batch(contract={"signed_on": datetime.date(2026, 1, 5), "published_on": None})
    _batch, unsigned = contracted_batch(contract={"signed_on": None, "published_on": None, "status": "draft"})
    figures = headline(**YEAR)
    assert figures["batches"] == 4 and figures["contracts"] == 4
    assert figures["budget"] == Decimal("10000000.00")
    assert figures["saved"] == Decimal("800000.00")
    assert figures["rate"] == Decimal("8.00")
    assert figures["complaints"] == 0


def test_savings_by_method_department_batch_lot_and_period():
    contracts = reference_year()
    counted = counted_contracts(**YEAR)
    by_method = {row["label"]: row for row in savings_by(counted, "method")}
    assert by_method[str(Method.SINGLE_SOURCE.label)]["rate"] == Decimal("10.00")
    assert by_method[str(Method.OPEN_TENDER.label)]["saved"] == Decimal("300000.00")
    by_batch = savings_by(counted, "batch")
    assert [row["label"] for row in by_batch][0] == contracts[0].batch.number
    by_lot = savings_by(counted, "lot")
    assert by_lot[0]["label"] == f"{contracts[0].batch.number} / 1"
    by_department = savings_by(counted, "department")
    assert len(by_department) == 4
    by_quarter = savings_by(counted, "period", period="quarter")
    assert [row["label"] for row in by_quarter] == ["2025 Q1", "2025 Q2", "2025 Q3"]
    assert sum(row["saved"] for row in by_quarter) == Decimal("800000.00")


def test_complaints_per_period_is_a_statistic():
    ComplaintFactory(filed_on=datetime.date(2025, 6, 1))
    assert headline(**YEAR)["complaints"] == 1
    assert headline(date_from=datetime.date(2024, 1, 1), date_to=datetime.date(2024, 12, 31))["complaints"] == 0


def test_the_statistics_page_the_public_page_and_the_ocds_export_all_say_8_percent(client):
    reference_year()
    client.force_login(make_user(roles=[Role.PROCUREMENT_CENTRE]))
    page = client.get(reverse("procurement:statistics"), {"year": 2025, "group": "method"}).content.decode()
    assert 'id="savings-rate">8.00 %' in page
    assert "Single-source procurement" in page or "单一来源" in page
    client.logout()
    public = client.get(reverse("procurement_public:figures"), {"year": 2025}).content.decode()
    assert 'id="savings-rate">8.00 %' in public
    package = json.loads(client.get(reverse("procurement_public:ocds"), {"year": 2025}).content)
    budget = sum(Decimal(str(release["tender"]["value"]["amount"])) for release in package["releases"])
    spent = sum(
        Decimal(str(contract["value"]["amount"]))
        for release in package["releases"]
        for contract in release["contracts"]
    )
    assert budget == Decimal("10000000") and savings_rate(budget, spent) == Decimal("8.00")


def test_a_department_head_sees_the_savings_of_the_department_only(client):
    from tests.factories import DepartmentFactory

    own = DepartmentFactory()
    reference_year(department=own)
    contracted_batch(
        budget=Decimal("500000.00"),
        amount=Decimal("250000.00"),
        contract={"signed_on": datetime.date(2025, 5, 5)},
    )
    head = make_user(roles=[Role.DEPARTMENT_HEADS], department=own)
    client.force_login(head)
    page = client.get(reverse("procurement:statistics"), {"year": 2025}).content.decode()
    assert 'id="savings-rate">8.00 %' in page
