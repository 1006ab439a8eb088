"""Demo data of the property services (called by `manage.py seed_demo`, idempotent): the fee rates,
the last twelve ended months billed through the billing service, their deduction lists (sent and
confirmed, the latest still a draft) and a correction entered after billing."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from bureau.models import Department
from bureau.workflow import transition
from property_services import rules
from property_services.choices import DeductionListStatus, FeeType
from property_services.models import DeductionList, FeeAdjustment, FeeRate
from property_services.services import fees

MONTHS = 12
# 中央空调费 and 物业(保安保洁)费 per office room per month; the air-conditioning rate rose in 2025.
RATES = [
    (FeeType.AIR_CONDITIONING, Decimal("120.00"), datetime.date(2020, 1, 1), "行管中心经费核算办法"),
    (FeeType.SECURITY_CLEANING, Decimal("80.00"), datetime.date(2020, 1, 1), "物业服务合同（怀化蓝世纪物业管理公司）"),
    (FeeType.AIR_CONDITIONING, Decimal("135.00"), datetime.date(2025, 7, 1), "电价调整后重新核定"),
]


def seed(*, stdout=None, today=None):
    finance = get_user_model().objects.filter(username="finance").first()
    for fee_type, rate, valid_from, note in RATES:
        if not FeeRate.objects.filter(fee_type=fee_type, valid_from=valid_from).exists():
            fees.fee_rate_save(
                rate=FeeRate(fee_type=fee_type, monthly_rate=rate, valid_from=valid_from, note=note), actor=finance
            )
    month = rules.previous_month(today or datetime.date.today())
    months = []
    for _ in range(MONTHS):
        months.append(month)
        month = rules.previous_month(month)
    for month in reversed(months):
        fees.fee_month_bill(month=month, actor=finance)
    latest = months[0]
    department = Department.objects.filter(fee_charges__month=latest).order_by("sort_order", "code").first()
    if department and not FeeAdjustment.objects.filter(month=latest).exists():
        fees.fee_adjustment_create(
            department=department,
            fee_type=FeeType.AIR_CONDITIONING,
            month=latest,
            amount=Decimal("-60.00"),
            reason="空调检修停机半月，按半月退费",
            actor=finance,
        )
    for deduction_list in DeductionList.objects.filter(month__in=months[1:]).order_by("month"):
        if deduction_list.status == DeductionListStatus.DRAFT:
            transition(obj=deduction_list, move="send", actor=finance)
        if deduction_list.status == DeductionListStatus.SENT:
            transition(obj=deduction_list, move="confirm", actor=finance)
    if stdout is not None:
        stdout.write(f"property services: {len(months)} billed months, {DeductionList.objects.count()} deduction lists")
