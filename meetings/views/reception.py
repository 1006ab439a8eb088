"""Pages for official receptions 公务接待: thin views over the generic ones and the reception services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import DetailView

from bureau.pdf import pdf_response
from bureau.views import generic
from meetings.choices import (
    MEALS_EDITABLE_STATUSES,
    PEOPLE_EDITABLE_STATUSES,
    RECEPTION_EDITABLE_STATUSES,
    ReceptionStatus,
)
from meetings.filtersets.reception import OfficialLetterFilterSet, ReceptionFilterSet
from meetings.forms.reception import FORMSETS, OfficialLetterForm, ReasonForm, ReceptionForm
from meetings.models.reception import OfficialLetter, Reception
from meetings.selectors.reception import reception_printable_context, reception_totals
from meetings.services import reception as services
from meetings.tables.reception import (
    OfficialLetterTable,
    ReceptionEscortTable,
    ReceptionGuestTable,
    ReceptionMealTable,
    ReceptionTable,
    TourStopTable,
)


def _add_errors(form, exc):
    """Put a service's ValidationError on the form: on its field where the form has one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


# --- official letters ---


class OfficialLetterListView(generic.ObjectListView):
    model = OfficialLetter
    table_class = OfficialLetterTable
    filterset_class = OfficialLetterFilterSet
    select_related = ("receiving_department",)


class OfficialLetterView(generic.ObjectDetailView):
    model = OfficialLetter
    template_name = "meetings/reception/letter_detail.html"
    select_related = ("receiving_department", "registered_by")
    fields = [
        "number",
        "sending_unit",
        "receiving_department",
        "date",
        "subject",
        "registered_by",
        "voided_at",
        "voided_by",
        "void_reason",
    ]

    def get_related_tables(self):
        receptions = Reception.objects.for_user(self.request.user).filter(letter=self.object)
        receptions = receptions.select_related("letter", "host_department")
        return [(Reception._meta.verbose_name_plural, ReceptionTable(receptions, orderable=False))]


class OfficialLetterHistoryView(generic.ObjectHistoryView):
    model = OfficialLetter


class OfficialLetterEditView(generic.ObjectEditView):
    model = OfficialLetter
    form_class = OfficialLetterForm

    def form_valid(self, form):
        if form.instance.pk is None:
            form.instance.registered_by = self.request.user
        return super().form_valid(form)


class OfficialLetterVoidView(generic.ObjectVoidView):
    model = OfficialLetter

    def form_valid(self, form):
        if self.object.is_voided:
            messages.warning(self.request, _("“%(obj)s” was already voided.") % {"obj": self.object})
            return redirect(self.object.get_absolute_url())
        try:
            services.letter_void(letter=self.object, actor=self.request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("“%(obj)s” voided.") % {"obj": self.object})
        return redirect(self.object.get_absolute_url())


class OfficialLetterScanView(generic.ObjectViewMixin, DetailView):
    """The letter's scan, served only to those who may see the letter (never a public media URL)."""

    model = OfficialLetter

    def get(self, request, *args, **kwargs):
        letter = self.get_object()
        if not letter.scan:
            raise Http404(_("This letter has no scan."))
        try:
            handle = letter.scan.open("rb")
        except FileNotFoundError as exc:
            raise Http404(_("This letter has no scan.")) from exc
        return FileResponse(handle, filename=letter.scan.name.rsplit("/", 1)[-1])


# --- receptions ---


class ReceptionListView(generic.ObjectListView):
    model = Reception
    table_class = ReceptionTable
    filterset_class = ReceptionFilterSet
    select_related = ("letter", "host_department")


class ReceptionView(generic.ObjectDetailView):
    model = Reception
    template_name = "meetings/reception/reception_detail.html"
    select_related = ("letter", "host_department", "created_by", "approved_by")
    fields = [
        "letter",
        "host_department",
        "visiting_unit",
        "purpose",
        "arrival_date",
        "departure_date",
        "guest_count",
        "lodging",
        "lodging_amount",
        "transport_amount",
        "other_amount",
        "contact_name",
        "contact_phone",
        "status",
        "cancel_reason",
        "created_by",
        "approved_by",
        "approved_at",
        "settled_at",
    ]

    def get_related_tables(self):
        reception = self.object
        return [
            (_("Guests"), ReceptionGuestTable(reception.guests.all())),
            (_("Escorts"), ReceptionEscortTable(reception.escorts.all())),
            (pgettext("reception", "Meals"), ReceptionMealTable(reception.meals.all())),
            (_("Guided-tour plan"), TourStopTable(reception.tour_stops.all())),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, reception = self.request.user, self.object
        status = reception.status
        S = ReceptionStatus
        actions = []
        for target, url_suffix, label, perm, css in (
            (S.SUBMITTED, "submit", gettext_lazy("Submit for approval"), "change_reception", "btn-primary"),
            (S.APPROVED, "approve", gettext_lazy("Approve"), "approve_reception", "btn-success"),
            (S.DONE, "complete", gettext_lazy("Mark as done"), "change_reception", "btn-primary"),
            (S.SETTLED, "settle", gettext_lazy("Settle"), "settle_reception", "btn-success"),
            (S.CANCELLED, "cancel", gettext_lazy("Cancel the reception"), "cancel_reception", "btn-outline-danger"),
        ):
            if status in services.TRANSITIONS[target] and user.has_perm(f"meetings.{perm}"):
                actions.append((reverse(f"meetings:reception_{url_suffix}", args=[reception.pk]), label, css))
        can_change = user.has_perm("meetings.change_reception")
        context.update(
            transition_actions=actions,
            totals=reception_totals(reception),
            # The header's Edit button: only while the reception itself may still change.
            can_change=can_change and status in RECEPTION_EDITABLE_STATUSES,
            can_edit_people=can_change and status in PEOPLE_EDITABLE_STATUSES,
            can_edit_meals=can_change and status in MEALS_EDITABLE_STATUSES,
        )
        return context


class ReceptionHistoryView(generic.ObjectHistoryView):
    model = Reception


class ReceptionEditView(generic.ObjectEditView):
    model = Reception
    form_class = ReceptionForm

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object is not None and self.object.status not in RECEPTION_EDITABLE_STATUSES:
            messages.warning(request, _("A reception can be edited only while draft or submitted."))
            return redirect(self.object.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        letter_id = self.request.GET.get("letter")
        if self.object is None and letter_id and letter_id.isdigit():
            letter = OfficialLetter.objects.usable().filter(pk=letter_id).first()
            if letter is not None:
                initial.update(
                    letter=letter,
                    visiting_unit=letter.sending_unit,
                    purpose=letter.subject,
                    host_department=letter.receiving_department,
                )
        return initial

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in services.RECEPTION_FIELDS}
        try:
            if self.object is None:
                self.object = services.reception_create(
                    actor=self.request.user, letter=form.cleaned_data["letter"], **data
                )
            else:
                self.object = services.reception_update(
                    reception=self.object, actor=self.request.user, letter=form.cleaned_data["letter"], **data
                )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Reception “%(obj)s” saved.") % {"obj": self.object})
        return redirect(self.object.get_absolute_url())


class ReceptionObjectMixin(generic.ObjectViewMixin):
    """One reception, found through the user's scope (another department's → 404)."""

    model = Reception

    def get_reception(self):
        return get_object_or_404(self.get_queryset().select_related("letter", "host_department"), pk=self.kwargs["pk"])


class ReceptionFormsetView(ReceptionObjectMixin, DetailView):
    """Edit a reception's guests, escorts, meals or tour stops as one formset, all or nothing."""

    action = "change"
    kind = None
    template_name = "meetings/reception/reception_formset.html"

    def get_object(self, queryset=None):
        return self.get_reception()

    def _formset(self, data=None):
        formset_class, _title, _service = FORMSETS[self.kind]
        return formset_class(data, instance=self.object, prefix=self.kind, form_kwargs={"reception": self.object})

    def _editable(self):
        try:
            if self.kind == "meals":
                services.check_meals_editable(self.object)
            else:
                services.check_people_editable(self.object)
        except ValidationError as exc:
            messages.warning(self.request, " ".join(exc.messages))
            return False
        return True

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self._editable():
            return redirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(formset=self._formset()))

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self._editable():
            return redirect(self.object.get_absolute_url())
        formset = self._formset(request.POST)
        _formset_class, title, service = FORMSETS[self.kind]
        if formset.is_valid():
            try:
                with transaction.atomic():
                    service(reception=self.object, formset=formset, actor=request.user)
            except ValidationError as exc:
                formset = self._formset(request.POST)
                formset.is_valid()
                formset._non_form_errors = formset.error_class(exc.messages)
            else:
                messages.success(request, _("%(what)s saved.") % {"what": title})
                return redirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(formset=formset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["formset_title"] = FORMSETS[self.kind][1]
        return context


class ReceptionGuestsView(ReceptionFormsetView):
    kind = "guests"


class ReceptionEscortsView(ReceptionFormsetView):
    kind = "escorts"


class ReceptionMealsView(ReceptionFormsetView):
    kind = "meals"


class ReceptionTourView(ReceptionFormsetView):
    kind = "tour"


class ReceptionTransitionView(ReceptionObjectMixin, DetailView):
    """GET: a confirmation page; POST: the service call. Only roles with `action`'s permission."""

    template_name = "meetings/reception/reception_confirm.html"
    service = None
    title = ""
    button = ""
    form_class = None

    def get_object(self, queryset=None):
        return self.get_reception()

    def get_form(self, data=None):
        return self.form_class(data) if self.form_class else None

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form(request.POST)
        extra = {}
        if form is not None:
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form))
            extra = form.cleaned_data
        try:
            self.service(reception=self.object, actor=request.user, **extra)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(what)s: done.") % {"what": self.title})
        return redirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(title=self.title, button=self.button, allowed=self.object.status in self.allowed_from())
        return context

    def allowed_from(self):
        return ()


def _transition(name, action, target, service, title, button=None, form_class=None):
    return type(
        name,
        (ReceptionTransitionView,),
        {
            "action": action,
            "service": staticmethod(service),
            "title": title,
            "button": button or title,
            "form_class": form_class,
            "allowed_from": lambda self: services.TRANSITIONS[target],
        },
    )


S = ReceptionStatus
ReceptionSubmitView = _transition(
    "ReceptionSubmitView", "change", S.SUBMITTED, services.reception_submit, gettext_lazy("Submit for approval")
)
ReceptionApproveView = _transition(
    "ReceptionApproveView", "approve", S.APPROVED, services.reception_approve, gettext_lazy("Approve")
)
ReceptionCompleteView = _transition(
    "ReceptionCompleteView", "change", S.DONE, services.reception_complete, gettext_lazy("Mark as done")
)
ReceptionSettleView = _transition(
    "ReceptionSettleView", "settle", S.SETTLED, services.reception_settle, gettext_lazy("Settle")
)
ReceptionCancelView = _transition(
    "ReceptionCancelView",
    "cancel",
    S.CANCELLED,
    services.reception_cancel,
    gettext_lazy("Cancel the reception"),
    form_class=ReasonForm,
)


# --- printables ---


class ReceptionPdfView(ReceptionObjectMixin, DetailView):
    pdf_template = None
    filename = None

    def get(self, request, *args, **kwargs):
        reception = self.get_reception()
        context = reception_printable_context(reception)
        filename = f"{self.filename}-{reception.pk}.pdf"
        return pdf_response(self.pdf_template, context, request=request, filename=filename)


class ReceptionListPdfView(ReceptionPdfView):
    pdf_template = "meetings/reception/pdf/reception_list.html"
    filename = "接待清单"


class ReceptionTableCardsPdfView(ReceptionPdfView):
    pdf_template = "meetings/reception/pdf/table_cards.html"
    filename = "桌签"


class ReceptionNameCardsPdfView(ReceptionPdfView):
    pdf_template = "meetings/reception/pdf/name_cards.html"
    filename = "胸牌"


class ReceptionHandbookPdfView(ReceptionPdfView):
    pdf_template = "meetings/reception/pdf/handbook.html"
    filename = "接待手册"


class ReceptionTourPdfView(ReceptionPdfView):
    pdf_template = "meetings/reception/pdf/tour_plan.html"
    filename = "参观考察路线"
