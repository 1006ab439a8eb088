"""Pages of the repair line 后勤保障110: the ticket list and page with its moves, the web report
form, the hotline form and the statistics."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, F, Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from bureau.forms import add_service_errors
from bureau.registers import Register
from bureau.roles import Role, has_role
from bureau.views import generic
from bureau.workflow import transition
from property_services import forms, rules, tables
from property_services.choices import RepairCategory, RepairPriority, RepairSource
from property_services.filtersets import RepairTicketFilterSet
from property_services.models import RepairTicket
from property_services.models.repairs import OPEN_STATUSES
from property_services.services import repairs


def tickets_for(user):
    """The tickets `user` sees: the dispatcher, leadership and the supervision group all, a technician
    those assigned to them, a department head their department's, any other staff member the ones
    they reported (within their department's)."""
    queryset = RepairTicket.objects.for_user(user)
    if user.has_perm("property_services.dispatch_repairticket") or has_role(user, Role.LEADERSHIP, Role.SUPERVISION):
        return queryset
    if has_role(user, Role.TECHNICIANS):
        return queryset.filter(technician=user)
    if has_role(user, Role.DEPARTMENT_HEADS):
        return queryset
    return queryset.filter(reporter=user)


class TicketScopeMixin:
    def get_queryset(self):
        queryset = tickets_for(self.request.user)
        return queryset.select_related(*self.select_related) if self.select_related else queryset


class RepairTicketListView(TicketScopeMixin, generic.ObjectListView):
    pass


class RepairTicketDetailView(TicketScopeMixin, generic.RecordTabMixin, generic.ObjectDetailView):
    workflow = repairs.RepairTicketWorkflow
    template_name = "property_services/repairticket_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = self.object.history.select_related("history_user").order_by("history_date")
        context["overdue"] = self.object.is_overdue()
        return context


TICKET_FIELDS = (
    "room",
    "location",
    "category",
    "description",
    "photo",
    "priority",
    "source",
    "reporter",
    "reporter_name",
    "reporter_phone",
    "department",
    "status",
    "technician",
    "reported_at",
    "response_due",
    "fix_due",
    "started_at",
    "resolved_at",
    "pause_reason",
    "rating",
    "feedback",
)
REPAIR_TICKETS = Register(
    RepairTicket,
    "repairs/tickets",
    table=tables.RepairTicketTable,
    filterset=RepairTicketFilterSet,
    select_related=("room__building", "reporter", "technician"),
    detail_select_related=("room__building", "reporter", "technician", "department"),
    detail_fields=TICKET_FIELDS,
    views={"list": RepairTicketListView, "detail": RepairTicketDetailView},
)


class RepairTicketMoveView(TicketScopeMixin, generic.MoveView):
    """A move with what it needs: the technician to dispatch to, what a pause waits for, the rating."""

    workflow = repairs.RepairTicketWorkflow
    extra_fields = ("technician", "pause_reason", "rating", "feedback")

    def get_form(self, data=None):
        return forms.RepairMoveForm(data, move=self.step, user=self.request.user)

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        extra = {name: form.cleaned_data[name] for name in self.extra_fields if name in form.cleaned_data}
        try:
            transition(obj=self.object, move=self.move, actor=request.user, reason=form.cleaned_data["reason"], **extra)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, self.success_message())
        return redirect(self.object.get_absolute_url())


class RepairReportView(generic.ObjectViewMixin, FormView):
    """Any staff member reports a fault from the web."""

    model = RepairTicket
    action = "add"
    form_class = forms.RepairReportForm
    template_name = "property_services/repair_report.html"
    source = RepairSource.WEB

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=RepairSource(self.source).label, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            ticket = repairs.ticket_report(
                actor=self.request.user,
                source=self.source,
                room=data.get("room"),
                location=data.get("location", ""),
                category=data["category"],
                priority=data["priority"],
                description=data["description"],
                photo=data.get("photo"),
                reporter_name=data.get("reporter_name", ""),
                reporter_phone=data.get("reporter_phone", ""),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(ticket)s is reported.") % {"ticket": ticket})
        return redirect(ticket.get_absolute_url())


class RepairHotlineView(RepairReportView):
    """The administration centre's operator types in a call to the hotline."""

    form_class = forms.RepairHotlineForm
    source = RepairSource.HOTLINE
    permission_required = "property_services.dispatch_repairticket"

    def get_permission_required(self):
        return [self.permission_required]


def _hours(value):
    return round(value.total_seconds() / 3600, 1) if value is not None else None


class RepairStatisticsView(generic.ObjectViewMixin, TemplateView):
    """Counts, mean response and fix times against the targets, by category and by priority."""

    model = RepairTicket
    template_name = "property_services/repair_statistics.html"

    def get_context_data(self, **kwargs):
        tickets = tickets_for(self.request.user)
        response = F("started_at") - F("reported_at")
        fix = F("resolved_at") - F("reported_at")
        by_category = {
            row["category"]: row
            for row in tickets.values("category").annotate(
                total=Count("pk"),
                open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
                fixed=Count("pk", filter=Q(resolved_at__isnull=False)),
                rating=Avg("rating"),
            )
        }
        categories = [
            {"label": label, **by_category.get(value, {"total": 0, "open": 0, "fixed": 0, "rating": None})}
            for value, label in RepairCategory.choices
        ]
        priorities = []
        for value, label in RepairPriority.choices:
            rows = tickets.filter(priority=value)
            started = rows.filter(started_at__isnull=False).aggregate(mean=Avg(response))["mean"]
            fixed = rows.filter(resolved_at__isnull=False)
            mean_fix = fixed.aggregate(mean=Avg(fix))["mean"]
            paused = fixed.aggregate(mean=Avg("paused_seconds"))["mean"] or 0
            response_target, fix_target = rules.repair_targets(value)
            priorities.append(
                {
                    "label": label,
                    "total": rows.count(),
                    "response": _hours(started),
                    "response_target": _hours(response_target),
                    "fix": round(_hours(mean_fix) - paused / 3600, 1) if mean_fix is not None else None,
                    "fix_target": _hours(fix_target),
                }
            )
        return super().get_context_data(
            categories=categories,
            priorities=priorities,
            total=tickets.count(),
            overdue=tickets.overdue().count(),
            **kwargs,
        )
