"""Leases and loans (出租出借) with their rent, and disposals (处置)."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assets import selectors, services
from assets.choices import AssetStatus
from assets.models import Asset, Disposal, Lease
from tests.assets.factories import AssetFactory, asset_class, manager
from tests.helpers import error_codes

d = datetime.date
pytestmark = pytest.mark.django_db


def lease(asset, start, end, **kwargs):
    return Lease(
        asset=asset,
        lessee=kwargs.pop("lessee", "县某商贸公司"),
        monthly_rent=kwargs.pop("rent", D("2000.00")),
        start_date=start,
        end_date=end,
        approval_document="县财资〔2025〕8号",
        bidding_reference="县公共资源交易中心 2025-017",
        **kwargs,
    )


def old_offices():
    return AssetFactory(
        name="原县政府老办公楼",
        asset_class=asset_class("1010100"),
        original_value=D("3200000.00"),
        acquired_on=d(1998, 6, 1),
        area=D("1850.00"),
        title_certificate="湘(1998)中方县不动产权第0001号",
    )


def test_lease_makes_a_rent_schedule_and_lists_overdue_rent():
    offices = old_offices()
    made = services.lease_create(lease=lease(offices, d(2025, 1, 1), d(2025, 3, 31)), actor=manager())
    offices.refresh_from_db()
    assert offices.status == AssetStatus.LEASED_OUT
    assert list(made.payments.values_list("due_on", "amount")) == [
        (d(2025, 1, 1), D("2000.00")),
        (d(2025, 2, 1), D("2000.00")),
        (d(2025, 3, 1), D("2000.00")),
    ]
    first = made.payments.first()
    services.leasepayment_receive(payment=first, actor=manager(), amount=D("2000.00"), on=d(2025, 1, 3))
    overdue = selectors.overdue_rent(d(2025, 2, 15))
    assert [p.due_on for p in overdue] == [d(2025, 2, 1)]
    assert selectors.rent_income(d(2025, 1, 1), d(2025, 12, 31)) == D("2000.00")


def test_overlapping_lease_is_refused_with_a_message_and_by_the_database():
    offices = old_offices()
    services.lease_create(lease=lease(offices, d(2025, 1, 1), d(2025, 6, 30)), actor=manager())
    with pytest.raises(ValidationError) as caught:
        services.lease_create(lease=lease(offices, d(2025, 6, 1), d(2025, 12, 31), lessee="另一家"), actor=manager())
    assert error_codes(caught.value) == {"start_date": ["lease_overlap"]}
    assert "县某商贸公司" in str(caught.value)
    # Past the service (a write the check never saw), the database refuses too.
    with pytest.raises(IntegrityError), transaction.atomic():
        lease(offices, d(2025, 6, 1), d(2025, 12, 31)).save()


def test_disposing_a_leased_asset_is_refused():
    offices = old_offices()
    services.lease_create(lease=lease(offices, d(2025, 1, 1), d(2025, 6, 30)), actor=manager())
    disposal = Disposal(
        asset=offices, method="auction", approval_document="县政府〔2025〕3号", requested_on=d(2025, 2, 1)
    )
    with pytest.raises(ValidationError) as caught:
        services.disposal_request(disposal=disposal, actor=manager())
    assert error_codes(caught.value) == {"asset": ["asset_not_disposable"]}
    assert not Disposal.objects.exists()


def test_auctioned_asset_leaves_the_active_registers_but_keeps_its_card():
    guesthouse = AssetFactory(
        name="原县招待所", asset_class=asset_class("1010200"), original_value=D("1500000.00"), acquired_on=d(1995, 3, 1)
    )
    disposal = services.disposal_request(
        disposal=Disposal(
            asset=guesthouse,
            method="auction",
            appraisal_value=D("2600000.00"),
            approval_document="中政函〔2024〕12号",
            requested_on=d(2024, 9, 1),
        ),
        actor=manager(),
    )
    services.disposal_complete(
        disposal=disposal,
        actor=manager(),
        disposed_on=d(2024, 11, 18),
        proceeds=D("2810000.00"),
        buyer="某置业有限公司",
    )
    services.disposal_remit(disposal=disposal, actor=manager(), amount=D("2810000.00"), on=d(2024, 11, 30))
    guesthouse.refresh_from_db()
    assert guesthouse.status == AssetStatus.DISPOSED and guesthouse.disposed_on == d(2024, 11, 18)
    assert guesthouse not in Asset.objects.active()
    assert guesthouse.history.count() >= 3
    assert guesthouse not in selectors.assets_at(d(2025, 1, 1))
    assert guesthouse in selectors.assets_at(d(2024, 11, 1))
    with pytest.raises(ValidationError) as caught:
        services.disposal_remit(disposal=disposal, actor=manager(), amount=D("1.00"), on=d(2024, 12, 1))
    assert error_codes(caught.value) == {"amount": ["remit_too_much"]}


def test_public_pages_show_announcements_and_results_without_login(client):
    offices = old_offices()
    services.lease_create(
        lease=lease(offices, d(2025, 1, 1), d(2027, 12, 31), announced_on=d(2024, 12, 1)), actor=manager()
    )
    guesthouse = AssetFactory(name="原县招待所", asset_class=asset_class("1010200"), acquired_on=d(1995, 3, 1))
    disposal = services.disposal_request(
        disposal=Disposal(
            asset=guesthouse,
            method="auction",
            appraisal_value=D("2600000.00"),
            approval_document="内部文号-不公开",
            requested_on=d(2024, 9, 1),
            announced_on=d(2024, 10, 8),
        ),
        actor=manager(),
    )
    services.disposal_complete(
        disposal=disposal,
        actor=manager(),
        disposed_on=d(2024, 11, 18),
        proceeds=D("2810000.00"),
        buyer="某置业有限公司",
    )
    leases = client.get("/public/assets/leases/").content.decode()
    assert "原县政府老办公楼" in leases and "县某商贸公司" in leases and "县财资" not in leases
    disposals = client.get("/public/assets/disposals/").content.decode()
    assert "原县招待所" in disposals and "2810000.00" in disposals and "内部文号" not in disposals
