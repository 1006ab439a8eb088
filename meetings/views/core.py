"""Meeting pages: list, detail tabs (details, budget, printing, history), request form, life-cycle
moves, budget editing, the settlement PDF, and printing orders. Thin: the services do the work."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bureau.money import amount_in_capitals
from bureau.registers import Register
from bureau.views import generic
from meetings import services
from meetings.choices import SIGNED_IN_STATUSES, AttendanceStatus, MeetingStatus, PrintingStatus
from meetings.filtersets.core import MeetingFilterSet, PrintingOrderFilterSet
from meetings.forms.core import MeetingForm, PrintingOrderForm, budget_formset_class
from meetings.models import ApprovalDecision, Attendee, BudgetLine, Meeting, MeetingStandard, PrintingOrder
from meetings.rules import (
    PRINTING_ORDER_STATUSES,
    can_edit_amounts,
    can_edit_requested,
    meeting_budget_cap,
    meeting_editable_by,
    no_standard_error,
)
from meetings.selectors.meeting import meeting_budget_totals, meeting_limit_violations
from meetings.selectors.procedures import meeting_procedure_progress
from meetings.services.meeting import MEETING_FIELDS
from meetings.tables.core import MeetingTable, PrintingOrderTable
from meetings.views.base import MeetingPageMixin, MeetingPdfView, MeetingTabMixin


def budget_summary(meeting):
    """Standard in force, cap, totals and the rules broken, for the detail and budget tabs."""
    standard = MeetingStandard.objects.for_meeting(meeting)
    totals = meeting_budget_totals(meeting)
    summary = {
        "standard": standard,
        "totals": totals,
        "cap": None,
        "violations": [],
        "no_standard": None,
        "saved": None,
    }
    if standard is None:
        summary["no_standard"] = no_standard_error(meeting).messages[0]
        return summary
    summary["cap"] = meeting_budget_cap(meeting, standard)
    summary["violations"] = meeting_limit_violations(meeting, standard=standard)
    summary["saved"] = totals["requested"] - totals["actual"] if meeting.status == MeetingStatus.SETTLED else None
    return summary


class MeetingListView(generic.ObjectListView):
    model = Meeting
    table_class = MeetingTable
    filterset_class = MeetingFilterSet
    select_related = ("host_department", "venue_room__building")


class MeetingView(MeetingTabMixin, generic.ObjectDetailView):
    template_name = "meetings/meeting_detail.html"
    fields = [
        "host_department",
        "category",
        "format",
        "is_county_wide",
        "in_annual_plan",
        "start_at",
        "end_at",
        "planned_attendees",
        "planned_staff",
        "status",
        "cancel_reason",
        "created_by",
        "settled_at",
        "settled_by",
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = budget_summary(self.object)
        user = self.request.user
        if user.has_perm("meetings.view_approvaldecision"):
            context["decisions"] = ApprovalDecision.objects.filter(meeting=self.object).select_related("approver")
        if user.has_perm("meetings.view_meetingprocedurestep"):
            # The meeting page shows the checklist's progress and what is overdue (details on its tab).
            context["progress"] = meeting_procedure_progress(meeting=self.object)
        if user.has_perm("meetings.view_attendee"):
            counts = dict(
                Attendee.objects.filter(meeting=self.object)
                .values_list("status")
                .annotate(n=Count("id"))
                .values_list("status", "n")
            )
            context["attendance_counts"] = {
                "invited": sum(counts.values()),
                "signed_in": sum(counts.get(s, 0) for s in SIGNED_IN_STATUSES),
                "excused": counts.get(AttendanceStatus.EXCUSED, 0),
            }
        return context


class MeetingHistoryView(MeetingTabMixin, generic.ObjectHistoryView):
    template_name = "meetings/meeting_history.html"


class MeetingEditView(generic.ObjectEditView):
    model = Meeting
    form_class = MeetingForm
    template_name = "meetings/meeting_form.html"

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs and request.user.is_authenticated and self.has_permission():
            meeting = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
            if not meeting_editable_by(request.user, meeting):
                messages.error(
                    request,
                    _("A meeting that is %(status)s can no longer be edited.")
                    % {"status": meeting.get_status_display()},
                )
                return redirect(meeting.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def save_form(self, form):
        data = {name: form.cleaned_data[name] for name in MEETING_FIELDS}
        if self.object is None:
            return services.meeting_create(actor=self.request.user, **data)
        before = self.object.status
        meeting = services.meeting_update(meeting=self.object, actor=self.request.user, data=data)
        if meeting.status != before:
            messages.warning(
                self.request,
                _("An approved term changed: the meeting is back with the approver (%(status)s).")
                % {"status": meeting.get_status_display()},
            )
        return meeting


class MeetingMoveView(generic.MoveView):
    """A life-cycle move of the meeting, with the budget summary where the move looks at the money."""

    workflow = services.MeetingWorkflow
    template_name = "meetings/meeting_move.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            meeting=self.object,
            summary=budget_summary(self.object) if self.move in ("submit", "approve", "settle") else None,
        )
        return context


class MeetingBudgetView(MeetingTabMixin, generic.ObjectDetailView):
    template_name = "meetings/meeting_budget.html"
    tab = "budget"

    def get_permission_required(self):
        return ["meetings.view_budgetline"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            lines=BudgetLine.objects.live().filter(meeting=self.object),
            summary=budget_summary(self.object),
            can_edit_budget=user.has_perm("meetings.change_budgetline")
            and (can_edit_requested(user, self.object) or can_edit_amounts(user, self.object)),
        )
        return context


class MeetingBudgetEditView(MeetingPageMixin, generic.ObjectFormsetView):
    permission_required = "meetings.change_budgetline"
    template_name = "meetings/meeting_budget_edit.html"

    def get_formset(self, data=None):
        formset_class = budget_formset_class(meeting=self.meeting, user=self.request.user)
        return formset_class(data, meeting=self.meeting, user=self.request.user, prefix="lines")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "summary": budget_summary(self.meeting)}

    def get(self, request, *args, **kwargs):
        user = request.user
        if not (can_edit_requested(user, self.meeting) or can_edit_amounts(user, self.meeting)):
            messages.warning(
                request,
                _("The budget of a meeting that is %(status)s cannot be changed by you.")
                % {"status": self.meeting.get_status_display()},
            )
        return super().get(request, *args, **kwargs)

    def save_formset(self, formset):
        services.meeting_budget_save(meeting=self.meeting, actor=self.request.user, rows=formset.rows())

    def success_message(self):
        return _("Budget of “%(meeting)s” saved.") % {"meeting": self.meeting}

    def get_success_url(self):
        return reverse("meetings:meeting_budget", args=[self.meeting.pk])


class MeetingSettlementPdfView(MeetingPdfView):
    """统一会后经费结算表: the settlement form for signature, amounts in capitals."""

    permission_required = "meetings.view_budgetline"
    pdf_template = "meetings/meeting_settlement_pdf.html"

    def get_pdf_context(self):
        meeting = self.meeting
        summary = budget_summary(meeting)
        totals = summary["totals"]
        return {
            "meeting": meeting,
            "lines": list(BudgetLine.objects.live().filter(meeting=meeting)),
            "summary": summary,
            "requested_capitals": amount_in_capitals(totals["requested"]),
            "approved_capitals": amount_in_capitals(totals["approved"]),
            "actual_capitals": amount_in_capitals(totals["actual"]),
            "saved": totals["requested"] - totals["actual"],
            "saved_capitals": amount_in_capitals(totals["requested"] - totals["actual"]),
            "printed_at": timezone.localtime(),
        }

    def get_filename(self):
        return f"会议经费结算表-{self.meeting.pk}.pdf"


class MeetingPrintingView(MeetingTabMixin, generic.ObjectDetailView):
    template_name = "meetings/meeting_printing.html"
    tab = "printing"

    def get_permission_required(self):
        return ["meetings.view_printingorder"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        orders = PrintingOrder.objects.filter(meeting=self.object).select_related("meeting")
        context.update(
            orders_table=PrintingOrderTable(orders, orderable=False, exclude=("meeting",)),
            orders_total=sum((order.total for order in orders if order.status != PrintingStatus.CANCELLED), 0),
            can_add_printing=self.request.user.has_perm("meetings.add_printingorder")
            and self.object.status in PRINTING_ORDER_STATUSES,
        )
        return context


class PrintingOrderEditView(generic.ObjectEditView):
    """Opened from a meeting's printing tab (`?meeting=`); the service's refusal shows on the form."""

    def get_initial(self):
        initial = super().get_initial()
        if "meeting" in self.request.GET:
            initial["meeting"] = self.request.GET["meeting"]
        return initial

    def save_form(self, form):
        return services.printing_order_save(order=form.save(commit=False), actor=self.request.user)


PRINTING_ORDERS = Register(
    PrintingOrder,
    "printing",
    table=PrintingOrderTable,
    filterset=PrintingOrderFilterSet,
    form=PrintingOrderForm,
    select_related=("meeting",),
    detail_fields=(
        "meeting",
        "document",
        "pages",
        "copies",
        "unit_price",
        "due_at",
        "status",
        "cancel_reason",
        "ordered_by",
    ),
    detail_template="meetings/printingorder_detail.html",  # with the way back to its meeting
    views={"edit": PrintingOrderEditView},
)
