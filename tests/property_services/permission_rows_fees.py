"""Permission-matrix rows of the room-based fees: rates, billing, charges, adjustments, deduction lists."""

import datetime
from decimal import Decimal

from property_services.choices import FeeType
from property_services.models import BillingRun, DeductionLine, DeductionList, FeeAdjustment, FeeCharge, FeeRate
from property_services.views import fees
from tests.permission_matrix import Role, Row, register_rows, roles

MONTH = datetime.date(2025, 11, 1)


def _run():
    return BillingRun.objects.get_or_create(month=MONTH)[0]


def _deduction_list():
    return DeductionList.objects.get_or_create(month=MONTH)[0]


OBJECTS = {
    "feerate": lambda world, department: FeeRate.objects.get_or_create(
        fee_type=FeeType.AIR_CONDITIONING, valid_from=datetime.date(2025, 1, 1), defaults={"monthly_rate": 300}
    )[0],
    "billingrun": lambda world, department: _run(),
    "feecharge": lambda world, department: FeeCharge.objects.get_or_create(
        department=department,
        fee_type=FeeType.AIR_CONDITIONING,
        month=MONTH,
        defaults={"run": _run(), "rooms": 1, "amount": 300},
    )[0],
    "feeadjustment": lambda world, department: FeeAdjustment.objects.create(
        department=department, fee_type=FeeType.AIR_CONDITIONING, month=MONTH, amount=Decimal("-10"), reason="更正"
    ),
    "deductionlist": lambda world, department: _deduction_list(),
    "deductionline": lambda world, department: DeductionLine.objects.get_or_create(
        deduction_list=_deduction_list(), department=department, defaults={"total": 300}
    )[0],
}

FINANCE = roles(Role.FINANCE)
READERS = roles(Role.FINANCE, Role.ADMIN_CENTRE, Role.LEADERSHIP)
RATE_KEEPERS = roles(Role.FINANCE, Role.ADMIN_CENTRE)
WITH_HEADS = READERS | roles(Role.DEPARTMENT_HEADS)

ROWS = [
    *register_rows(fees.FEE_RATES, viewers=READERS, editors=RATE_KEEPERS, obj="feerate", scoped=False),
    Row("property_services:billing", allow=FINANCE),
    *register_rows(fees.BILLING_RUNS, viewers=READERS, editors=FINANCE, obj="billingrun", scoped=False),
    *register_rows(fees.FEE_CHARGES, viewers=WITH_HEADS, editors=FINANCE, obj="feecharge"),
    Row("property_services:feeadjustment_add", allow=FINANCE),
    *register_rows(fees.FEE_ADJUSTMENTS, viewers=WITH_HEADS, editors=FINANCE, obj="feeadjustment"),
    *register_rows(fees.DEDUCTION_LISTS, viewers=READERS, editors=FINANCE, obj="deductionlist", scoped=False),
    Row("property_services:deductionlist_send", allow=FINANCE, obj="deductionlist", scoped=False),
    Row("property_services:deductionlist_confirm", allow=FINANCE, obj="deductionlist", scoped=False),
    Row("property_services:deductionlist_excel", allow=READERS, obj="deductionlist", scoped=False),
    Row("property_services:deductionlist_pdf", allow=READERS, obj="deductionlist", scoped=False),
    *register_rows(fees.DEDUCTION_LINES, viewers=WITH_HEADS, editors=FINANCE, obj="deductionline"),
]
