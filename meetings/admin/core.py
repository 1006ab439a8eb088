import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from bureau.admin_base import BureauModelAdmin, VoidableAdmin
from meetings.choices import VENUE_HOLDING_STATUSES
from meetings.models import ApprovalDecision, BudgetLine, Meeting, MeetingStandard, PrintingOrder


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ("kind", "sub_kind", "description", "requested", "approved", "actual", "voided_at")
    readonly_fields = ("voided_at",)

    def has_delete_permission(self, request, obj=None):
        return False


class PrintingOrderInline(admin.TabularInline):
    model = PrintingOrder
    extra = 0
    fields = ("document", "pages", "copies", "unit_price", "due_at", "status", "cancel_reason")

    def has_delete_permission(self, request, obj=None):
        return False


class ApprovalDecisionInline(admin.TabularInline):
    model = ApprovalDecision
    extra = 0
    fields = ("decision", "approver", "comment", "decided_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class MeetingAdminForm(forms.ModelForm):
    """The same venue rule as the pages: a meeting that holds its room may not be moved onto another."""

    class Meta:
        model = Meeting
        # Every editable field; the admin's own readonly_fields decide what can change.
        fields = [f.name for f in Meeting._meta.concrete_fields if f.editable and not f.primary_key]

    def clean(self):
        from meetings.services.lifecycle import meeting_check_venue

        cleaned = super().clean()
        if self.instance.status in VENUE_HOLDING_STATUSES and not self.errors:
            # The instance gets the form's values only after clean(); check a copy that has them.
            candidate = construct_instance(self, copy.copy(self.instance))
            try:
                meeting_check_venue(meeting=candidate)
            except ValidationError as error:
                self.add_error(None, error.messages)
        return cleaned


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

    def has_delete_permission(self, request, obj=None):
        return False  # money and legal weight: cancelled with a reason, never deleted


@admin.register(MeetingStandard)
class MeetingStandardAdmin(BureauModelAdmin):
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
class ApprovalDecisionAdmin(BureauModelAdmin):
    list_display = ("meeting", "decision", "approver", "decided_at")
    list_filter = ("decision",)
    search_fields = ("meeting__title", "comment")
    list_select_related = ("meeting", "approver")
    autocomplete_fields = ("meeting", "approver")
    date_hierarchy = "decided_at"

    def has_change_permission(self, request, obj=None):
        return False  # a decision is a record: it is not edited afterwards

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BudgetLine)
class BudgetLineAdmin(VoidableAdmin):
    list_display = ("meeting", "kind", "sub_kind", "description", "requested", "approved", "actual", "voided_at")
    list_filter = ("kind", "sub_kind")
    search_fields = ("meeting__title", "description")
    list_select_related = ("meeting",)
    autocomplete_fields = ("meeting",)


@admin.register(PrintingOrder)
class PrintingOrderAdmin(BureauModelAdmin):
    list_display = ("document", "meeting", "pages", "copies", "unit_price", "due_at", "status")
    list_filter = ("status",)
    search_fields = ("document", "meeting__title")
    list_select_related = ("meeting",)
    autocomplete_fields = ("meeting",)
    date_hierarchy = "due_at"

    def has_delete_permission(self, request, obj=None):
        return False
