"""Permission-matrix rows of the outsourced service contracts (campus facts: not department-scoped)."""

from decimal import Decimal

from property_services.models import PenaltyClause, ScoringItem
from property_services.views import contracts
from tests.permission_matrix import Role, Row, register_rows, roles
from tests.property_services.factories import service_contract

OBJECTS = {
    "servicecontract": lambda world, department: service_contract(),
    "scoringitem": lambda world, department: ScoringItem.objects.create(
        contract=service_contract(), item="门岗值守", points=20
    ),
    "penaltyclause": lambda world, department: PenaltyClause.objects.create(
        contract=service_contract(), deficiency="脱岗", deduction=Decimal("200"), monthly_cap=Decimal("2000")
    ),
}

RUNNERS = roles(Role.ADMIN_CENTRE, Role.SUPERVISION)
READERS = RUNNERS | roles(Role.LEADERSHIP, Role.FINANCE)

ROWS = [
    *register_rows(contracts.SERVICE_CONTRACTS, viewers=READERS, editors=RUNNERS, obj="servicecontract", scoped=False),
    *register_rows(contracts.SCORING_ITEMS, viewers=READERS, editors=RUNNERS, obj="scoringitem", scoped=False),
    *register_rows(contracts.PENALTY_CLAUSES, viewers=READERS, editors=RUNNERS, obj="penaltyclause", scoped=False),
    Row("pickers:property_services.supplier", allow=RUNNERS),
    Row("pickers:property_services.service_contract", allow=RUNNERS),
]
