"""The procurement centre's picker sources (see bureau.pickers), for its own forms and for other
centres' (assets and property services pick a supplier or a contract)."""

from django.db.models import Q

from bureau.pickers import register
from procurement.choices import RequestStatus
from procurement.models import Batch, Contract, ProcurementRequest, Supplier


def _supplier_label(supplier):
    return f"{supplier.name}（{supplier.credit_code}）"


register(
    "procurement.supplier",
    queryset=lambda user: Supplier.objects.for_user(user).filter(active=True).order_by("name", "id"),
    search=lambda q: Q(credit_code__startswith=q.upper()) | Q(name__contains=q),
    permissions=["procurement.view_supplier"],
    label=_supplier_label,
)
register(
    "procurement.request",
    queryset=lambda user: ProcurementRequest.objects.for_user(user).order_by("-id"),
    search=lambda q: Q(item__contains=q) | Q(catalogue_code__startswith=q.upper()),
    permissions=["procurement.view_procurementrequest"],
)
# Submitted requests waiting to be gathered into a batch (the centre's queue).
register(
    "procurement.free_request",
    queryset=lambda user: (
        ProcurementRequest.objects.for_user(user)
        .filter(status=RequestStatus.SUBMITTED, batch__isnull=True)
        .select_related("purchasing_department")
        .order_by("-id")
    ),
    search=lambda q: Q(item__contains=q) | Q(catalogue_code__startswith=q.upper()),
    permissions=["procurement.manage_batch"],
    label=lambda pr: f"{pr.item}（{pr.purchasing_department.short_name or pr.purchasing_department.name}）",
)
register(
    "procurement.batch",
    queryset=lambda user: Batch.objects.for_user(user).order_by("-id"),
    search=lambda q: Q(number__startswith=q) | Q(title__contains=q),
    permissions=["procurement.view_batch"],
)
register(
    "procurement.contract",
    queryset=lambda user: Contract.objects.for_user(user).filter(voided_at__isnull=True).order_by("-id"),
    search=lambda q: Q(number__startswith=q) | Q(title__contains=q),
    permissions=["procurement.view_contract"],
)
