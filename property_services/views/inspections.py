"""Pages of the supervision group's inspections and the monthly assessment: the inspection list and
page, the draw of a month's spot checks, the scoring sheet on a phone-sized page, findings,
rectification orders and their re-check, penalties, and each contract's monthly assessment with its
sheet for signature (PDF)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from bureau.forms import add_service_errors
from bureau.money import amount_in_capitals
from bureau.registers import Register
from bureau.views import generic
from property_services import filtersets_inspections as filters
from property_services import forms_inspections as forms
from property_services import rules
from property_services import tables_inspections as tables
from property_services.choices_inspections import InspectionStatus, RectificationStatus
from property_services.models import Finding, Inspection, MonthlyAssessment, Penalty, Rectification
from property_services.models.fees import month_label
from property_services.services import inspections as services

DETAIL_TEMPLATE = "property_services/inspection_record.html"


class ActionsMixin:
    """The record's page with its buttons (`actions()`: [(label, url, css)] the user may use now)."""

    def actions(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(actions=self.actions(), **kwargs)


# ---- inspections -------------------------------------------------------------------------------------


def inspection_parts(inspection, user):
    parts = [
        (
            _("Scoring sheet"),
            tables.InspectionScoreTable(inspection.scores.select_related("scoring_item"), orderable=False),
        )
    ]
    findings = Finding.objects.filter(inspection=inspection).select_related("inspection__contract", "scoring_item")
    parts.append((Finding._meta.verbose_name_plural, tables.FindingTable(findings, orderable=False)))
    return parts


class InspectionDetailView(ActionsMixin, generic.ObjectDetailView):
    def actions(self):
        user, inspection = self.request.user, self.object
        if inspection.status == InspectionStatus.PLANNED and user.has_perm("property_services.change_inspection"):
            url = reverse("property_services:inspection_score", args=[inspection.pk])
            return [(_("Fill the scoring sheet"), url, "btn-primary")]
        return []


class InspectionEditView(generic.ObjectEditView):
    """A scheduled check planned through the service; a planned one's day and place may change."""

    def save_form(self, form):
        data = form.cleaned_data
        if self.object is None:
            return services.inspection_create(
                contract=data["contract"],
                date=data["date"],
                place=data["place"],
                note=data["note"],
                actor=self.request.user,
            )
        if self.object.status != InspectionStatus.PLANNED:
            raise ValidationError(_("A scored inspection is not changed."), code="already_scored")
        return super().save_form(form)


INSPECTIONS = Register(
    Inspection,
    "inspections",
    table=tables.InspectionTable,
    filterset=filters.InspectionFilterSet,
    form=forms.InspectionForm,
    select_related=("contract",),
    detail_select_related=("contract", "inspector"),
    detail_fields=("contract", "kind", "date", "place", "status", "score", "draw_seed", "inspector", "note"),
    detail_template=DETAIL_TEMPLATE,
    related=inspection_parts,
    views={"detail": InspectionDetailView, "edit": InspectionEditView},
)


class InspectionDrawView(generic.ServiceAddView):
    """Draw a month's random spot checks of a contract; the seed is recorded on each one drawn."""

    model = Inspection
    form_class = forms.InspectionDrawForm

    def save(self, data):
        drawn = services.inspection_draw(
            contract=data["contract"],
            month=data["month"],
            count=data["count"],
            seed=data["seed"],
            actor=self.request.user,
        )
        self.drawn_for = data
        return drawn

    def success_message(self, drawn):
        data = self.drawn_for
        seed = drawn[0].draw_seed if drawn else data["seed"]
        return _("%(count)s spot checks drawn for %(month)s with seed %(seed)s.") % {
            "count": len(drawn),
            "month": month_label(data["month"]),
            "seed": seed,
        }

    def success_url(self, drawn):
        return f"{reverse('property_services:inspection_list')}?contract={self.drawn_for['contract'].pk}"


class InspectionScoreView(generic.ObjectPageMixin, TemplateView):
    """The scoring sheet on a phone-sized page: one card per item of the contract's sheet — points,
    passed or failed, what was found and a photo; each failed item opens a rectification order."""

    model = Inspection
    action = "change"
    template_name = "property_services/inspection_score.html"

    def get_forms(self, data=None, files=None):
        items = list(self.object.contract.scoring_items.all())
        lines = [forms.ScoreLineForm(data, files, item=item, prefix=f"item{item.pk}") for item in items]
        options = forms.ScoreSheetOptionsForm(data, user=self.request.user)
        return lines, options

    def render_forms(self, lines, options, status=200):
        context = self.get_context_data(
            lines=lines, options=options, scored=self.object.status != InspectionStatus.PLANNED
        )
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_forms(*self.get_forms())

    def post(self, request, *args, **kwargs):
        lines, options = self.get_forms(request.POST, request.FILES)
        checked = [form.is_valid() for form in lines] + [options.is_valid()]  # every form's errors shown
        valid = all(checked)
        if not valid or not lines:
            if not lines:
                options.add_error(None, _("The contract has no scoring sheet yet; enter its scoring items first."))
            return self.render_forms(lines, options)
        try:
            with transaction.atomic():
                findings = services.inspection_score(
                    inspection=self.object,
                    lines=[{"item": form.item, **form.cleaned_data} for form in lines],
                    deadline_days=options.cleaned_data["deadline_days"],
                    actor=request.user,
                )
        except ValidationError as exc:
            add_service_errors(options, exc)
            return self.render_forms(lines, options)
        messages.success(
            request,
            _("The inspection is scored; %(count)s rectification orders opened.") % {"count": len(findings)},
        )
        return redirect(self.object.get_absolute_url())


# ---- findings and rectification orders -------------------------------------------------------------------

FINDINGS = Register(
    Finding,
    "inspections/findings",
    table=tables.FindingTable,
    filterset=filters.FindingFilterSet,
    select_related=("inspection__contract", "scoring_item"),
    detail_fields=("inspection", "scoring_item", "description", "photo"),
)


def rectification_parts(rectification, user):
    penalties = Penalty.objects.filter(rectification=rectification).select_related("contract", "clause")
    return [(Penalty._meta.verbose_name_plural, tables.PenaltyTable(penalties, orderable=False))]


class RectificationDetailView(ActionsMixin, generic.ObjectDetailView):
    def actions(self):
        if self.object.status == RectificationStatus.OPEN and self.request.user.has_perm(
            "property_services.change_rectification"
        ):
            url = reverse("property_services:rectification_recheck", args=[self.object.pk])
            return [(_("Re-check"), url, "btn-primary")]
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_overdue():
            context["overdue"] = True
        return context


RECTIFICATIONS = Register(
    Rectification,
    "inspections/rectifications",
    table=tables.RectificationTable,
    filterset=filters.RectificationFilterSet,
    select_related=("contract",),
    detail_select_related=("contract", "finding__scoring_item", "finding__inspection__contract"),
    detail_fields=(
        "finding",
        "contract",
        "issued_on",
        "deadline",
        "deadline_estimated",
        "status",
        "rechecks",
        "rechecked_on",
        "recheck_note",
    ),
    detail_template=DETAIL_TEMPLATE,
    related=rectification_parts,
    views={"detail": RectificationDetailView},
)


class RectificationRecheckView(generic.ObjectPageMixin, FormView):
    """The re-check: passed closes the order; failed again keeps it open, with a further penalty under
    a clause of the contract (never above it)."""

    model = Rectification
    action = "change"
    form_class = forms.RecheckForm
    template_name = "bureau/generic/object_edit.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"day": timezone.localdate()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.rectification_recheck(
                    rectification=self.object,
                    passed=data["passed"],
                    note=data["note"],
                    day=data["day"],
                    clause=data["clause"],
                    amount=data["amount"],
                    actor=self.request.user,
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        self.object.refresh_from_db()
        messages.success(
            self.request,
            _("%(order)s: %(status)s.") % {"order": self.object, "status": self.object.get_status_display()},
        )
        return redirect(self.object.get_absolute_url())


# ---- penalties --------------------------------------------------------------------------------------------


class PenaltyVoidView(generic.ObjectVoidView):
    def void(self, reason):
        services.penalty_void(penalty=self.object, actor=self.request.user, reason=reason)


PENALTIES = Register(
    Penalty,
    "inspections/penalties",
    table=tables.PenaltyTable,
    filterset=filters.PenaltyFilterSet,
    select_related=("contract", "clause"),
    detail_fields=(
        "contract",
        "clause",
        "month",
        "amount",
        "rectification",
        "reason",
        "created_by",
        "voided_at",
        "void_reason",
    ),
    void=True,
    views={"void": PenaltyVoidView},
)


class PenaltyAddView(generic.ServiceAddView):
    """A penalty under a clause of the contract: refused on the amount when above the clause."""

    model = Penalty
    form_class = forms.PenaltyForm

    def save(self, data):
        return services.penalty_apply(actor=self.request.user, **data)

    def success_message(self, penalty):
        return _("Penalty “%(obj)s” applied.") % {"obj": penalty}


# ---- the monthly assessment -------------------------------------------------------------------------------


def assessment_parts(assessment, user):
    month = assessment.month
    inspections = Inspection.objects.filter(
        contract=assessment.contract, date__gte=month, date__lte=rules.month_end(month)
    ).select_related("contract")
    penalties = Penalty.objects.filter(contract=assessment.contract, month=month).select_related("contract", "clause")
    return [
        (Inspection._meta.verbose_name_plural, tables.InspectionTable(inspections, orderable=False)),
        (Penalty._meta.verbose_name_plural, tables.PenaltyTable(penalties, orderable=False)),
    ]


class AssessmentDetailView(ActionsMixin, generic.RecordTabMixin, generic.ObjectDetailView):
    workflow = services.MonthlyAssessmentWorkflow

    def actions(self):
        actions = [
            (
                _("Sheet for signature (PDF)"),
                reverse("property_services:monthlyassessment_pdf", args=[self.object.pk]),
                "btn-outline-secondary",
            )
        ]
        if self.object.status == "draft" and self.request.user.has_perm("property_services.add_monthlyassessment"):
            url = reverse("property_services:monthlyassessment_add")
            actions.append(
                (
                    _("Assess again"),
                    f"{url}?contract={self.object.contract_id}&month={month_label(self.object.month)}",
                    "btn-outline-primary",
                )
            )
        return actions


ASSESSMENTS = Register(
    MonthlyAssessment,
    "assessments",
    table=tables.MonthlyAssessmentTable,
    filterset=filters.MonthlyAssessmentFilterSet,
    select_related=("contract",),
    detail_select_related=("contract__contractor",),
    detail_fields=(
        "contract",
        "month",
        "inspections",
        "score",
        "passed",
        "monthly_fee",
        "penalties",
        "payable",
        "status",
    ),
    detail_template=DETAIL_TEMPLATE,
    related=assessment_parts,
    views={"detail": AssessmentDetailView},
)


class AssessmentAddView(generic.ServiceAddView):
    """Assess a contract's month (again, while a draft)."""

    model = MonthlyAssessment
    form_class = forms.AssessmentForm

    def get_initial(self):
        return {key: self.request.GET[key] for key in ("contract", "month") if key in self.request.GET}

    def save(self, data):
        return services.assessment_compute(actor=self.request.user, **data)

    def success_message(self, assessment):
        return _("%(obj)s assessed: payable %(payable)s yuan.") % {"obj": assessment, "payable": assessment.payable}


class AssessmentMoveView(generic.MoveView):
    workflow = services.MonthlyAssessmentWorkflow


class AssessmentPdfView(generic.ObjectPdfView):
    """The month's assessment sheet for the contractor's and the supervision group's signatures."""

    model = MonthlyAssessment
    select_related = ("contract__contractor",)
    pdf_template = "property_services/pdf/assessment_sheet.html"

    def get_filename(self):
        return _("Assessment %(contract)s %(month)s.pdf") % {
            "contract": self.object.contract.title,
            "month": month_label(self.object.month),
        }

    def get_pdf_context(self):
        assessment = self.object
        month = assessment.month
        inspections = (
            Inspection.objects.filter(contract=assessment.contract, date__gte=month, date__lte=rules.month_end(month))
            .filter(status=InspectionStatus.SCORED)
            .order_by("date", "id")
        )
        penalties = (
            Penalty.objects.filter(contract=assessment.contract, month=month, voided_at=None)
            .select_related("clause")
            .order_by("id")
        )
        return {
            "object": assessment,
            "month": month_label(month),
            "inspections": inspections,
            "penalties": penalties,
            "payable_in_capitals": amount_in_capitals(assessment.payable),
        }
