"""Pages of the room-based fees: rates, billing runs and charges, adjustments, the deduction list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView
from tablib import Dataset

from bureau.audit import audit_export
from bureau.exports import formula_safe_dataset
from bureau.forms import add_service_errors
from bureau.money import amount_in_capitals
from bureau.registers import Register
from bureau.views import generic
from property_services import forms, rules, selectors, tables, tasks
from property_services.filtersets import (
    BillingRunFilterSet,
    DeductionLineFilterSet,
    DeductionListFilterSet,
    FeeAdjustmentFilterSet,
    FeeChargeFilterSet,
    FeeRateFilterSet,
)
from property_services.models import BillingRun, DeductionLine, DeductionList, FeeAdjustment, FeeCharge, FeeRate
from property_services.models.fees import month_label
from property_services.services import fees

# ---- rates -----------------------------------------------------------------------------------------


class FeeRateEditView(generic.ObjectEditView):
    def save_form(self, form):
        return fees.fee_rate_save(rate=form.save(commit=False), actor=self.request.user)


FEE_RATES = Register(
    FeeRate,
    "fees/rates",
    table=tables.FeeRateTable,
    filterset=FeeRateFilterSet,
    form=forms.FeeRateForm,
    views={"edit": FeeRateEditView},
)

# ---- billing ---------------------------------------------------------------------------------------


def run_charges(run, user):
    charges = FeeCharge.objects.for_user(user).filter(run=run).select_related("department")
    return [(FeeCharge._meta.verbose_name_plural, tables.FeeChargeTable(charges, orderable=False))]


BILLING_RUNS = Register(
    BillingRun,
    "fees/runs",
    table=tables.BillingRunTable,
    filterset=BillingRunFilterSet,
    detail_fields=("month", "status", "departments", "total", "attempts", "started_by", "finished_at"),
    related=run_charges,
)


class BillingView(generic.ObjectViewMixin, FormView):
    """Finance bills a month from the page: the same task the beat job and `bill_fees` run."""

    model = BillingRun
    action = "add"
    form_class = forms.BillingForm
    template_name = "property_services/billing.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = tables.BillingRunTable(BillingRun.objects.order_by("-month")[:12], orderable=False)
        return context

    def form_valid(self, form):
        month = form.cleaned_data["month"]
        try:
            # The refusals the user can act on, on the field now; the task checks them again.
            rules.check_month_ended(month, timezone.localdate())
            fees._rates_for(month)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        label, actor_id = month_label(month), self.request.user.pk
        transaction.on_commit(lambda: tasks.fee_month_bill.delay(label, actor_id))
        messages.success(
            self.request,
            _("Billing of %(month)s started; the run below shows when it is done (a billed month stays as it is).")
            % {"month": label},
        )
        return redirect(reverse("property_services:billing"))


FEE_CHARGES = Register(
    FeeCharge,
    "fees/charges",
    table=tables.FeeChargeTable,
    filterset=FeeChargeFilterSet,
    select_related=("department",),
    detail_fields=("month", "department", "fee_type", "rooms", "amount", "run"),
)

# ---- adjustments -----------------------------------------------------------------------------------


class FeeAdjustmentVoidView(generic.ObjectVoidView):
    def void(self, reason):
        fees.fee_adjustment_void(adjustment=self.object, actor=self.request.user, reason=reason)


FEE_ADJUSTMENTS = Register(
    FeeAdjustment,
    "fees/adjustments",
    table=tables.FeeAdjustmentTable,
    filterset=FeeAdjustmentFilterSet,
    select_related=("department",),
    detail_fields=("month", "department", "fee_type", "amount", "reason", "created_by", "voided_at", "void_reason"),
    void=True,
    views={"void": FeeAdjustmentVoidView},
)


class FeeAdjustmentAddView(generic.ServiceAddView):
    """A correction after billing is a new entry (there is no edit page: charges are never edited)."""

    model = FeeAdjustment
    form_class = forms.FeeAdjustmentForm

    def save(self, data):
        return fees.fee_adjustment_create(actor=self.request.user, **data)

    def success_message(self, adjustment):
        return _("Adjustment “%(obj)s” entered.") % {"obj": adjustment}


# ---- the deduction list ------------------------------------------------------------------------------


DETAIL_LINES = 100


class DeductionListDetailView(generic.RecordTabMixin, generic.ObjectDetailView):
    workflow = fees.DeductionListWorkflow
    template_name = "property_services/deductionlist_detail.html"

    def get_related_tables(self):
        # A city's list has 2,000 lines: the page shows the first ones, the lines register and the files all.
        lines = selectors.deduction_lines_for(self.request.user, self.object)[:DETAIL_LINES]
        return [(DeductionLine._meta.verbose_name_plural, tables.DeductionLineTable(lines, orderable=False))]


DEDUCTION_LISTS = Register(
    DeductionList,
    "fees/deductions",
    table=tables.DeductionListTable,
    filterset=DeductionListFilterSet,
    detail_fields=("month", "status", "total"),
    views={"detail": DeductionListDetailView},
)


class DeductionListMoveView(generic.MoveView):
    workflow = fees.DeductionListWorkflow


def deduction_list_rows(user, deduction_list):
    return [
        (
            line.department.code,
            line.department.name,
            line.rooms,
            line.air_conditioning,
            line.security_cleaning,
            line.adjustments,
            line.total,
        )
        for line in selectors.deduction_lines_for(user, deduction_list)
    ]


class DeductionListExcelView(generic.ObjectPageMixin, View):
    """The month's list as an Excel file: formula-safe (bureau.exports) and audited."""

    model = DeductionList

    def get(self, request, *args, **kwargs):
        deduction_list = self.object
        headers = [
            _("Code"),
            _("Department"),
            _("Room-months"),
            _("Central air-conditioning fee"),
            _("Security and cleaning fee"),
            _("Adjustments"),
            _("Total (yuan)"),
        ]
        rows = deduction_list_rows(request.user, deduction_list)
        rows.append(("", _("Total"), "", "", "", "", deduction_list.total))
        rows.append(("", _("Total in capitals"), "", "", "", "", amount_in_capitals(deduction_list.total)))
        dataset = formula_safe_dataset(Dataset(*rows, headers=headers, title=month_label(deduction_list.month)), "xlsx")
        filename = _("Deduction list %(month)s.xlsx") % {"month": month_label(deduction_list.month)}
        response = HttpResponse(
            dataset.export("xlsx"), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
        audit_export(request, target=f"{deduction_list} (xlsx)")
        return response


class DeductionListPdfView(generic.ObjectPdfView):
    model = DeductionList
    pdf_template = "property_services/pdf/deduction_list.html"

    def get_filename(self):
        return _("Deduction list %(month)s.pdf") % {"month": month_label(self.object.month)}

    def get_pdf_context(self):
        deduction_list = self.object
        return {
            "object": deduction_list,
            "month": month_label(deduction_list.month),
            "lines": selectors.deduction_lines_for(self.request.user, deduction_list),
            "total_in_capitals": amount_in_capitals(deduction_list.total),
        }


DEDUCTION_LINES = Register(
    DeductionLine,
    "fees/deduction-lines",
    table=tables.DeductionLineTable,
    filterset=DeductionLineFilterSet,
    select_related=("department", "deduction_list"),
)
