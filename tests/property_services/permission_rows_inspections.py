"""Permission-matrix rows of the inspections and the monthly assessment (campus facts, not
department-scoped): the administration centre and the supervision group run them, leadership and
finance read them, department heads and staff see nothing of them."""

import datetime
from decimal import Decimal

from property_services.models import Finding, Inspection, MonthlyAssessment, Penalty, PenaltyClause, Rectification
from property_services.services.inspections import MonthlyAssessmentWorkflow
from property_services.views import inspections
from tests.permission_matrix import Role, Row, register_rows, roles
from tests.property_services.factories import service_contract

DAY = datetime.date(2025, 11, 5)


def _inspection(world, department):
    return Inspection.objects.create(contract=service_contract(), date=DAY, place="1号楼")


def _rectification(world, department):
    inspection = _inspection(world, department)
    item = inspection.contract.scoring_items.create(item="区域清洁", points=30)
    finding = Finding.objects.create(inspection=inspection, scoring_item=item, description="楼道有垃圾")
    return Rectification.objects.create(
        finding=finding, contract=inspection.contract, issued_on=DAY, deadline=DAY + datetime.timedelta(days=3)
    )


def _penalty(world, department):
    contract = service_contract()
    clause = PenaltyClause.objects.create(
        contract=contract, deficiency="脱岗", deduction=Decimal("200"), monthly_cap=Decimal("2000")
    )
    return Penalty.objects.create(
        contract=contract, clause=clause, month=datetime.date(2025, 11, 1), amount=Decimal("200"), reason="脱岗"
    )


def _assessment(world, department):
    return MonthlyAssessment.objects.create(
        contract=service_contract(),
        month=datetime.date(2025, 11, 1),
        monthly_fee=Decimal("85000"),
        payable=Decimal("85000"),
    )


OBJECTS = {
    "inspection": _inspection,
    "finding": lambda world, department: _rectification(world, department).finding,
    "rectification": _rectification,
    "penalty": _penalty,
    "monthlyassessment": _assessment,
}

RUNNERS = roles(Role.ADMIN_CENTRE, Role.SUPERVISION)
READERS = RUNNERS | roles(Role.LEADERSHIP, Role.FINANCE)

ROWS = [
    *register_rows(inspections.INSPECTIONS, viewers=READERS, editors=RUNNERS, obj="inspection", scoped=False),
    Row("property_services:inspection_draw", allow=RUNNERS),
    Row("property_services:inspection_score", allow=RUNNERS, obj="inspection", scoped=False),
    *register_rows(inspections.FINDINGS, viewers=READERS, editors=RUNNERS, obj="finding", scoped=False),
    *register_rows(inspections.RECTIFICATIONS, viewers=READERS, editors=RUNNERS, obj="rectification", scoped=False),
    Row("property_services:rectification_recheck", allow=RUNNERS, obj="rectification", scoped=False),
    *register_rows(inspections.PENALTIES, viewers=READERS, editors=RUNNERS, obj="penalty", scoped=False),
    Row("property_services:penalty_add", allow=RUNNERS),
    *register_rows(inspections.ASSESSMENTS, viewers=READERS, editors=RUNNERS, obj="monthlyassessment", scoped=False),
    Row("property_services:monthlyassessment_add", allow=RUNNERS),
    Row("property_services:monthlyassessment_pdf", allow=READERS, obj="monthlyassessment", scoped=False),
    *[
        Row(f"property_services:monthlyassessment_{move.name}", allow=RUNNERS, obj="monthlyassessment", scoped=False)
        for move in MonthlyAssessmentWorkflow.moves
    ],
    Row("pickers:property_services.penalty_clause", allow=RUNNERS),
]
