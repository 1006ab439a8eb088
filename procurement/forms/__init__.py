"""Forms of the procurement centre 政府采购中心: page forms over the services (the services decide;
a refusal comes back on the field it concerns)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, BureauModelForm
from bureau.models import Department
from bureau.pickers import PickerField
from bureau.widgets import DateTimeLocalInput
from procurement.choices import BidStatus
from procurement.models import (
    Acceptance,
    BadConductRecord,
    Batch,
    Bid,
    Contract,
    Lot,
    Payment,
    PaymentMilestone,
    ProcurementRequest,
    Supplier,
)
from procurement.rules import normalize_credit_code, validate_credit_code
from procurement.selectors.requests import request_advice

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def model_field(model, name, **kwargs):
    """The form field of a model field: its validators (plausible dates, bounds) come with it."""
    return model._meta.get_field(name).formfield(**kwargs)


def money(model, name, **kwargs):
    return model_field(model, name, min_value=Decimal("0.01"), **kwargs)


class SupplierForm(BureauModelForm):
    class Meta:
        model = Supplier
        fields = [
            "name",
            "credit_code",
            "legal_representative",
            "address",
            "phone",
            "bank_name",
            "bank_account_name",
            "bank_account_number",
            "is_sme",
            "active",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The length is the credit code check's to explain (GB 32100-2015), not the generic maximum.
        field = self.fields["credit_code"]
        field.max_length = None
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.widget.attrs.pop("maxlength", None)

    def clean_credit_code(self):
        code = normalize_credit_code(self.cleaned_data.get("credit_code"))
        validate_credit_code(code)
        return code


class BadConductForm(BureauModelForm):
    class Meta:
        model = BadConductRecord
        fields = ["authority", "decision_number", "reason", "in_force_from", "in_force_to"]


class RequestForm(BureauModelForm):
    pickers = {"purchasing_department": "bureau.department"}

    class Meta:
        model = ProcurementRequest
        fields = [
            "purchasing_department",
            "item",
            "description",
            "category",
            "catalogue_code",
            "quantity",
            "unit",
            "budget",
            "funding_source",
            "planned_start",
            "intention_published_on",
            "intention_exemption_reason",
            "idle_asset_reason",
        ]

    advice = ()

    def clean(self):
        cleaned = super().clean()
        probe = ProcurementRequest(
            purchasing_department=cleaned.get("purchasing_department"),
            catalogue_code=cleaned.get("catalogue_code") or "",
            quantity=cleaned.get("quantity"),
        )
        self.advice = request_advice(probe) if cleaned.get("purchasing_department") else []
        if self.advice:
            # The advice, with links to the suggested alternatives, next to the reason it asks for.
            self.fields["idle_asset_reason"].help_text = format_html_join(
                "",
                "<div>{}{}</div>",
                (
                    (
                        advice.message,
                        format_html_join("", ' <a href="{}">{}</a>', ((url, label) for label, url in advice.items)),
                    )
                    for advice in self.advice
                ),
            )
        return cleaned


class BatchForm(BureauModelForm):
    pickers = {"single_source_supplier": "procurement.supplier"}

    class Meta:
        model = Batch
        fields = [
            "title",
            "method",
            "method_justification",
            "single_source_supplier",
            "publicity_from",
            "publicity_to",
            "opening_at",
        ]
        widgets = {"opening_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opening_at"].input_formats = DATETIME_FORMATS


class BatchRequestForm(BureauForm):
    procurement_request = PickerField("procurement.free_request", label=_("procurement request"))
    lot = forms.ModelChoiceField(  # the batch's lots: a handful
        queryset=Lot.objects.none(), required=False, label=_("lot"), help_text=_("Leave empty for a new lot.")
    )
    lot_name = forms.CharField(max_length=200, required=False, label=_("new lot's name"))

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lot"].queryset = batch.lots.order_by("number")


class InvitationForm(BureauForm):
    supplier = PickerField("procurement.supplier", label=_("supplier"))
    invited_on = model_field(Batch, "publicity_from", required=True, label=_("invited on"))


class BidForm(BureauForm):
    supplier = PickerField("procurement.supplier", label=_("supplier"))
    price = money(Bid, "price")
    submitted_at = model_field(Bid, "submitted_at", widget=DateTimeLocalInput(), input_formats=DATETIME_FORMATS)
    score = model_field(Bid, "score", required=False)


class BidScoreForm(BureauForm):
    score = model_field(Bid, "score", required=False)
    status = forms.ChoiceField(choices=BidStatus.choices, label=_("status"))
    rejection_reason = forms.CharField(max_length=500, required=False, label=_("reason rejected"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == BidStatus.VALID and cleaned.get("score") is None:
            self.add_error("score", ValidationError(_("Enter the score."), code="required"))
        return cleaned


class AwardForm(BureauForm):
    bid = forms.ModelChoiceField(queryset=Bid.objects.none(), label=_("bid"))
    decided_on = model_field(Batch, "winner_confirmed_on", required=True, label=_("decided on"))

    def __init__(self, *args, lot, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bid"].queryset = lot.bids.filter(status=BidStatus.VALID).select_related("supplier")
        self.fields["bid"].label_from_instance = lambda bid: f"{bid.supplier.name} — {bid.price:,.2f} 元 — {bid.score}"


class BatchDatesForm(BureauForm):
    evaluation_report_on = model_field(Batch, "evaluation_report_on", required=False)
    winner_confirmed_on = model_field(Batch, "winner_confirmed_on", required=False)


class ContractForm(BureauForm):
    purchasing_department = forms.ModelChoiceField(queryset=Department.objects.none(), label=_("purchasing department"))
    title = forms.CharField(max_length=200, required=False, label=_("title"))
    amount = money(Contract, "amount")
    term_start = model_field(Contract, "term_start")
    term_end = model_field(Contract, "term_end")

    def __init__(self, *args, lot, **kwargs):
        super().__init__(*args, **kwargs)
        # The lot's purchasing departments: a handful, never the whole register.
        self.fields["purchasing_department"].queryset = Department.objects.filter(
            pk__in=lot.requests.values("purchasing_department")
        ).order_by("code")


class ContractSignForm(BureauForm):
    signed_on = model_field(Contract, "signed_on", required=True)


class ContractPublishForm(BureauForm):
    published_on = model_field(Contract, "published_on", required=True)


class MilestoneForm(BureauForm):
    sequence = model_field(PaymentMilestone, "sequence")
    description = model_field(PaymentMilestone, "description")
    amount = money(PaymentMilestone, "amount")
    due_on = model_field(PaymentMilestone, "due_on")


class PaymentForm(BureauForm):
    amount = money(Payment, "amount")
    paid_on = model_field(Payment, "paid_on")
    milestone = forms.ModelChoiceField(
        queryset=PaymentMilestone.objects.none(), required=False, label=_("payment milestone")
    )
    voucher_number = model_field(Payment, "voucher_number")

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = contract.milestones.order_by("sequence")


class AcceptanceForm(BureauForm):
    accepted_on = model_field(Acceptance, "accepted_on")
    result = model_field(Acceptance, "result")
    inspectors = model_field(Acceptance, "inspectors")
    findings = model_field(Acceptance, "findings")
    report_number = model_field(Acceptance, "report_number")
