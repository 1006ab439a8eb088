"""Pages for official receptions 公务接待: thin views over the generic ones and the reception services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View

from bureau.audit import audit_export
from bureau.registers import Register
from bureau.views import generic
from meetings.filtersets.reception import OfficialLetterFilterSet, ReceptionFilterSet
from meetings.forms.reception import FORMSETS, OfficialLetterForm, ReceptionForm
from meetings.models.reception import OfficialLetter, Reception
from meetings.rules import (
    MEALS_EDITABLE_STATUSES,
    PEOPLE_EDITABLE_STATUSES,
    RECEPTION_EDITABLE_STATUSES,
    check_meals_editable,
    check_people_editable,
)
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

# --- official letters ---


def letter_receptions(letter, user):
    receptions = Reception.objects.for_user(user).filter(letter=letter).select_related("letter", "host_department")
    return [(Reception._meta.verbose_name_plural, ReceptionTable(receptions, orderable=False))]


class OfficialLetterEditView(generic.ObjectEditView):
    def save_form(self, form):
        if form.instance.pk is None:
            form.instance.registered_by = self.request.user
        return super().save_form(form)


class OfficialLetterVoidView(generic.ObjectVoidView):
    def void(self, reason):
        services.letter_void(letter=self.object, actor=self.request.user, reason=reason)


OFFICIAL_LETTERS = Register(
    OfficialLetter,
    "letters",
    table=OfficialLetterTable,
    filterset=OfficialLetterFilterSet,
    form=OfficialLetterForm,
    select_related=("receiving_department",),
    detail_select_related=("receiving_department", "registered_by"),
    detail_fields=(
        "number",
        "sending_unit",
        "receiving_department",
        "date",
        "subject",
        "for_several_receptions",
        "registered_by",
        "voided_at",
        "voided_by",
        "void_reason",
    ),
    detail_template="meetings/reception/letter_detail.html",
    related=letter_receptions,
    void=True,
    views={"edit": OfficialLetterEditView, "void": OfficialLetterVoidView},
)


class OfficialLetterScanView(generic.ObjectPageMixin, View):
    """The letter's scan, served only to those who may see the letter (never a public media URL)."""

    model = OfficialLetter

    def get(self, request, *args, **kwargs):
        letter = self.object
        if not letter.scan:
            raise Http404(_("This letter has no scan."))
        try:
            handle = letter.scan.open("rb")
        except FileNotFoundError as exc:
            raise Http404(_("This letter has no scan.")) from exc
        audit_export(request, target=f"{letter} ({letter.scan.name.rsplit('/', 1)[-1]})")
        return FileResponse(handle, filename=letter.scan.name.rsplit("/", 1)[-1])


# --- receptions ---


class ReceptionListView(generic.ObjectListView):
    model = Reception
    table_class = ReceptionTable
    filterset_class = ReceptionFilterSet
    select_related = ("letter", "host_department")


class ReceptionView(generic.RecordTabMixin, generic.ObjectDetailView):
    model = Reception
    workflow = services.ReceptionWorkflow
    template_name = "meetings/reception/reception_detail.html"
    select_related = ("letter", "host_department", "created_by", "approved_by")
    # Our contact's phone is masked (the guest and escort tables mask theirs); the meeting centre
    # may show it in full. Every view of a reception (it lists guests) is audited.
    personal_fields = ("contact_phone",)
    personal_full_permission = "meetings.change_reception"
    fields = [
        "letter",
        "letter_exception",
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
        can_change = user.has_perm("meetings.change_reception")
        context.update(
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

    def save_form(self, form):
        data = {name: form.cleaned_data[name] for name in services.RECEPTION_FIELDS}
        letter, actor = form.cleaned_data["letter"], self.request.user
        if self.object is None:
            return services.reception_create(actor=actor, letter=letter, **data)
        return services.reception_update(reception=self.object, actor=actor, letter=letter, **data)


class ReceptionPageMixin(generic.ObjectPageMixin):
    """A page of one reception (its formsets, moves and printables), found through the user's scope."""

    model = Reception
    select_related = ("letter", "host_department")


class ReceptionFormsetView(ReceptionPageMixin, generic.ObjectFormsetView):
    """Edit a reception's guests, escorts, meals or tour stops as one formset, all or nothing."""

    action = "change"
    kind = None
    template_name = "meetings/reception/reception_formset.html"

    def get_formset(self, data=None):
        formset_class, _title, _service = FORMSETS[self.kind]
        return formset_class(data, instance=self.object, prefix=self.kind, form_kwargs={"reception": self.object})

    def save_formset(self, formset):
        _formset_class, _title, service = FORMSETS[self.kind]
        service(reception=self.object, formset=formset, actor=self.request.user)

    def success_message(self):
        return _("%(what)s saved.") % {"what": FORMSETS[self.kind][1]}

    def _editable(self):
        try:
            if self.kind == "meals":
                check_meals_editable(self.object)
            else:
                check_people_editable(self.object)
        except ValidationError as exc:
            messages.warning(self.request, generic.error_text(exc))
            return False
        return True

    def get(self, request, *args, **kwargs):
        if not self._editable():
            return redirect(self.object.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self._editable():
            return redirect(self.object.get_absolute_url())
        return super().post(request, *args, **kwargs)

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


class ReceptionMoveView(generic.MoveView):
    """A move of the reception (submit, approve, mark done, settle, cancel with a reason)."""

    workflow = services.ReceptionWorkflow


# --- printables ---


class ReceptionPdfView(ReceptionPageMixin, generic.ObjectPdfView):
    filename = None

    def get_pdf_context(self):
        return reception_printable_context(self.object)

    def get_filename(self):
        return f"{self.filename}-{self.object.pk}.pdf"


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
