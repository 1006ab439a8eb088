"""The procurement centre's figures for a period (and one purchasing department): the one place the
dashboards, the briefing and the statistics read them (issue 14, "figures written once").

Contracts count from their signing day, as the savings pages count them (selectors.savings: voided
and unsigned contracts don't); batches are those of the counted contracts; savings = budget covered −
contract amount, the savings rate 节支率 = savings / budget. Challenges by the day received,
complaints by the day filed; risk hits are the PR-1…PR-6 rules over the period (selectors.risk).
Requests: those whose procurement starts in the period, and those still waiting for a batch now.
For one department: its contracts and requests, the challenges and complaints of batches it holds a
contract in, and the risk hits that name it."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from bureau.figures import PERCENT, YUAN, ZERO, FigureSet
from procurement.choices import ContractStatus, Method, RequestStatus
from procurement.models import Challenge, Complaint, Contract, ProcurementRequest
from procurement.selectors.risk import risk_hits
from procurement.selectors.savings import counted_contracts, savings_rate


@dataclass(frozen=True)
class ProcurementFigures(FigureSet):
    batches: int
    contracts: int
    budget: Decimal
    amount: Decimal
    saved: Decimal
    savings_rate: Decimal | None
    challenges: int
    complaints: int
    risk_hits: int
    requests: int
    requests_waiting: int
    contracts_unsigned: int
    by_method: tuple  # ((method label, contract amount), …) in method order

    LABELS = {
        "batches": _("Batches"),
        "contracts": _("Contracts signed"),
        "budget": _("Budget covered"),
        "amount": _("Contract amount"),
        "saved": _("Savings"),
        "savings_rate": _("Savings rate"),
        "challenges": _("Challenges"),
        "complaints": _("Complaints"),
        "risk_hits": _("Risk flags raised"),
        "requests": _("Procurement requests"),
        "requests_waiting": _("Requests waiting for a batch"),
        "contracts_unsigned": _("Contracts awaiting signature"),
    }
    UNITS = {"budget": YUAN, "amount": YUAN, "saved": YUAN, "savings_rate": PERCENT}


def procurement_figures(*, period, department=None, today=None):
    """ProcurementFigures of `period` (bureau.periods.Period), for every department or one."""
    contracts = Contract.objects.all()
    requests = ProcurementRequest.objects.all()
    challenges = Challenge.objects.all()
    complaints = Complaint.objects.all()
    if department is not None:
        contracts = contracts.filter(purchasing_department=department)
        requests = requests.filter(purchasing_department=department)
        held = Contract.objects.filter(purchasing_department=department, voided_at__isnull=True).values("batch_id")
        challenges = challenges.filter(batch_id__in=held)
        complaints = complaints.filter(challenge__batch_id__in=held)
    counted = counted_contracts(date_from=period.start, date_to=period.end, contracts=contracts)
    row = counted.aggregate(
        contracts=Count("id"),
        batches=Count("batch", distinct=True),
        total_budget=Sum("budget_amount"),
        total_amount=Sum("amount"),
        **{f"method_{value}": Sum("amount", filter=Q(batch__method=value)) for value in Method.values},
    )
    budget, amount = row["total_budget"] or ZERO, row["total_amount"] or ZERO
    request_counts = requests.aggregate(
        in_period=Count(
            "id",
            filter=Q(planned_start__gte=period.start, planned_start__lte=period.end)
            & ~Q(status__in=(RequestStatus.DRAFT, RequestStatus.CANCELLED)),
        ),
        waiting=Count("id", filter=Q(status=RequestStatus.SUBMITTED)),
    )
    hits = risk_hits(date_from=period.start, date_to=period.end, today=today)
    name = department.name if department is not None else None
    risk_count = sum(1 for found in hits.values() for hit in found if name is None or hit.department == name)
    return ProcurementFigures(
        batches=row["batches"],
        contracts=row["contracts"],
        budget=budget,
        amount=amount,
        saved=budget - amount,
        savings_rate=savings_rate(budget, amount),
        challenges=challenges.filter(received_on__gte=period.start, received_on__lte=period.end).count(),
        complaints=complaints.filter(filed_on__gte=period.start, filed_on__lte=period.end).count(),
        risk_hits=risk_count,
        requests=request_counts["in_period"],
        requests_waiting=request_counts["waiting"],
        contracts_unsigned=contracts.filter(voided_at__isnull=True, status=ContractStatus.DRAFT).count(),
        by_method=tuple((str(label), row[f"method_{value}"] or ZERO) for value, label in Method.choices),
    )
