from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from bureau.admin_base import BureauModelAdmin, ImportableAdmin, ServiceGovernedAdmin, ServiceGovernedInline
from meetings.choices import MeetingStatus
from meetings.forms.core import MeetingAdminForm, PrintingOrderForm
from meetings.models import ApprovalDecision, BudgetLine, Meeting, MeetingStandard, PrintingOrder
from meetings.services.budget import printing_order_save
from meetings.services.meeting import MEETING_FIELDS, meeting_create, meeting_update


class BudgetLineInline(ServiceGovernedInline, admin.TabularInline):
    """Amounts change on the budget page (services.budget), which keeps the caps and the settlement."""

    model = BudgetLine
    extra = 0
    fields = ("kind", "sub_kind", "description", "requested", "approved", "actual", "voided_at")
    readonly_fields = fields


class PrintingOrderInline(ServiceGovernedInline, admin.TabularInline):
    """Shown with the meeting; orders are added and changed in their own admin, through the service."""

    model = PrintingOrder
    extra = 0
    fields = ("document", "pages", "copies", "unit_price", "due_at", "status", "cancel_reason")
    readonly_fields = fields


class ApprovalDecisionInline(admin.TabularInline):
    model = ApprovalDecision
    extra = 0
    fields = ("decision", "approver", "comment", "decided_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(BureauModelAdmin):
    """Status changes go through the pages (services); here only the request's data can be corrected."""

    form = MeetingAdminForm
    list_display = ("title", "host_department", "category", "format", "start_at", "venue_room", "status")
    list_filter = ("status", "category", "format", "is_county_wide", "in_annual_plan")
    search_fields = ("title", "venue_name")
    autocomplete_fields = ("host_department", "venue_room")
    list_select_related = ("host_department", "venue_room__building")
    readonly_fields = ("status", "cancel_reason", "created_by", "settled_at", "settled_by")
    date_hierarchy = "start_at"
    inlines = [BudgetLineInline, PrintingOrderInline, ApprovalDecisionInline]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)  # a new class for each request
        form.actor = request.user
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            meeting_create(actor=request.user, instance=obj)
            return
        data = {name: form.cleaned_data[name] for name in form.changed_data if name in MEETING_FIELDS}
        meeting_update(meeting=obj, actor=request.user, data=data)

    def has_delete_permission(self, request, obj=None):
        return False  # money and legal weight: cancelled with a reason, never deleted

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status in (MeetingStatus.SETTLED, MeetingStatus.CANCELLED):
            return False  # settled or cancelled: the record is closed, its amounts and facts stay
        return super().has_change_permission(request, obj)


@admin.register(MeetingStandard)
class MeetingStandardAdmin(ImportableAdmin):
    list_display = (
        "category",
        "valid_from",
        "valid_to",
        "lodging",
        "meals",
        "other",
        "total_display",
        "max_days",
        "max_attendees",
        "max_staff_ratio",
        "document",
    )
    list_filter = ("category",)
    search_fields = ("document",)

    @admin.display(description=_("total per person-day"))
    def total_display(self, obj):
        return obj.total

    def has_delete_permission(self, request, obj=None):
        return False  # a past standard still judges the meetings of its time: end it with "valid to"


@admin.register(ApprovalDecision)
class ApprovalDecisionAdmin(ServiceGovernedAdmin):
    """Decisions are made on the meeting's page (services.approval checks status, permission, limits)."""

    list_display = ("meeting", "decision", "approver", "decided_at")
    list_filter = ("decision",)
    search_fields = ("meeting__title", "comment")
    list_select_related = ("meeting", "approver")
    autocomplete_fields = ("meeting", "approver")
    date_hierarchy = "decided_at"


@admin.register(BudgetLine)
class BudgetLineAdmin(ServiceGovernedAdmin):
    """Budget lines change and are removed on the budget page only (services.budget)."""

    list_display = ("meeting", "kind", "sub_kind", "description", "requested", "approved", "actual", "voided_at")
    list_filter = ("kind", "sub_kind")
    search_fields = ("meeting__title", "description")
    list_select_related = ("meeting",)
    autocomplete_fields = ("meeting",)


@admin.register(PrintingOrder)
class PrintingOrderAdmin(BureauModelAdmin):
    """The page's form and service here too: an open meeting, a reason to cancel, the meeting's lock."""

    form = PrintingOrderForm
    list_display = ("document", "meeting", "pages", "copies", "unit_price", "due_at", "status")
    list_filter = ("status",)
    search_fields = ("document", "meeting__title")
    list_select_related = ("meeting",)
    autocomplete_fields = ("meeting",)
    date_hierarchy = "due_at"

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.meeting.is_closed:
            return False  # the meeting is settled or cancelled: its orders stay as they were
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        printing_order_save(order=obj, actor=request.user)
