"""Risk flags, as Prozorro's risk indicators: each rule has an id, a legal basis, a description and
an owner, and lists its hits for a period. Thresholds and periods are settings
(PROCUREMENT_RISK_THRESHOLDS); the clocks come from the dated ClockRule data."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procurement.choices import ChallengeStatus, ContractStatus, Method, RequestStatus
from procurement.models import Challenge, Contract, ProcurementRequest
from procurement.selectors.clocks import ClockBook, record_url


@dataclass(frozen=True)
class RiskRule:
    id: str
    name: str
    basis: str
    description: str
    owner: str = _("Procurement centre")


@dataclass
class Hit:
    rule: RiskRule
    label: str
    detail: str
    url: str = ""
    department: str = ""
    records: list = field(default_factory=list)


RULES = (
    RiskRule(
        "PR-1",
        _("Purchases split under the open-tendering threshold"),
        "政府采购法 第二十八条；政府采购法实施条例 第二十八条",
        _(
            "One department buys one catalogue item several times in one budget year, each purchase under "
            "the open-tendering threshold and not by open tendering, together above it."
        ),
    ),
    RiskRule(
        "PR-2",
        _("High single-source share"),
        "政府采购法 第三十一条；政府采购非招标采购方式管理办法（财政部令第74号）",
        _("A department's single-source contracts make up more than the set share of its contract amount in a year."),
    ),
    RiskRule(
        "PR-3",
        _("Intention published late or not at all"),
        "财库〔2020〕10号 二（四）",
        _(
            "The purchase intention was published less than 30 days before the procurement, or not at all, "
            "without a reason."
        ),
        owner=_("Purchasing department"),
    ),
    RiskRule(
        "PR-4",
        _("Contract signed late"),
        "政府采购法 第四十六条",
        _("The contract was not signed within 30 days of the award notice."),
        owner=_("Purchasing department"),
    ),
    RiskRule(
        "PR-5",
        _("Challenge reply overdue"),
        "政府采购法 第五十三条",
        _("The challenge was not answered within 7 working days."),
    ),
    RiskRule(
        "PR-6",
        _("Contract published late"),
        "政府采购法实施条例 第五十条",
        _("The contract was not published within 2 working days of signing."),
    ),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}


def thresholds():
    defaults = {
        "split_threshold": Decimal("4000000.00"),  # the open-tendering threshold for goods and services
        "split_min_purchases": 2,
        "single_source_share": Decimal("0.30"),
        "single_source_min_amount": Decimal("200000.00"),  # departments buying less are not judged
    }
    return {**defaults, **getattr(settings, "PROCUREMENT_RISK_THRESHOLDS", {})}


def split_purchases(*, date_from, date_to, **_kwargs):
    limits = thresholds()
    rows = (
        ProcurementRequest.objects.filter(planned_start__gte=date_from, planned_start__lte=date_to)
        .exclude(status__in=(RequestStatus.CANCELLED, RequestStatus.DRAFT))
        .exclude(batch__method=Method.OPEN_TENDER)
        .filter(budget__lt=limits["split_threshold"])
        .annotate(year=ExtractYear("planned_start"))
        .values("purchasing_department_id", "purchasing_department__name", "catalogue_code", "year")
        .annotate(n=Count("id"), total=Sum("budget"), largest=Max("budget"))
        .filter(n__gte=limits["split_min_purchases"], total__gt=limits["split_threshold"])
        .order_by("-total")
    )
    rule = RULES_BY_ID["PR-1"]
    return [
        Hit(
            rule,
            label=f"{row['purchasing_department__name']} · {row['catalogue_code']} · {row['year']}",
            detail=_("%(n)d purchases, together %(total)s yuan (threshold %(limit)s)")
            % {"n": row["n"], "total": row["total"], "limit": limits["split_threshold"]},
            department=row["purchasing_department__name"],
        )
        for row in rows
    ]


def single_source_share(*, date_from, date_to, **_kwargs):
    limits = thresholds()
    single = Q(batch__method=Method.SINGLE_SOURCE)
    rows = (
        Contract.objects.filter(voided_at__isnull=True, signed_on__gte=date_from, signed_on__lte=date_to)
        .annotate(year=ExtractYear("signed_on"))
        .values("purchasing_department_id", "purchasing_department__name", "year")
        .annotate(total=Sum("amount"), single=Sum("amount", filter=single))
        .filter(total__gte=limits["single_source_min_amount"], single__gt=0)
        .order_by("-single")
    )
    rule = RULES_BY_ID["PR-2"]
    hits = []
    for row in rows:
        share = Decimal(row["single"]) / Decimal(row["total"])
        if share > limits["single_source_share"]:
            hits.append(
                Hit(
                    rule,
                    label=f"{row['purchasing_department__name']} · {row['year']}",
                    detail=_("single source %(share)s %% of %(total)s yuan (limit %(limit)s %%)")
                    % {
                        "share": (share * 100).quantize(Decimal("0.1")),
                        "total": row["total"],
                        "limit": (limits["single_source_share"] * 100).quantize(Decimal("0.1")),
                    },
                    department=row["purchasing_department__name"],
                )
            )
    return hits


def intention_late(*, date_from, date_to, book, **_kwargs):
    rule = RULES_BY_ID["PR-3"]
    hits = []
    requests = (
        ProcurementRequest.objects.filter(planned_start__gte=date_from, planned_start__lte=date_to)
        .exclude(status__in=(RequestStatus.CANCELLED, RequestStatus.DRAFT))
        .filter(intention_exemption_reason="")
        .select_related("purchasing_department")
        .order_by("planned_start", "id")
    )
    for request in requests.iterator():
        days = book.rule("intention_publication", request.planned_start).days
        latest = request.planned_start - datetime.timedelta(days=days)
        published = request.intention_published_on
        if published is None or published > latest:
            hits.append(
                Hit(
                    rule,
                    label=f"{request.purchasing_department.name} · {request.item}",
                    detail=(
                        _("not published; procurement starts %(start)s") % {"start": request.planned_start}
                        if published is None
                        else _("published %(published)s, due by %(latest)s")
                        % {"published": published, "latest": latest}
                    ),
                    department=request.purchasing_department.name,
                )
            )
    return hits


def contract_signed_late(*, date_from, date_to, book, **_kwargs):
    rule = RULES_BY_ID["PR-4"]
    hits = []
    contracts = (
        Contract.objects.filter(
            voided_at__isnull=True, batch__award_notice_on__gte=date_from, batch__award_notice_on__lte=date_to
        )
        .exclude(status=ContractStatus.VOIDED)
        .select_related("batch", "purchasing_department")
        .order_by("id")
    )
    for contract in contracts.iterator():
        deadline = book.deadline("contract_signing", contract.batch.award_notice_on)
        signed = contract.signed_on
        if (signed and signed > deadline.date) or (signed is None and book.today > deadline.date):
            hits.append(
                Hit(
                    rule,
                    label=str(contract),
                    detail=_("due %(deadline)s, signed %(signed)s")
                    % {"deadline": deadline.date, "signed": signed or "—"},
                    url=record_url(contract),
                    department=contract.purchasing_department.name,
                )
            )
    return hits


def challenge_reply_overdue(*, date_from, date_to, book, **_kwargs):
    rule = RULES_BY_ID["PR-5"]
    hits = []
    challenges = (
        Challenge.objects.filter(received_on__gte=date_from, received_on__lte=date_to)
        .exclude(status__in=(ChallengeStatus.WITHDRAWN, ChallengeStatus.REFUSED))
        .select_related("batch", "supplier")
        .order_by("received_on", "id")
    )
    for challenge in challenges.iterator():
        clock = book.clock("challenge_reply", challenge.received_on, challenge.replied_on)
        if clock.overdue:
            hits.append(
                Hit(
                    rule,
                    label=str(challenge),
                    detail=_("due %(deadline)s, replied %(replied)s")
                    % {"deadline": clock.deadline.date, "replied": challenge.replied_on or "—"},
                    url=record_url(challenge),
                )
            )
    return hits


def contract_published_late(*, date_from, date_to, book, **_kwargs):
    rule = RULES_BY_ID["PR-6"]
    hits = []
    contracts = (
        Contract.objects.filter(voided_at__isnull=True, signed_on__gte=date_from, signed_on__lte=date_to)
        .select_related("purchasing_department")
        .order_by("id")
    )
    for contract in contracts.iterator():
        clock = book.clock("contract_publication", contract.signed_on, contract.published_on)
        if clock.overdue:
            hits.append(
                Hit(
                    rule,
                    label=str(contract),
                    detail=_("due %(deadline)s, published %(published)s")
                    % {"deadline": clock.deadline.date, "published": contract.published_on or "—"},
                    url=record_url(contract),
                    department=contract.purchasing_department.name,
                )
            )
    return hits


CHECKS = {
    "PR-1": split_purchases,
    "PR-2": single_source_share,
    "PR-3": intention_late,
    "PR-4": contract_signed_late,
    "PR-5": challenge_reply_overdue,
    "PR-6": contract_published_late,
}


def risk_hits(*, date_from, date_to, today=None, rules=None):
    """{rule: [Hit]} for every rule (or those in `rules`) over the period."""
    book = ClockBook(today=today or timezone.localdate())
    return {
        rule: CHECKS[rule.id](date_from=date_from, date_to=date_to, book=book)
        for rule in RULES
        if rules is None or rule.id in rules
    }
