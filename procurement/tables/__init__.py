"""django-tables2 tables of the procurement centre 政府采购中心."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.tables import BureauTable
from bureau.templatetags.bureau_tags import yuan
from procurement.models import BadConductRecord, Batch, Contract, ProcurementRequest, Supplier


class SupplierTable(BureauTable):
    name = tables.Column(linkify=True, orderable=True)
    credit_code = tables.Column()

    class Meta(BureauTable.Meta):
        model = Supplier
        fields = ("name", "credit_code", "legal_representative", "phone", "is_sme", "active")
        order_by = ("name",)


class BadConductTable(BureauTable):
    class Meta(BureauTable.Meta):
        model = BadConductRecord
        fields = ("authority", "decision_number", "reason", "in_force_from", "in_force_to", "voided_at")


class RequestTable(BureauTable):
    item = tables.Column(linkify=True)
    purchasing_department = tables.Column(
        verbose_name=_("purchasing department"), accessor="purchasing_department__short_name"
    )
    budget = tables.Column()
    batch = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = ProcurementRequest
        fields = (
            "item",
            "purchasing_department",
            "category",
            "catalogue_code",
            "budget",
            "planned_start",
            "status",
            "batch",
        )

    def render_budget(self, value):
        return yuan(value)


class BatchTable(BureauTable):
    number = tables.Column(linkify=True)
    award_notice_on = tables.DateColumn(format="Y-m-d", orderable=True)

    class Meta(BureauTable.Meta):
        model = Batch
        fields = ("number", "title", "method", "status", "announced_on", "award_notice_on")


class ContractTable(BureauTable):
    number = tables.Column(linkify=True)
    purchasing_department = tables.Column(
        verbose_name=_("purchasing department"), accessor="purchasing_department__short_name"
    )
    supplier = tables.Column(accessor="supplier__name", verbose_name=_("supplier"))
    amount = tables.Column()
    signed_on = tables.DateColumn(format="Y-m-d", orderable=True)

    class Meta(BureauTable.Meta):
        model = Contract
        fields = (
            "number",
            "title",
            "purchasing_department",
            "supplier",
            "amount",
            "signed_on",
            "published_on",
            "status",
        )

    def render_amount(self, value):
        return yuan(value)
