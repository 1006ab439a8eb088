"""Procedures of one meeting (checklist progress, overdue steps), the work plan, and the templates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django.views.generic.edit import FormMixin

from bureau.forms import add_service_errors
from bureau.registers import Register
from bureau.services import audited_save
from bureau.views import generic
from meetings import pdf_attendance
from meetings.filtersets.attendance import ProcedureTemplateFilterSet
from meetings.forms.attendance import (
    ProcedureStepForm,
    ProcedureTemplateForm,
    WorkPlanAssignForm,
    WorkPlanCreateForm,
)
from meetings.models import MeetingProcedureStep, ProcedureTemplate, WorkPlan, WorkPlanAssignment
from meetings.selectors.procedures import meeting_procedure_progress
from meetings.services import procedures as services
from meetings.tables.attendance import ProcedureTemplateTable
from meetings.views.base import MeetingPageMixin, MeetingPdfView


class MeetingProceduresView(MeetingPageMixin, TemplateView):
    permission_required = "meetings.view_meetingprocedurestep"
    template_name = "meetings/procedures/meeting_procedures.html"
    tab = "procedures"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            progress=meeting_procedure_progress(meeting=self.meeting),
            can_create=user.has_perm("meetings.add_meetingprocedurestep"),
            can_change_steps=user.has_perm("meetings.change_meetingprocedurestep"),
        )
        return context


class MeetingProceduresCreateView(MeetingPageMixin, View):
    http_method_names = ["post"]
    permission_required = "meetings.add_meetingprocedurestep"
    success_url_name = "meetings:meeting_procedures"

    def post(self, request, *args, **kwargs):
        try:
            steps = services.meeting_procedures_create(meeting=self.meeting, actor=request.user)
        except ValidationError as exc:
            messages.error(request, generic.error_text(exc))
        else:
            messages.success(request, _("%(count)s procedure steps added.") % {"count": len(steps)})
        return self.back()


class StepBoundMixin(MeetingPageMixin):
    """A view of one procedure step (URL kwarg `pk` = the step), scoped through its meeting."""

    permission_required = "meetings.change_meetingprocedurestep"
    success_url_name = "meetings:meeting_procedures"

    def get_object(self):
        steps = MeetingProcedureStep.objects.for_user(self.request.user).select_related("meeting")
        self.step = get_object_or_404(steps, pk=self.kwargs["pk"])
        return self.step.meeting


class ProcedureStepDoneView(StepBoundMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.procedure_step_complete(step=self.step, actor=request.user)
        except ValidationError as exc:
            messages.error(request, generic.error_text(exc))
        else:
            messages.success(request, _("“%(step)s” marked done.") % {"step": self.step.name})
        return self.back()


class ProcedureStepReopenView(StepBoundMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.procedure_step_reopen(step=self.step, actor=request.user)
        messages.success(request, _("“%(step)s” reopened.") % {"step": self.step.name})
        return self.back()


class ProcedureStepEditView(StepBoundMixin, FormMixin, TemplateView):
    """Owner, due time and note of one step: an audited form save (the history names the user)."""

    template_name = "meetings/procedures/step_edit.html"
    form_class = ProcedureStepForm
    tab = "procedures"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.step, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "step": self.step}

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        audited_save(obj=form.save(commit=False), actor=request.user)
        messages.success(request, _("“%(step)s” saved.") % {"step": self.step.name})
        return self.back()


# --- work plan (工作方案) --------------------------------------------------------------------


class MeetingWorkPlanView(MeetingPageMixin, TemplateView):
    permission_required = "meetings.view_workplan"
    template_name = "meetings/procedures/work_plan.html"
    tab = "work_plan"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = WorkPlan.objects.filter(meeting=self.meeting).select_related("chief").first()
        assignments = plan.assignments.select_related("staff").order_by("post", "id") if plan else []
        user = self.request.user
        context.update(
            plan=plan,
            assignments=assignments,
            create_form=kwargs.get("create_form") or WorkPlanCreateForm(),
            assign_form=kwargs.get("assign_form") or WorkPlanAssignForm(user=user),
            can_create=user.has_perm("meetings.add_workplan"),
            can_assign=user.has_perm("meetings.add_workplanassignment"),
            can_unassign=user.has_perm("meetings.delete_workplanassignment"),
        )
        return context


class MeetingWorkPlanCreateView(MeetingWorkPlanView):
    http_method_names = ["post"]
    permission_required = "meetings.add_workplan"

    def post(self, request, *args, **kwargs):
        form = WorkPlanCreateForm(request.POST)
        if form.is_valid():
            try:
                services.meeting_work_plan_create(
                    meeting=self.meeting, actor=request.user, is_major_event=form.cleaned_data["is_major_event"]
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Work plan drawn up."))
                return redirect("meetings:meeting_work_plan", self.meeting.pk)
        return self.render_to_response(self.get_context_data(create_form=form), status=400)


class MeetingWorkPlanAssignView(MeetingWorkPlanView):
    http_method_names = ["post"]
    permission_required = "meetings.add_workplanassignment"

    def post(self, request, *args, **kwargs):
        plan = get_object_or_404(WorkPlan, meeting=self.meeting)
        form = WorkPlanAssignForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                services.work_plan_assign(plan=plan, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Post assigned."))
                return redirect("meetings:meeting_work_plan", self.meeting.pk)
        return self.render_to_response(self.get_context_data(assign_form=form), status=400)


class WorkPlanAssignmentDeleteView(MeetingPageMixin, View):
    http_method_names = ["post"]
    permission_required = "meetings.delete_workplanassignment"

    def get_object(self):
        assignments = WorkPlanAssignment.objects.for_user(self.request.user).select_related("plan__meeting")
        self.assignment = get_object_or_404(assignments, pk=self.kwargs["pk"])
        return self.assignment.plan.meeting

    def post(self, request, *args, **kwargs):
        services.work_plan_unassign(assignment=self.assignment, actor=request.user)
        messages.success(request, _("Removed from the post."))
        return redirect("meetings:meeting_work_plan", self.meeting.pk)


class MeetingWorkPlanPdfView(MeetingPdfView):
    permission_required = "meetings.view_workplan"
    document = "工作方案"

    def render_pdf(self):
        plan = WorkPlan.objects.filter(meeting=self.meeting).select_related("chief", "meeting").first()
        if plan is None:
            raise Http404(_("This meeting has no work plan."))
        assignments = plan.assignments.select_related("staff").order_by("post", "id")
        return pdf_attendance.work_plan_pdf(plan=plan, assignments=assignments, request=self.request)


# --- procedure templates (a register) ----------------------------------------------------------


PROCEDURE_TEMPLATES = Register(
    ProcedureTemplate,
    "procedure-templates",
    table=ProcedureTemplateTable,
    filterset=ProcedureTemplateFilterSet,
    form=ProcedureTemplateForm,
    delete=True,
)
