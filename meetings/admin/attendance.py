from django.contrib import admin

from bureau.admin_base import BureauModelAdmin
from meetings.models import Attendee, MeetingProcedureStep, ProcedureTemplate, WorkPlan, WorkPlanAssignment


@admin.register(ProcedureTemplate)
class ProcedureTemplateAdmin(BureauModelAdmin):
    list_display = ("name", "phase", "order", "due_offset_hours", "active")
    list_filter = ("phase", "active")
    search_fields = ("name",)
    ordering = ("phase", "order")


@admin.register(MeetingProcedureStep)
class MeetingProcedureStepAdmin(BureauModelAdmin):
    list_display = ("name", "meeting", "phase", "owner", "due_at", "done_at")
    list_filter = ("phase",)
    search_fields = ("name", "meeting__title")
    autocomplete_fields = ("meeting", "owner", "template")
    readonly_fields = ("done_at", "done_by")
    list_select_related = ("meeting", "owner")


class WorkPlanAssignmentInline(admin.TabularInline):
    model = WorkPlanAssignment
    extra = 1
    autocomplete_fields = ("staff",)


@admin.register(WorkPlan)
class WorkPlanAdmin(BureauModelAdmin):
    list_display = ("meeting", "is_major_event", "chief", "briefing_at")
    list_filter = ("is_major_event",)
    search_fields = ("meeting__title",)
    autocomplete_fields = ("meeting", "chief")
    inlines = [WorkPlanAssignmentInline]
    list_select_related = ("meeting", "chief")


@admin.register(Attendee)
class AttendeeAdmin(BureauModelAdmin):
    """The sign-in token is not shown: whoever sees it can sign the attendee in."""

    list_display = (
        "name",
        "meeting",
        "department",
        "organisation",
        "protocol_order",
        "seat_row",
        "seat_number",
        "status",
    )
    list_filter = ("status", "is_late", "sign_in_method")
    search_fields = ("name", "organisation", "meeting__title")
    autocomplete_fields = ("meeting", "department", "user", "signed_in_by")
    exclude = ("token",)
    list_select_related = ("meeting", "department")
    # Attendance is recorded by sign-in, the desk and leave (services.attendance), never typed here.
    readonly_fields = (
        "status",
        "is_late",
        "signed_in_at",
        "sign_in_method",
        "signed_in_by",
        "left_at",
        "excuse_reason",
    )

    def has_add_permission(self, request, obj=None):
        return False  # invited and added on the meeting's page, which checks the meeting's status

    def has_delete_permission(self, request, obj=None):
        return False
