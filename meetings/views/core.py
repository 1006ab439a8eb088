"""Meeting pages: list, detail tabs (details, budget, printing, history), request form, life-cycle
moves, budget editing, the settlement PDF, and printing orders. Thin: the services do the work."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from bureau.money import amount_in_capitals
from bureau.pdf import pdf_response
from bureau.views import generic
from meetings import services
from meetings.choices import SIGNED_IN_STATUSES, AttendanceStatus, MeetingStatus
from meetings.filtersets.core import MeetingFilterSet, PrintingOrderFilterSet
from meetings.forms.core import MeetingForm, MoveForm, PrintingOrderForm, budget_formset_class
from meetings.models import ApprovalDecision, Attendee, BudgetLine, Meeting, MeetingStandard, PrintingOrder
from meetings.selectors.procedures import meeting_procedure_progress
from meetings.services.budget import can_edit_amounts, can_edit_requested
from meetings.services.lifecycle import MOVE_LABELS, MOVE_PERMISSIONS, move_allowed, moves_for
from meetings.tables.core import MeetingTable, PrintingOrderTable

MEETING_RELATED = ("host_department", "venue_room__building", "created_by", "settled_by")
# Who may still edit the request: the host department while it is a draft (or sent back), the
# meeting centre until the meeting starts.
STAFF_EDITABLE = (MeetingStatus.DRAFT, MeetingStatus.REJECTED)
CENTRE_EDITABLE = (*STAFF_EDITABLE, MeetingStatus.SUBMITTED, MeetingStatus.APPROVED, MeetingStatus.PREPARING)


def meeting_editable_by(user, meeting):
    if not user.has_perm("meetings.change_meeting"):
        return False
    allowed = CENTRE_EDITABLE if user.has_perm("meetings.manage_meeting") else STAFF_EDITABLE
    return meeting.status in allowed


def budget_summary(meeting):
    """Standard in force, cap, totals and the rules broken, for the detail and budget tabs."""
    standard = MeetingStandard.objects.for_meeting(meeting)
    totals = services.meeting_budget_totals(meeting)
    summary = {
        "standard": standard,
        "totals": totals,
        "cap": None,
        "violations": [],
        "no_standard": None,
        "saved": None,
    }
    if standard is None:
        try:
            services.meeting_standard(meeting)
        except ValidationError as exc:
            summary["no_standard"] = exc.messages[0]
        return summary
    summary["cap"] = services.meeting_budget_cap(meeting, standard)
    summary["violations"] = services.meeting_limit_violations(meeting, standard=standard)
    summary["saved"] = totals["requested"] - totals["actual"] if meeting.status == MeetingStatus.SETTLED else None
    return summary


class MeetingTabMixin:
    model = Meeting
    select_related = MEETING_RELATED
    template_tab = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        meeting = self.object
        context.update(
            meeting=meeting,
            tab=self.template_tab or context.get("tab"),
            moves=[(move, MOVE_LABELS[move]) for move in moves_for(user, meeting)],
            can_edit_meeting=meeting_editable_by(user, meeting),
        )
        return context


class MeetingListView(generic.ObjectListView):
    model = Meeting
    table_class = MeetingTable
    filterset_class = MeetingFilterSet
    select_related = ("host_department", "venue_room__building")


class MeetingView(MeetingTabMixin, generic.ObjectDetailView):
    template_name = "meetings/meeting_detail.html"
    template_tab = "detail"
    fields = [
        "host_department",
        "category",
        "form",
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
    template_tab = "history"


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


class MeetingObjectMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """A page about one meeting gated by a permission other than view_meeting: 403 first, then 404."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.has_permission():
            return self.handle_no_permission()
        self.meeting = get_object_or_404(
            Meeting.objects.for_user(request.user).select_related(*MEETING_RELATED), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class MeetingMoveView(MeetingObjectMixin, View):
    """GET: confirm (with a comment); POST: call the service of the move."""

    move = None
    template_name = "meetings/meeting_move.html"

    def get_permission_required(self):
        return [MOVE_PERMISSIONS[self.move]]

    def form(self, data=None):
        return MoveForm(data, move=self.move, label=MOVE_LABELS[self.move])

    def render(self, form):
        return render(
            self.request,
            self.template_name,
            {
                "meeting": self.meeting,
                "object": self.meeting,
                "form": form,
                "move": self.move,
                "move_label": MOVE_LABELS[self.move],
                "possible": move_allowed(self.meeting, self.move),
                "summary": budget_summary(self.meeting) if self.move in ("submit", "approve", "settle") else None,
            },
        )

    def get(self, request, *args, **kwargs):
        return self.render(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        comment = form.cleaned_data["comment"]
        actor = request.user
        calls = {
            "submit": lambda: services.meeting_submit(meeting=self.meeting, actor=actor),
            "approve": lambda: services.meeting_approve(meeting=self.meeting, actor=actor, comment=comment),
            "reject": lambda: services.meeting_reject(meeting=self.meeting, actor=actor, comment=comment),
            "start_preparing": lambda: services.meeting_start_preparing(meeting=self.meeting, actor=actor),
            "start": lambda: services.meeting_start(meeting=self.meeting, actor=actor),
            "finish": lambda: services.meeting_finish(meeting=self.meeting, actor=actor),
            "settle": lambda: services.meeting_settle(meeting=self.meeting, actor=actor, note=comment),
            "cancel": lambda: services.meeting_cancel(meeting=self.meeting, actor=actor, reason=comment),
        }
        try:
            calls[self.move]()
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(self.meeting.get_absolute_url())
        messages.success(
            request,
            _("“%(meeting)s”: %(move)s — now %(status)s.")
            % {"meeting": self.meeting, "move": MOVE_LABELS[self.move], "status": self.meeting.get_status_display()},
        )
        return redirect(self.meeting.get_absolute_url())


def move_view(move):
    return type(f"Meeting{move.title().replace('_', '')}View", (MeetingMoveView,), {"move": move})


class MeetingBudgetView(MeetingTabMixin, generic.ObjectDetailView):
    template_name = "meetings/meeting_budget.html"
    template_tab = "budget"

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


class MeetingBudgetEditView(MeetingObjectMixin, View):
    permission_required = "meetings.change_budgetline"
    template_name = "meetings/meeting_budget_edit.html"

    def formset(self, data=None):
        formset_class = budget_formset_class(meeting=self.meeting, user=self.request.user)
        return formset_class(data, meeting=self.meeting, user=self.request.user, prefix="lines")

    def render(self, formset):
        return render(
            self.request,
            self.template_name,
            {
                "meeting": self.meeting,
                "object": self.meeting,
                "formset": formset,
                "summary": budget_summary(self.meeting),
            },
        )

    def locked(self):
        user = self.request.user
        return not (can_edit_requested(user, self.meeting) or can_edit_amounts(user, self.meeting))

    def get(self, request, *args, **kwargs):
        if self.locked():
            messages.warning(
                request,
                _("The budget of a meeting that is %(status)s cannot be changed by you.")
                % {"status": self.meeting.get_status_display()},
            )
        return self.render(self.formset())

    def post(self, request, *args, **kwargs):
        formset = self.formset(request.POST)
        if not formset.is_valid():
            return self.render(formset)
        try:
            services.meeting_budget_save(meeting=self.meeting, actor=request.user, rows=formset.rows())
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                formset._non_form_errors = formset.error_class(
                    [m for messages_ in exc.message_dict.values() for m in messages_]
                )
            else:
                formset._non_form_errors = formset.error_class(exc.messages)
            return self.render(formset)
        messages.success(request, _("Budget of “%(meeting)s” saved.") % {"meeting": self.meeting})
        return redirect("meetings:meeting_budget", pk=self.meeting.pk)


class MeetingSettlementPdfView(MeetingObjectMixin, View):
    """统一会后经费结算表: the settlement form for signature, amounts in capitals."""

    permission_required = "meetings.view_budgetline"

    def get(self, request, *args, **kwargs):
        meeting = self.meeting
        lines = list(BudgetLine.objects.live().filter(meeting=meeting))
        summary = budget_summary(meeting)
        totals = summary["totals"]
        context = {
            "meeting": meeting,
            "lines": lines,
            "summary": summary,
            "requested_capitals": amount_in_capitals(totals["requested"]),
            "approved_capitals": amount_in_capitals(totals["approved"]),
            "actual_capitals": amount_in_capitals(totals["actual"]),
            "saved": totals["requested"] - totals["actual"],
            "saved_capitals": amount_in_capitals(totals["requested"] - totals["actual"]),
            "printed_at": timezone.localtime(),
        }
        filename = f"会议经费结算表-{meeting.pk}.pdf"
        return pdf_response("meetings/meeting_settlement_pdf.html", context, request=request, filename=filename)


class MeetingPrintingView(MeetingTabMixin, generic.ObjectDetailView):
    template_name = "meetings/meeting_printing.html"
    template_tab = "printing"

    def get_permission_required(self):
        return ["meetings.view_printingorder"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        orders = PrintingOrder.objects.filter(meeting=self.object).select_related("meeting")
        context.update(
            orders_table=PrintingOrderTable(orders, orderable=False, exclude=("meeting",)),
            orders_total=sum((order.total for order in orders if order.status != "cancelled"), 0),
            can_add_printing=self.request.user.has_perm("meetings.add_printingorder")
            and self.object.status not in (MeetingStatus.SETTLED, MeetingStatus.CANCELLED),
        )
        return context


class PrintingOrderListView(generic.ObjectListView):
    model = PrintingOrder
    table_class = PrintingOrderTable
    filterset_class = PrintingOrderFilterSet
    select_related = ("meeting",)


class PrintingOrderView(generic.ObjectDetailView):
    model = PrintingOrder
    template_name = "meetings/printingorder_detail.html"  # with the way back to its meeting
    select_related = ("meeting",)
    fields = [
        "meeting",
        "document",
        "pages",
        "copies",
        "unit_price",
        "due_at",
        "status",
        "cancel_reason",
        "ordered_by",
    ]


class PrintingOrderHistoryView(generic.ObjectHistoryView):
    model = PrintingOrder


class PrintingOrderEditView(generic.ObjectEditView):
    model = PrintingOrder
    form_class = PrintingOrderForm

    def get_initial(self):
        initial = super().get_initial()
        if "meeting" in self.request.GET:
            initial["meeting"] = self.request.GET["meeting"]
        return initial

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as exc:
            for field, errors in getattr(exc, "error_dict", {None: exc.error_list}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
            return self.form_invalid(form)
        except IntegrityError:  # pragma: no cover - the form checks first
            raise
