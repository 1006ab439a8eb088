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
