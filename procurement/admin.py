"""Admin of the procurement centre 政府采购中心: subclasses of `bureau.admin_base` classes, read-only
where services govern a record (batches, bids, awards, contracts, payments, challenges): those
change only through the centre's pages, which check the law's rules. The law's rules (clocks,
method preconditions) and the supplier register are edited here."""

from django.contrib import admin

from bureau.admin_base import BureauModelAdmin, ServiceGovernedAdmin, ServiceGovernedInline, VoidableAdmin
from procurement.models import (
    Acceptance,
    Award,
    BadConductRecord,
    Batch,
    Bid,
    Challenge,
    ClockRule,
    Complaint,
    Contract,
    Invitation,
    Lot,
    MethodRule,
    Payment,
    PaymentMilestone,
    ProcurementRequest,
    Supplier,
    SupplierContact,
)


@admin.register(ClockRule)
class ClockRuleAdmin(BureauModelAdmin):
    list_display = ("key", "name", "days", "day_kind", "citation", "valid_from", "valid_to")
    list_filter = ("day_kind",)
    search_fields = ("key", "name", "citation")


@admin.register(MethodRule)
class MethodRuleAdmin(BureauModelAdmin):
    list_display = ("method", "key", "name", "citation", "parameters", "valid_from", "valid_to")
    list_filter = ("method",)
    search_fields = ("key", "name", "citation")


class SupplierContactInline(admin.TabularInline):
    model = SupplierContact
    extra = 0
    fields = ("name", "role", "phone", "email")


@admin.register(Supplier)
class SupplierAdmin(BureauModelAdmin):
    list_display = ("name", "credit_code", "phone", "is_sme", "active")
    list_filter = ("active", "is_sme")
    search_fields = ("=credit_code", "name")
    inlines = [SupplierContactInline]

    def has_delete_permission(self, request, obj=None):
        return False  # suppliers carry bids, awards and contracts: deactivate instead


@admin.register(BadConductRecord)
class BadConductRecordAdmin(VoidableAdmin):
    list_display = ("supplier", "authority", "in_force_from", "in_force_to", "voided_at")
    search_fields = ("supplier__name", "=supplier__credit_code", "decision_number")
    autocomplete_fields = ("supplier",)
    list_select_related = ("supplier",)


@admin.register(ProcurementRequest)
class ProcurementRequestAdmin(ServiceGovernedAdmin):
    list_display = ("item", "purchasing_department", "category", "catalogue_code", "budget", "status")
    list_filter = ("status", "category")
    search_fields = ("item", "=catalogue_code")
    list_select_related = ("purchasing_department",)
    autocomplete_fields = ("purchasing_department",)


class LotInline(ServiceGovernedInline, admin.TabularInline):
    model = Lot
    fields = ("number", "name", "budget", "failure_reason")
    readonly_fields = fields


@admin.register(Batch)
class BatchAdmin(ServiceGovernedAdmin):
    list_display = ("number", "title", "method", "status", "announced_on", "award_notice_on")
    list_filter = ("status", "method")
    search_fields = ("=number", "title")
    inlines = [LotInline]


@admin.register(Lot)
class LotAdmin(ServiceGovernedAdmin):
    list_display = ("__str__", "budget")
    search_fields = ("=batch__number", "name")
    list_select_related = ("batch",)


@admin.register(Invitation)
class InvitationAdmin(ServiceGovernedAdmin):
    list_display = ("batch", "supplier", "invited_on")
    list_select_related = ("batch", "supplier")


@admin.register(Bid)
class BidAdmin(ServiceGovernedAdmin):
    list_display = ("lot", "supplier", "price", "score", "status", "submitted_at")
    list_filter = ("status",)
    list_select_related = ("lot__batch", "supplier")


@admin.register(Award)
class AwardAdmin(ServiceGovernedAdmin):
    list_display = ("lot", "supplier", "amount", "decided_on", "voided_at")
    list_select_related = ("lot__batch", "supplier")


class MilestoneInline(ServiceGovernedInline, admin.TabularInline):
    model = PaymentMilestone
    fields = ("sequence", "description", "amount", "due_on")
    readonly_fields = fields


@admin.register(Contract)
class ContractAdmin(ServiceGovernedAdmin):
    list_display = ("number", "title", "purchasing_department", "supplier", "amount", "signed_on", "status")
    list_filter = ("status",)
    search_fields = ("=number", "title")
    list_select_related = ("purchasing_department", "supplier")
    autocomplete_fields = ("purchasing_department",)
    inlines = [MilestoneInline]


@admin.register(Payment)
class PaymentAdmin(ServiceGovernedAdmin):
    list_display = ("contract", "amount", "paid_on", "voucher_number", "voided_at")
    list_select_related = ("contract",)


@admin.register(Acceptance)
class AcceptanceAdmin(ServiceGovernedAdmin):
    list_display = ("contract", "accepted_on", "result", "inspectors")
    list_select_related = ("contract",)


@admin.register(Challenge)
class ChallengeAdmin(ServiceGovernedAdmin):
    list_display = ("batch", "supplier", "subject", "received_on", "status", "outcome")
    list_filter = ("status",)
    list_select_related = ("batch", "supplier")


@admin.register(Complaint)
class ComplaintAdmin(ServiceGovernedAdmin):
    list_display = ("challenge", "filed_on", "status", "outcome")
    list_filter = ("status",)
    list_select_related = ("challenge__batch", "challenge__supplier")
