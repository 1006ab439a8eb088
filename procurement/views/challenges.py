"""Pages of challenges (质疑) and complaints (投诉): the list, the detail with every clock, and one
page per step (each calling its service). The procurement centre records them; leadership and
finance read all; a department head reads those of the batches that buy for the department."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView
from django_tables2 import SingleTableView

from bureau.forms import add_service_errors
from bureau.roles import Role, has_role
from bureau.views.pages import RoleRequiredMixin
from procurement.forms import challenges as forms
from procurement.selectors.challenges import challenges_for, complaints_for
from procurement.selectors.clocks import ClockBook, challenge_clocks, complaint_clocks
from procurement.services import challenge as services
from procurement.tables.challenges import ChallengeTable

VIEWERS = (Role.PROCUREMENT_CENTRE, Role.LEADERSHIP, Role.FINANCE, Role.DEPARTMENT_HEADS)
MANAGERS = (Role.PROCUREMENT_CENTRE,)


class ChallengeListView(RoleRequiredMixin, SingleTableView):
    roles = VIEWERS
    table_class = ChallengeTable
    template_name = "procurement/challenge_list.html"
    paginate_by = 50

    def get_queryset(self):
        return challenges_for(self.request.user).order_by("-received_on", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = self.request.user.is_superuser or has_role(self.request.user, *MANAGERS)
        return context


class ChallengeDetailView(RoleRequiredMixin, DetailView):
    roles = VIEWERS
    template_name = "procurement/challenge_detail.html"
    context_object_name = "challenge"

    def get_queryset(self):
        return challenges_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        book = ClockBook()
        complaints = list(self.object.complaints.order_by("filed_on", "id"))
        context.update(
            clocks=challenge_clocks(self.object, book=book),
            complaints=[(complaint, complaint_clocks(complaint, book=book)) for complaint in complaints],
            can_manage=self.request.user.is_superuser or has_role(self.request.user, *MANAGERS),
            history=self.object.history.select_related("history_user").order_by("-history_date")[:20],
        )
        return context


class StepView(RoleRequiredMixin, FormView):
    """One step of a challenge or complaint: the form, then its service; refusals land on the fields."""

    roles = MANAGERS
    template_name = "procurement/challenge_step.html"
    title = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "title": self.title, "target": getattr(self, "target", None)}

    def form_valid(self, form):
        try:
            result = self.perform(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(result.get_absolute_url())


class ChallengeAddView(StepView):
    form_class = forms.ChallengeFileForm
    title = _("Record a challenge")

    def perform(self, form):
        data = form.cleaned_data
        return services.challenge_file(
            batch=form.batch,
            lot=form.lot,
            supplier=form.supplier,
            subject=data["subject"],
            knew_on=data["knew_on"],
            received_on=data["received_on"],
            grounds=data["grounds"],
            suspends_signing=data["suspends_signing"],
            actor=self.request.user,
        )


class ChallengeStepView(StepView):
    def dispatch(self, request, *args, **kwargs):
        # Who may act is asked first (403), then whether the record is theirs to see (404).
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (request.user.is_superuser or has_role(request.user, *self.roles)):
            raise PermissionDenied
        self.target = get_object_or_404(challenges_for(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class ChallengeReplyView(ChallengeStepView):
    form_class = forms.ChallengeReplyForm
    title = _("Reply to the challenge")

    def perform(self, form):
        return services.challenge_reply(challenge=self.target, actor=self.request.user, **form.cleaned_data)


class ChallengeWithdrawView(ChallengeStepView):
    form_class = forms.ConfirmForm
    title = _("The supplier withdrew the challenge")

    def perform(self, form):
        return services.challenge_withdraw(challenge=self.target, actor=self.request.user)


class ComplaintAddView(ChallengeStepView):
    form_class = forms.ComplaintFileForm
    title = _("Record a complaint")

    def perform(self, form):
        return services.complaint_file(challenge=self.target, actor=self.request.user, **form.cleaned_data)


class ComplaintStepView(StepView):
    def dispatch(self, request, *args, **kwargs):
        # Who may act is asked first (403), then whether the record is theirs to see (404).
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (request.user.is_superuser or has_role(request.user, *self.roles)):
            raise PermissionDenied
        self.target = get_object_or_404(complaints_for(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class ComplaintSuspendView(ComplaintStepView):
    form_class = forms.ComplaintSuspendForm
    title = _("The finance bureau suspended the procurement")

    def perform(self, form):
        return services.complaint_suspend(complaint=self.target, actor=self.request.user, **form.cleaned_data)


class ComplaintDecideView(ComplaintStepView):
    form_class = forms.ComplaintDecideForm
    title = _("The finance bureau's decision")

    def perform(self, form):
        return services.complaint_decide(complaint=self.target, actor=self.request.user, **form.cleaned_data)
