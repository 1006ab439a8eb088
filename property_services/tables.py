"""django-tables2 tables of outsourced property services 物业服务 and the campus: subclasses of
`bureau.tables.BureauTable`."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.tables import BureauTable
from property_services.models import (
    BillingRun,
    DeductionLine,
    DeductionList,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
    PenaltyClause,
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
