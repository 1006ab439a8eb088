"""/public/ without login: the index collects each app's sections; procurement shows intentions,
announcements, awards and contracts, and nothing internal (notes, bad-conduct records, bank data)."""

import datetime

import pytest
from django.urls import reverse

from bureau.public import public_sections
from procurement.models import BadConductRecord
from tests.procurement.factories_oversight import BatchFactory, contracted_batch

pytestmark = pytest.mark.django_db


def test_the_index_lists_the_procurement_sections(client):
    assert any(
        "procurement_public:contracts" in {s["url_name"] for s in sections} for _app, sections in public_sections()
    )
    response = client.get("/public/")
    assert response.status_code == 200
    assert reverse("procurement_public:contracts") == "/public/procurement/contracts/"
    assert b"/public/procurement/contracts/" in response.content


def test_an_anonymous_visitor_sees_what_is_published_and_nothing_internal(client):
    batch, contract = contracted_batch(
        request={"intention_published_on": datetime.date(2026, 1, 20), "item": "公开的采购意向"},
    )
    contract.supplier.bank_account_number = "6222000011112222"
    contract.supplier.save()
    BadConductRecord.objects.create(
        supplier=contract.supplier,
        authority="县财政局",
        reason="提供虚假材料谋取中标",
        in_force_from=datetime.date(2025, 1, 1),
    )
    BatchFactory(status="initiated", announced_on=None, title="尚未公告的批次")
    unpublished = contracted_batch(contract={"published_on": None, "title": "未公告的合同"})[1]
    pages = {
        kind: client.get(reverse(f"procurement_public:{kind}")).content.decode()
        for kind in ("intentions", "announcements", "awards", "contracts")
    }
    assert "公开的采购意向" in pages["intentions"]
    assert batch.number in pages["announcements"] and "尚未公告的批次" not in pages["announcements"]
    assert contract.supplier.name in pages["awards"]
    assert contract.number in pages["contracts"] and unpublished.number not in pages["contracts"]
    everything = "".join(pages.values())
    for secret in ("内部备注", "提供虚假材料", "6222000011112222", "供应商回款慢"):
        assert secret not in everything
    assert "login" not in client.get(reverse("procurement_public:contracts")).get("Location", "")


def test_public_lists_are_paginated(client):
    for _ in range(51):
        BatchFactory()
    page = client.get(reverse("procurement_public:announcements")).content.decode()
    assert "1 / 2" in page
    assert client.get(reverse("procurement_public:announcements"), {"page": 2}).status_code == 200
