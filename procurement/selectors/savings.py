"""Savings 节约资金 = budget − contract amount and the savings rate 节支率 = savings / budget, from the
contracts themselves (database aggregates, never typed totals), per batch, lot, department, method
and period; with the centre's headline figures (batches, purchased, saved, rate, contracts,
challenges and complaints).

A contract counts from its signing day (`signed_on`) in the period; voided and unsigned contracts
do not count. Its budget is `budget_amount`, the part of its lot's budget it covers."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils.translation import gettext_lazy as _

from procurement.choices import ContractStatus, Method
from procurement.models import Challenge, Complaint, Contract

ZERO = Decimal("0.00")
HUNDRED = Decimal("100")
COUNTED = (ContractStatus.SIGNED, ContractStatus.ACCEPTED, ContractStatus.CLOSED)
GROUPS = {
    "period": _("Period"),
    "department": _("Purchasing department"),
    "method": _("Method"),
    "batch": _("Batch"),
    "lot": _("Lot"),
}
PERIODS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


def savings_rate(budget, amount):
    """节支率 in per cent with two decimals (8.00), or None without a budget."""
    if not budget:
        return None
    return ((budget - amount) * HUNDRED / budget).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def counted_contracts(*, date_from, date_to, contracts=None):
    contracts = Contract.objects.all() if contracts is None else contracts
    return contracts.filter(
        voided_at__isnull=True, status__in=COUNTED, signed_on__gte=date_from, signed_on__lte=date_to
    )


def _figures(row):
    budget, amount = row.get("budget") or ZERO, row.get("amount") or ZERO
    return {**row, "budget": budget, "amount": amount, "saved": budget - amount, "rate": savings_rate(budget, amount)}


def _period_label(value, period):
    value = value.date() if isinstance(value, datetime.datetime) else value
    if period == "year":
        return f"{value.year}"
    if period == "quarter":
        return f"{value.year} Q{(value.month - 1) // 3 + 1}"
    return f"{value.year}-{value.month:02d}"


def savings_by(contracts, group, *, period="month"):
    """[{label, contracts, budget, amount, saved, rate}] for one grouping, largest budget first
    (periods in order)."""
    totals = {"n": Count("id"), "budget": Sum("budget_amount"), "amount": Sum("amount")}
    if group == "period":
        trunc = PERIODS.get(period, TruncMonth)
        rows = contracts.annotate(key=trunc("signed_on")).values("key").annotate(**totals).order_by("key")
        return [_figures({**row, "label": _period_label(row["key"], period)}) for row in rows]
    fields = {
        "department": ("purchasing_department_id", "purchasing_department__name"),
        "method": ("batch__method", "batch__method"),
        "batch": ("batch_id", "batch__number"),
        "lot": ("lot_id", F("batch__number")),
    }[group]
    key, name = fields
    rows = contracts.values(key).annotate(label=F(name) if isinstance(name, str) else name, **totals)
    if group == "lot":
        rows = rows.annotate(lot_number=F("lot__number"))
    rows = rows.order_by("-budget", key)
    labels = dict(Method.choices)
    result = []
    for row in rows:
        label = row["label"]
        if group == "method":
            label = labels.get(label, label)
        elif group == "lot":
            label = f"{label} / {row['lot_number']}"
        result.append(_figures({**row, "label": label}))
    return result


def headline(*, date_from, date_to, contracts=None):
    """The centre's headline for a period: batches, contracts, budget, purchased, saved, rate,
    challenges and complaints (the county's "zero complaints")."""
    counted = counted_contracts(date_from=date_from, date_to=date_to, contracts=contracts)
    row = counted.aggregate(
        contracts=Count("id"),
        batches=Count("batch", distinct=True),
        budget=Sum("budget_amount"),
        amount=Sum("amount"),
    )
    in_period = Q(received_on__gte=date_from, received_on__lte=date_to)
    result = _figures(row)
    result["challenges"] = Challenge.objects.filter(in_period).count()
    result["complaints"] = Complaint.objects.filter(filed_on__gte=date_from, filed_on__lte=date_to).count()
    return result
