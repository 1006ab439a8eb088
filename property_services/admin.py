"""Admin of outsourced property services 物业服务 and the campus: read-only where services govern a
record (bureau.admin_base) — rates, billing, adjustments and the deduction list change only through
the pages, which keep the rules (a month billed once, corrections as adjustments)."""

from django.contrib import admin

from bureau.admin_base import ServiceGovernedAdmin
from property_services.models import (
    BillingRun,
    DeductionLine,
    DeductionList,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
    Finding,
    Inspection,
    MonthlyAssessment,
    Penalty,
    PenaltyClause,
    Rectification,
    ScoringItem,
    ServiceContract,
)


@admin.register(FeeRate)
class FeeRateAdmin(ServiceGovernedAdmin):
    list_display = ("fee_type", "monthly_rate", "valid_from", "note")
    list_filter = ("fee_type",)


@admin.register(BillingRun)
class BillingRunAdmin(ServiceGovernedAdmin):
    list_display = ("month", "status", "departments", "total", "attempts", "finished_at")
    autocomplete_fields = ("started_by",)


@admin.register(FeeCharge)
class FeeChargeAdmin(ServiceGovernedAdmin):
    list_display = ("month", "department", "fee_type", "rooms", "amount")
    list_select_related = ("department",)
    autocomplete_fields = ("department",)
    raw_id_fields = ("run",)
    search_fields = ("department__code",)


@admin.register(FeeAdjustment)
class FeeAdjustmentAdmin(ServiceGovernedAdmin):
    list_display = ("month", "department", "fee_type", "amount", "reason", "voided_at")
    list_select_related = ("department",)
    autocomplete_fields = ("department", "created_by")


@admin.register(DeductionList)
class DeductionListAdmin(ServiceGovernedAdmin):
    list_display = ("month", "status", "total")


@admin.register(DeductionLine)
class DeductionLineAdmin(ServiceGovernedAdmin):
    list_display = ("deduction_list", "department", "total")
    list_select_related = ("department", "deduction_list")
    autocomplete_fields = ("department",)
    raw_id_fields = ("deduction_list",)


@admin.register(ServiceContract)
class ServiceContractAdmin(ServiceGovernedAdmin):
    list_display = ("title", "contractor", "service_type", "monthly_fee", "start_date", "end_date", "voided_at")
    list_select_related = ("contractor",)
    autocomplete_fields = ("contractor", "procurement_contract", "created_by")


@admin.register(ScoringItem)
class ScoringItemAdmin(ServiceGovernedAdmin):
    list_display = ("contract", "item", "points")
    raw_id_fields = ("contract",)


@admin.register(PenaltyClause)
class PenaltyClauseAdmin(ServiceGovernedAdmin):
    list_display = ("contract", "deficiency", "deduction", "monthly_cap")
    raw_id_fields = ("contract",)


@admin.register(Inspection)
class InspectionAdmin(ServiceGovernedAdmin):
    list_display = ("date", "contract", "kind", "place", "status", "score", "draw_seed")
    list_select_related = ("contract",)
    raw_id_fields = ("contract",)
    autocomplete_fields = ("inspector",)


@admin.register(Finding)
class FindingAdmin(ServiceGovernedAdmin):
    list_display = ("inspection", "scoring_item", "description")
    raw_id_fields = ("inspection", "scoring_item")


@admin.register(Rectification)
class RectificationAdmin(ServiceGovernedAdmin):
    list_display = ("issued_on", "contract", "deadline", "status", "rechecks")
    raw_id_fields = ("finding", "contract")


@admin.register(Penalty)
class PenaltyAdmin(ServiceGovernedAdmin):
    list_display = ("month", "contract", "clause", "amount", "voided_at")
    raw_id_fields = ("contract", "clause", "rectification")
    autocomplete_fields = ("created_by",)


@admin.register(MonthlyAssessment)
class MonthlyAssessmentAdmin(ServiceGovernedAdmin):
    list_display = ("month", "contract", "score", "penalties", "payable", "status")
    raw_id_fields = ("contract",)
