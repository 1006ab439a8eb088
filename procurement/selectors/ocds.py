"""The Open Contracting Data Standard 1.1 export: one release per batch, in a release package.

Methods: 公开招标 → open, 邀请招标 → selective, 竞争性谈判/竞争性磋商/询价 → limited, 单一来源 → direct,
with the Chinese name in `procurementMethodDetails`. 框架协议 (财政部令第110号) recruits its
suppliers by public solicitation that any supplier may answer → open; 合作创新采购 invites suppliers
publicly and then chooses among the qualified → selective.

Only codelist values of the standard's files the project checks against are used: releaseTag,
tenderStatus, method and procurementCategory. Fields whose codelists are not among them (award and
contract status, party roles, currency, identifier schemes) are left out; `initiationType` is the
schema's required, single value "tender". Internal notes and bad-conduct records never appear."""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from procurement.choices import BatchStatus, Category, ContractStatus, Method
from procurement.models import Award, Batch, Contract, Lot, ProcurementRequest

METHOD = {
    Method.OPEN_TENDER: "open",
    Method.INVITED_TENDER: "selective",
    Method.NEGOTIATION: "limited",
    Method.CONSULTATION: "limited",
    Method.INQUIRY: "limited",
    Method.SINGLE_SOURCE: "direct",
    Method.FRAMEWORK: "open",
    Method.INNOVATION: "selective",
}
METHOD_DETAILS = {
    Method.OPEN_TENDER: "公开招标",
    Method.INVITED_TENDER: "邀请招标",
    Method.NEGOTIATION: "竞争性谈判",
    Method.CONSULTATION: "竞争性磋商",
    Method.INQUIRY: "询价",
    Method.SINGLE_SOURCE: "单一来源采购",
    Method.FRAMEWORK: "框架协议采购",
    Method.INNOVATION: "合作创新采购",
}
CATEGORY = {Category.GOODS: "goods", Category.WORKS: "works", Category.SERVICES: "services"}
TENDER_STATUS = {
    BatchStatus.INITIATED: "planned",
    BatchStatus.ANNOUNCED: "active",
    BatchStatus.FAILED: "unsuccessful",
    BatchStatus.RETENDERED: "unsuccessful",
    BatchStatus.CANCELLED: "cancelled",
}
PUBLISHED_CONTRACTS = (ContractStatus.SIGNED, ContractStatus.ACCEPTED, ContractStatus.CLOSED)


def _money(value):
    return {"amount": float(value)}


def _day(value):
    if value is None:
        return None
    moment = datetime.datetime.combine(value, datetime.time(9), tzinfo=timezone.get_current_timezone())
    return moment.isoformat()


def _ocid(batch):
    return f"{settings.PROCUREMENT_OCID_PREFIX}-{batch.number}"


def ocds_batches(queryset=None):
    """Batches with what a release needs, in few queries."""
    queryset = Batch.objects.all() if queryset is None else queryset
    return queryset.prefetch_related(
        Prefetch("lots", queryset=Lot.objects.order_by("number")),
        Prefetch("requests", queryset=ProcurementRequest.objects.select_related("purchasing_department")),
        Prefetch("lots__awards", queryset=Award.objects.filter(voided_at__isnull=True).select_related("supplier")),
        Prefetch(
            "contracts",
            queryset=Contract.objects.filter(voided_at__isnull=True, status__in=PUBLISHED_CONTRACTS)
            .select_related("supplier", "purchasing_department")
            .order_by("id"),
        ),
    ).order_by("id")


def ocds_release(batch):
    parties = {}

    def party(key, name):
        parties.setdefault(key, {"id": key, "name": name})
        return {"id": key, "name": name}

    centre = party("centre", settings.PROCUREMENT_CENTRE_NAME)
    lots = list(batch.lots.all())
    requests = [r for r in batch.requests.all() if r.status != "cancelled"]
    departments = {r.purchasing_department_id: r.purchasing_department for r in requests}
    categories = {r.category for r in requests}
    tender = {
        "id": batch.number,
        "title": batch.title,
        "status": TENDER_STATUS.get(batch.status, "complete"),
        "procuringEntity": centre,
        "procurementMethod": METHOD[batch.method],
        "procurementMethodDetails": METHOD_DETAILS[batch.method],
        "value": _money(sum((lot.budget for lot in lots), 0)),
        "items": [
            {"id": str(r.pk), "description": r.item, "quantity": float(r.quantity)}
            | ({"unit": {"name": r.unit}} if r.unit else {})
            for r in requests
        ],
    }
    if len(categories) == 1:
        tender["mainProcurementCategory"] = CATEGORY[categories.pop()]
    if batch.announced_on:
        tender["tenderPeriod"] = {"startDate": _day(batch.announced_on)}
        if batch.opening_at:
            tender["tenderPeriod"]["endDate"] = batch.opening_at.isoformat()
    awards = []
    for lot in lots:
        for award in lot.awards.all():
            supplier = party(f"supplier-{award.supplier_id}", award.supplier.name)
            awards.append(
                {
                    "id": f"{batch.number}-{lot.number}",
                    "title": lot.name,
                    "date": _day(batch.award_notice_on or award.decided_on),
                    "value": _money(award.amount),
                    "suppliers": [supplier],
                }
            )
    award_ids = {lot.pk: f"{batch.number}-{lot.number}" for lot in lots}
    contracts = []
    for contract in batch.contracts.all():
        party(f"supplier-{contract.supplier_id}", contract.supplier.name)
        item = {
            "id": contract.number,
            "awardID": award_ids.get(contract.lot_id, ""),
            "title": contract.title,
            "value": _money(contract.amount),
            "dateSigned": _day(contract.signed_on),
        }
        if contract.term_start or contract.term_end:
            item["period"] = {
                key: value
                for key, value in (("startDate", _day(contract.term_start)), ("endDate", _day(contract.term_end)))
                if value
            }
        contracts.append(item)
    tags = ["tender"] + (["award"] if awards else []) + (["contract"] if contracts else [])
    release = {
        "ocid": _ocid(batch),
        "id": f"{batch.number}-{batch.updated_at:%Y%m%d%H%M%S}",
        "date": batch.updated_at.isoformat(),
        "tag": tags,
        "initiationType": "tender",
        "tender": tender,
        "awards": awards,
        "contracts": contracts,
    }
    if len(departments) == 1:
        department = next(iter(departments.values()))
        release["buyer"] = party(f"department-{department.pk}", department.name)
    else:
        for department in departments.values():
            party(f"department-{department.pk}", department.name)
    release["parties"] = list(parties.values())
    return release


def ocds_release_package(batches, *, uri):
    """A release package (dict, ready for JSON) of `batches` (a queryset)."""
    return {
        "uri": uri,
        "version": "1.1",
        "publishedDate": timezone.now().isoformat(),
        "publisher": {"name": settings.PROCUREMENT_CENTRE_NAME},
        "releases": [ocds_release(batch) for batch in ocds_batches(batches)],
    }


def batches_of_period(*, date_from, date_to):
    """The batches whose award notice, or else whose announcement, falls in the period."""
    from django.db.models import Q

    return Batch.objects.filter(
        Q(award_notice_on__gte=date_from, award_notice_on__lte=date_to)
        | Q(award_notice_on__isnull=True, announced_on__gte=date_from, announced_on__lte=date_to)
    )
