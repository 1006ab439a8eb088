"""The demo's supervision: a year of inspections and assessments of the reference contracts."""

from io import StringIO

import pytest
from django.core.management import call_command

from property_services.choices_inspections import AssessmentStatus, RectificationStatus
from property_services.models import Finding, Inspection, MonthlyAssessment, Penalty, Rectification
from property_services.rules_inspections import payable

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_year_of_inspections_and_assessments():
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    assert "108 inspections, 36 monthly assessments" in out.getvalue()  # 3 contracts × 12 months × 3 checks
    assert {"scheduled", "spot"} == set(Inspection.objects.values_list("kind", flat=True))
    assert not Inspection.objects.filter(kind="spot", draw_seed=None).exists()
    assert Finding.objects.exists() and Penalty.objects.exists()
    assert not Rectification.objects.exclude(status=RectificationStatus.CLOSED).exists()
    assert MonthlyAssessment.objects.filter(status=AssessmentStatus.DRAFT).count() == 3  # the latest month
    for assessment in MonthlyAssessment.objects.all():
        assert assessment.payable == payable(monthly_fee=assessment.monthly_fee, penalties=assessment.penalties)
    for model in (Inspection, Finding, Rectification, Penalty, MonthlyAssessment):
        assert model.history.filter(history_type="+").count() == model.objects.count(), model
    again = StringIO()
    call_command("seed_demo", force=True, stdout=again)
    assert "108 inspections, 36 monthly assessments" in again.getvalue()
    assert Inspection.objects.count() == 108
