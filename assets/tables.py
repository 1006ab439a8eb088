"""django-tables2 tables of the state-owned asset registry 国有资产."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from assets.models import (
    Asset,
    AssetImport,
    Disposal,
    Lease,
    LeasePayment,
    Movement,
    PoolEntry,
    PoolLoan,
    PoolRequest,
    StockTake,
    StockTakeLine,
)
from bureau.tables import BureauTable


class AssetTable(BureauTable):
    code = tables.Column(linkify=True, orderable=True)
    name = tables.Column(linkify=True)
    asset_class = tables.Column(accessor="asset_class__name", verbose_name=_("asset class"))
    using_department = tables.Column(accessor="using_department__name", verbose_name=_("using department"))

    class Meta(BureauTable.Meta):
        model = Asset
        fields = (
            "code",
            "name",
            "asset_class",
            "using_department",
            "status",
            "acquired_on",
            "original_value",
            "quantity",
            "unit_of_measure",
        )


class MovementTable(BureauTable):
    class Meta(BureauTable.Meta):
        model = Movement
        fields = (
            "moved_on",
            "kind",
            "from_department",
            "to_department",
            "keeper",
            "value_change",
            "cost",
            "approved_by",
            "note",
        )


class PoolEntryTable(BureauTable):
    asset = tables.Column(linkify=True)
    handed_in_on = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BureauTable.Meta):
        model = PoolEntry
        fields = ("asset", "handed_in_on", "handed_in_by", "condition", "left_on")


class PoolRequestTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")

    class Meta(BureauTable.Meta):
        model = PoolRequest
        fields = ("id", "entry", "department", "reason", "status", "decided_by", "decided_at")


class PoolLoanTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")

    class Meta(BureauTable.Meta):
        model = PoolLoan
        fields = ("id", "entry", "department", "purpose", "lent_on", "due_on", "returned_on")


class LeaseTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    asset = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = Lease
        fields = ("id", "asset", "kind", "lessee", "monthly_rent", "start_date", "end_date", "status", "voided_at")


class LeasePaymentTable(BureauTable):
    class Meta(BureauTable.Meta):
        model = LeasePayment
        fields = ("due_on", "amount", "received_amount", "received_on")


class OverdueRentTable(BureauTable):
    lease = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = LeasePayment
        fields = ("lease", "due_on", "amount", "received_amount")


class DisposalTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    asset = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = Disposal
        fields = (
            "id",
            "asset",
            "method",
            "approval_document",
            "requested_on",
            "disposed_on",
            "proceeds",
            "remitted_amount",
            "status",
        )


class StockTakeTable(BureauTable):
    title = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = StockTake
        fields = ("title", "department", "building", "opened_on", "closed_on", "status")


class StockTakeLineTable(BureauTable):
    asset = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = StockTakeLine
        fields = ("asset", "label", "result", "scanned_by", "scanned_at", "confirmed_by_keeper", "movement", "disposal")


class AssetImportTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")

    class Meta(BureauTable.Meta):
        model = AssetImport
        fields = ("id", "file", "status", "total_rows", "imported_rows", "created_by", "created_at")
