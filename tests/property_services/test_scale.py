"""The property services' part of seed_scale: billed months that the billing service agrees with."""

from io import StringIO

import pytest
from django.core.management import call_command

from property_services.models import BillingRun, DeductionLine, DeductionList, FeeCharge
from property_services.services.fees import fee_month_bill


@pytest.mark.django_db
def test_the_tiny_set_has_billed_months_the_billing_service_leaves_as_they_are():
    out = StringIO()
    call_command("seed_scale", size="tiny", force=True, stdout=out)
    assert "fee rows" in out.getvalue()
    run = BillingRun.objects.order_by("month")[5]
    charges = list(FeeCharge.objects.filter(month=run.month).values_list("department", "fee_type", "amount"))
    assert charges and run.total == sum(amount for *_key, amount in charges)
    assert DeductionList.objects.count() == BillingRun.objects.count()
    assert DeductionLine.objects.filter(deduction_list__month=run.month).count() == run.departments

    again = fee_month_bill(month=run.month, actor=None)
    assert again.pk == run.pk and again.total == run.total
    assert list(FeeCharge.objects.filter(month=run.month).values_list("department", "fee_type", "amount")) == charges


@pytest.mark.django_db
def test_the_tiny_set_has_inspections_and_assessments_the_rules_agree_with():
    from property_services.models import Finding, Inspection, MonthlyAssessment, Penalty, Rectification
    from property_services.rules_inspections import draw_sample
    from property_services.scale_inspections import PLACES

    call_command("seed_scale", size="tiny", force=True, stdout=StringIO())
    for model in (Inspection, Finding, Rectification, Penalty, MonthlyAssessment):
        assert model.objects.count() > 10, model
        assert model.history.filter(history_type="+").count() == model.objects.count(), model
    spot = Inspection.objects.filter(kind="spot").order_by("id").first()
    month = spot.date.replace(day=1)
    drawn = Inspection.objects.filter(contract=spot.contract, draw_seed=spot.draw_seed).values_list("date", "place")
    assert sorted(drawn) == sorted(draw_sample(places=PLACES, month=month, count=2, seed=spot.draw_seed))
    for assessment in MonthlyAssessment.objects.all()[:20]:
        penalties = sum(p.amount for p in Penalty.objects.filter(contract=assessment.contract, month=assessment.month))
        assert assessment.penalties == penalties and assessment.payable == assessment.monthly_fee - penalties


@pytest.mark.django_db
def test_the_tiny_set_has_ranks_offices_and_violations_one_office_per_person():
    import datetime

    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from bureau.models import StaffProfile
    from property_services import selectors_space
    from property_services.choices_space import SpaceVerdict
    from property_services.models import ConductViolation, OfficeAssignment

    out = StringIO()
    call_command("seed_scale", size="tiny", force=True, stdout=out)
    assert "office assignments" in out.getvalue() and "conduct violations" in out.getvalue()
    assert StaffProfile.objects.exclude(rank="").count() > StaffProfile.objects.filter(rank="").count() > 0
    assert OfficeAssignment.objects.count() > 20
    assert not OfficeAssignment.objects.values("person").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert ConductViolation.objects.count() >= 12 * 2 * 2  # 12 units, 2 a year, 2 years
    for model in (OfficeAssignment, ConductViolation):
        assert model.history.filter(history_type="+").count() == model.objects.count(), model
    root = get_user_model().objects.create(username="scale-root", is_superuser=True)
    verdicts = {row.verdict for row in selectors_space.office_rows(root, day=datetime.date(2026, 12, 1))}
    assert {SpaceVerdict.OVER, SpaceVerdict.IDLE} <= verdicts
