"""Depreciation against hand-computed schedules (政府会计准则第3号: straight line, monthly, from the
month added, not in the month it leaves, none for exempt classes)."""

import datetime
from decimal import Decimal as D

import pytest
from django.conf import settings

from assets import rules, selectors, services, tasks
from assets.models import DepreciationCharge
from tests.assets.factories import AssetFactory, asset_class, manager

d = datetime.date


def facts(value, added, months, left=None, revaluations=()):
    return rules.DepreciationFacts(D(value), added, months, left, tuple(revaluations))


def test_added_mid_month_is_charged_from_that_month():
    # 6,000.00 over 72 months: 83.33 a month, the last month 6,000 − 71 × 83.33 = 83.57.
    f = facts("6000.00", d(2024, 3, 15), 72)
    assert rules.monthly_charge(f, d(2024, 2, 1)) == D("0")
    assert rules.monthly_charge(f, d(2024, 3, 1)) == D("83.33")
    assert rules.depreciation(f, d(2024, 3, 31)) == rules.Depreciation(D("6000"), D("83.33"), D("5916.67"))
    assert rules.depreciation(f, d(2024, 12, 31)).accumulated == D("833.30")  # March–December: 10 months
    assert rules.monthly_charge(f, d(2030, 2, 1)) == D("83.57")
    assert rules.depreciation(f, d(2030, 2, 28)).net == D("0")
    assert rules.monthly_charge(f, d(2030, 3, 1)) == D("0")
    schedule = rules.schedule(f, d(2031, 1, 1))
    assert len(schedule) == 72 and sum(c for _m, c in schedule) == D("6000.00")


def test_exempt_class_is_never_depreciated():
    f = facts("50000.00", d(2020, 5, 1), None)
    assert rules.depreciation(f, d(2025, 5, 1)) == rules.Depreciation(D("50000"), D("0"), D("50000"))


def test_disposed_mid_life_is_not_charged_in_the_month_it_leaves():
    # 3,000.00 over 180 months: 16.67 a month; January 2020 to May 2022 is 29 months = 483.43.
    f = facts("3000.00", d(2020, 1, 10), 180, left=d(2022, 6, 20))
    assert rules.depreciation(f, d(2022, 5, 31)).accumulated == D("483.43")
    assert rules.monthly_charge(f, d(2022, 6, 1)) == D("0")
    assert rules.depreciation(f, d(2022, 6, 10)).accumulated == D("483.43")
    assert rules.depreciation(f, d(2024, 1, 1)) == rules.Depreciation(D("3000"), D("483.43"), D("2516.57"))


def test_revaluation_spreads_the_new_book_value_over_the_remaining_life():
    # 12,000 over 60 months = 200.00 a month; 24 months (2021) charge 4,800, net 7,200.
    # +3,000 in January 2023: 10,200 over the 36 months left = 283.33, the last 10,200 − 35 × 283.33 = 283.45.
    f = facts("12000.00", d(2021, 1, 5), 60, revaluations=[rules.Revaluation(d(2023, 1, 10), D("3000.00"))])
    assert rules.depreciation(f, d(2022, 12, 31)) == rules.Depreciation(D("12000"), D("4800.00"), D("7200.00"))
    assert rules.monthly_charge(f, d(2023, 1, 1)) == D("283.33")
    assert rules.depreciation(f, d(2023, 12, 31)) == rules.Depreciation(D("15000"), D("8199.96"), D("6800.04"))
    assert rules.monthly_charge(f, d(2025, 12, 1)) == D("283.45")
    assert rules.depreciation(f, d(2026, 6, 1)) == rules.Depreciation(D("15000"), D("15000.00"), D("0"))


@pytest.mark.django_db
def test_the_value_at_a_past_date_ignores_what_came_later():
    asset = AssetFactory(asset_class=asset_class("2060000"), original_value=D("12000.00"), acquired_on=d(2021, 1, 5))
    assert asset.useful_life_years == 5  # the configuration in force on the acquisition date
    services.asset_revalue(asset=asset, actor=manager(), on=d(2023, 1, 10), value_change=D("3000.00"))
    assert selectors.asset_value(asset, d(2022, 6, 30)) == rules.Depreciation(D("12000"), D("3600.00"), D("8400.00"))
    assert selectors.asset_value(asset, d(2023, 12, 31)).net == D("6800.04")


@pytest.mark.django_db
def test_exempt_class_card_has_no_useful_life():
    relic = AssetFactory(asset_class=asset_class("3010000"), original_value=D("50000.00"))
    assert relic.useful_life_years is None
    assert selectors.asset_value(relic, d(2030, 1, 1)).net == D("50000.00")


@pytest.mark.django_db
def test_monthly_job_records_each_charge_once():
    asset = AssetFactory(original_value=D("6000.00"), acquired_on=d(2024, 3, 15))
    AssetFactory(asset_class=asset_class("4010000"), acquired_on=d(2024, 3, 1))  # books: exempt
    assert services.depreciation_record_month(month=d(2024, 3, 1)) == 1
    assert services.depreciation_record_month(month=d(2024, 3, 1)) == 0
    assert list(DepreciationCharge.objects.values_list("asset", "month", "amount")) == [
        (asset.pk, d(2024, 3, 1), D("83.33"))
    ]


@pytest.mark.django_db
def test_codes_are_generated_by_class_and_year_and_kept_when_given():
    first = AssetFactory(code="", asset_class=asset_class("5010200"), acquired_on=d(2023, 4, 1))
    second = AssetFactory(code="", asset_class=asset_class("5010300"), acquired_on=d(2023, 5, 1))
    assert (first.code, second.code) == ("5-2023-000001", "5-2023-000002")
    assert AssetFactory(code="ZF-001").code == "ZF-001"


@pytest.mark.django_db
def test_beat_job_takes_the_month_as_an_argument():
    assert settings.CELERY_BEAT_SCHEDULE["assets.depreciation"]["task"] == tasks.depreciation_record_month.name
    AssetFactory(original_value=D("6000.00"), acquired_on=d(2024, 3, 15))
    # In this process (apply): what is tested is the month argument, not the broker.
    assert tasks.depreciation_record_month.apply(args=["2024-04"]).get() == 1
    assert tasks.depreciation_record_month.apply(args=["2024-04"]).get() == 0
