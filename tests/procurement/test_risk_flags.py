"""Each risk flag: a hit and a near miss."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from bureau.roles import Role
from procurement.choices import Method
from procurement.selectors.risk import RULES, risk_hits
from tests.factories import DepartmentFactory, make_user
from tests.procurement.factories_oversight import ChallengeFactory, RequestFactory, contracted_batch

pytestmark = pytest.mark.django_db
D = datetime.date
YEAR = {"date_from": D(2026, 1, 1), "date_to": D(2026, 12, 31), "today": D(2026, 12, 5)}


def hits(rule_id):
    return risk_hits(rules={rule_id}, **YEAR)[next(rule for rule in RULES if rule.id == rule_id)]


def test_every_rule_has_an_id_a_legal_basis_and_a_description():
    assert [rule.id for rule in RULES] == [f"PR-{n}" for n in range(1, 7)]
    assert all(rule.basis and rule.description and rule.owner for rule in RULES)


def test_pr1_split_purchases():
    department = DepartmentFactory(name="交通运输局")
    for month in (3, 6):
        RequestFactory(
            purchasing_department=department,
            catalogue_code="A02010104",
            budget=Decimal("2100000"),
            planned_start=D(2026, month, 1),
            status="submitted",
        )
    assert [hit.department for hit in hits("PR-1")] == ["交通运输局"]


def test_pr1_near_miss_together_at_the_threshold():
    department = DepartmentFactory()
    for month in (3, 6):
        RequestFactory(
            purchasing_department=department,
            catalogue_code="A02010104",
            budget=Decimal("2000000"),
            planned_start=D(2026, month, 1),
            status="submitted",
        )
    assert hits("PR-1") == []


def test_pr2_single_source_share():
    department = DepartmentFactory(name="卫健局")
    contracted_batch(
        department=department, method=Method.SINGLE_SOURCE, budget=Decimal("310000"), amount=Decimal("310000")
    )
    contracted_batch(department=department, budget=Decimal("690000"), amount=Decimal("690000"))
    assert [hit.department for hit in hits("PR-2")] == ["卫健局"]


def test_pr2_near_miss_at_the_share():
    department = DepartmentFactory()
    contracted_batch(
        department=department, method=Method.SINGLE_SOURCE, budget=Decimal("300000"), amount=Decimal("300000")
    )
    contracted_batch(department=department, budget=Decimal("700000"), amount=Decimal("700000"))
    assert hits("PR-2") == []


def test_pr3_intention_late_or_missing():
    RequestFactory(planned_start=D(2026, 3, 1), intention_published_on=D(2026, 1, 31), status="submitted", item="晚了")
    RequestFactory(planned_start=D(2026, 3, 1), intention_published_on=None, status="submitted", item="没有")
    assert {hit.label.split(" · ")[1] for hit in hits("PR-3")} == {"没有", "晚了"}


def test_pr3_near_miss_thirty_days_or_a_reason():
    RequestFactory(planned_start=D(2026, 3, 1), intention_published_on=D(2026, 1, 30), status="submitted")
    RequestFactory(
        planned_start=D(2026, 3, 1),
        intention_published_on=None,
        status="submitted",
        intention_exemption_reason="因抢险救灾需要紧急采购",
    )
    assert hits("PR-3") == []


def test_pr4_contract_signed_late_and_its_near_miss():
    # Award notice 2026-04-01: signing due by 2026-05-01.
    _batch, late = contracted_batch(contract={"signed_on": D(2026, 5, 2), "published_on": D(2026, 5, 6)})
    contracted_batch(contract={"signed_on": D(2026, 5, 1), "published_on": D(2026, 5, 6)})
    assert [hit.label for hit in hits("PR-4")] == [str(late)]


def test_pr5_challenge_reply_overdue_and_its_near_miss():
    # Received Mon 2026-11-02: the reply is due 2026-11-11.
    late = ChallengeFactory(
        received_on=D(2026, 11, 2), knew_on=D(2026, 11, 2), replied_on=D(2026, 11, 12), status="replied"
    )
    ChallengeFactory(received_on=D(2026, 11, 2), knew_on=D(2026, 11, 2), replied_on=D(2026, 11, 11), status="replied")
    assert [hit.label for hit in hits("PR-5")] == [str(late)]


def test_pr6_contract_published_late_and_its_near_miss():
    # Signed Fri 2026-04-10: publication due Tue 2026-04-14.
    _batch, late = contracted_batch(contract={"signed_on": D(2026, 4, 10), "published_on": D(2026, 4, 15)})
    contracted_batch(contract={"signed_on": D(2026, 4, 10), "published_on": D(2026, 4, 14)})
    assert [hit.label for hit in hits("PR-6")] == [str(late)]


def test_the_page_lists_the_hits_per_rule(client):
    _batch, late = contracted_batch(contract={"signed_on": D(2026, 4, 10), "published_on": D(2026, 4, 15)})
    client.force_login(make_user(roles=[Role.LEADERSHIP]))
    page = client.get(reverse("procurement:risk_flags"), {"year": 2026}).content.decode()
    assert 'id="rule-PR-6"' in page and late.number in page and "第五十条" in page
