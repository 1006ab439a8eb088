"""Pages of the outsourced service contracts: the contract, its scoring sheet and penalty clauses."""

from bureau.registers import Register
from property_services import forms, tables
from property_services.filtersets import PenaltyClauseFilterSet, ScoringItemFilterSet, ServiceContractFilterSet
from property_services.models import PenaltyClause, ScoringItem, ServiceContract


def contract_parts(contract, user):
    return [
        (ScoringItem._meta.verbose_name_plural, tables.ScoringItemTable(contract.scoring_items.all(), orderable=False)),
        (
            PenaltyClause._meta.verbose_name_plural,
            tables.PenaltyClauseTable(contract.penalty_clauses.all(), orderable=False),
        ),
    ]


SERVICE_CONTRACTS = Register(
    ServiceContract,
    "contracts",
    table=tables.ServiceContractTable,
    filterset=ServiceContractFilterSet,
    form=forms.ServiceContractForm,
    select_related=("contractor",),
    detail_select_related=("contractor", "procurement_contract"),
    related=contract_parts,
    void=True,
)
SCORING_ITEMS = Register(
    ScoringItem,
    "contracts/scoring-items",
    table=tables.ScoringItemTable,
    filterset=ScoringItemFilterSet,
    form=forms.ScoringItemForm,
    select_related=("contract",),
    delete=True,
)
PENALTY_CLAUSES = Register(
    PenaltyClause,
    "contracts/penalty-clauses",
    table=tables.PenaltyClauseTable,
    filterset=PenaltyClauseFilterSet,
    form=forms.PenaltyClauseForm,
    select_related=("contract",),
    delete=True,
)
