"""django-tables2 tables of outsourced property services 物业服务 and the campus: subclasses of
`bureau.tables.BureauTable`."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bureau.masking import mask_phone
from bureau.models import person_name
from bureau.tables import BureauTable
from property_services.models import (
    BillingRun,
    DeductionLine,
    DeductionList,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
    PenaltyClause,
    RepairTicket,
    ScoringItem,
    ServiceContract,
)


class MonthColumn(tables.Column):
    def render(self, value):
        return f"{value.year}-{value.month:02d}"

    def value(self, value):
        return self.render(value)


class FeeRateTable(BureauTable):
    fee_type = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = FeeRate
        fields = ("fee_type", "monthly_rate", "valid_from", "note")


class BillingRunTable(BureauTable):
    month = MonthColumn(linkify=True)

    class Meta(BureauTable.Meta):
        model = BillingRun
        fields = ("month", "status", "departments", "total", "attempts", "finished_at")


class FeeChargeTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    month = MonthColumn()
    department = tables.Column()

    class Meta(BureauTable.Meta):
        model = FeeCharge
        fields = ("id", "month", "department", "fee_type", "rooms", "amount")


class FeeAdjustmentTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    month = MonthColumn()
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = FeeAdjustment
        fields = ("id", "month", "department", "fee_type", "amount", "reason", "voided_at")


class DeductionListTable(BureauTable):
    month = MonthColumn(linkify=True)

    class Meta(BureauTable.Meta):
        model = DeductionList
        fields = ("month", "status", "total")


class DeductionLineTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    deduction_list = tables.Column()
    department = tables.Column()

    class Meta(BureauTable.Meta):
        model = DeductionLine
        fields = (
            "id",
            "deduction_list",
            "department",
            "rooms",
            "air_conditioning",
            "security_cleaning",
            "adjustments",
            "total",
        )


class ServiceContractTable(BureauTable):
    title = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = ServiceContract
        fields = ("title", "contractor", "service_type", "monthly_fee", "start_date", "end_date", "voided_at")


class ScoringItemTable(BureauTable):
    item = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = ScoringItem
        fields = ("contract", "item", "points")


class PenaltyClauseTable(BureauTable):
    deficiency = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = PenaltyClause
        fields = ("contract", "deficiency", "deduction", "monthly_cap")


class RepairTicketTable(BureauTable):
    number = tables.Column(verbose_name=_("number"), accessor="pk", linkify=lambda record: record.get_absolute_url())
    reported_at = tables.DateTimeColumn(format="Y-m-d H:i")
    place = tables.Column(verbose_name=_("location"), accessor="room", empty_values=())
    category = tables.Column()
    priority = tables.Column()
    status = tables.Column()
    reporter = tables.Column(empty_values=())
    technician = tables.Column()
    overdue = tables.Column(verbose_name=_("Overdue"), accessor="pk", empty_values=())

    class Meta(BureauTable.Meta):
        model = RepairTicket
        fields = ("number", "reported_at", "place", "category", "priority", "status", "reporter", "technician")

    def render_number(self, record):
        return record.number

    def render_place(self, record):
        return record.place

    def render_reporter(self, record):
        # Lists show the phone masked (个人信息保护法); the ticket page shows it to those who call back.
        if record.reporter_id:
            return person_name(record.reporter)
        phone = mask_phone(record.reporter_phone)
        return f"{record.reporter_name} {phone}".strip()

    def render_technician(self, record):
        return person_name(record.technician)

    def render_overdue(self, record):
        if record.is_overdue():
            return format_html('<span class="badge text-bg-danger">{}</span>', _("Overdue"))
        return ""
