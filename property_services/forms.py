"""Forms of outsourced property services 物业服务 and the campus: subclasses of
`bureau.forms.BureauModelForm` / `BureauForm` (crispy layout, the user passed in)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, BureauModelForm
from bureau.pickers import PickerField
from procurement.models import Contract
from property_services import rules
from property_services.choices import FeeType
from property_services.models import FeeRate, PenaltyClause, ScoringItem, ServiceContract


class MonthField(forms.CharField):
    """A month typed or picked as YYYY-MM (an <input type="month">), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return rules.month_parse(value)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["month"][0], code="bad_month") from exc

    def prepare_value(self, value):
        return f"{value.year}-{value.month:02d}" if hasattr(value, "month") else value


class FeeRateForm(BureauModelForm):
    class Meta:
        model = FeeRate
        fields = ["fee_type", "monthly_rate", "valid_from", "note"]
        widgets = {"valid_from": forms.DateInput()}
        error_messages = {"valid_from": {"required": _("A rate needs the date it applies from.")}}


class BillingForm(BureauForm):
    submit_label = _("Bill the month")
    month = MonthField(label=_("Month"), help_text=_("A month that has ended, e.g. 2026-11."))


class FeeAdjustmentForm(BureauForm):
    department = PickerField("bureau.department", label=_("Department"))
    fee_type = forms.ChoiceField(label=_("Fee type"), choices=FeeType.choices)
    month = MonthField(label=_("Month"), help_text=_("The billed month it corrects, whose deduction list is a draft."))
    amount = forms.DecimalField(
        label=_("Amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        min_value=-10_000_000,
        max_value=10_000_000,
        help_text=_("Negative for a refund."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount == 0:
            raise ValidationError(_("An adjustment is a non-zero amount."), code="zero")
        return amount


class ServiceContractForm(BureauModelForm):
    pickers = {"contractor": "property_services.supplier", "buildings": "bureau.building"}
    # The tender's contract is named by its number (exact, indexed), not chosen from every contract.
    procurement_contract_number = forms.CharField(
        label=_("Procurement contract number"),
        max_length=50,
        required=False,
        help_text=_("The number of the contract of the public tender it came from."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.procurement_contract_id:
            self.fields["procurement_contract_number"].initial = self.instance.procurement_contract.number

    def clean_procurement_contract_number(self):
        number = self.cleaned_data["procurement_contract_number"].strip()
        if not number:
            self.instance.procurement_contract = None
            return number
        contract = Contract.objects.for_user(self.user).filter(number=number).first() if self.user else None
        if contract is None:
            raise ValidationError(_("No procurement contract has the number %(number)s.") % {"number": number})
        self.instance.procurement_contract = contract
        return number

    class Meta:
        model = ServiceContract
        fields = [
            "title",
            "contractor",
            "service_type",
            "buildings",
            "areas",
            "monthly_fee",
            "payment_period",
            "start_date",
            "end_date",
            "pass_score",
        ]
        widgets = {"start_date": forms.DateInput(), "end_date": forms.DateInput()}


class ScoringItemForm(BureauModelForm):
    pickers = {"contract": "property_services.service_contract"}

    class Meta:
        model = ScoringItem
        fields = ["contract", "item", "points"]


class PenaltyClauseForm(BureauModelForm):
    pickers = {"contract": "property_services.service_contract"}

    class Meta:
        model = PenaltyClause
        fields = ["contract", "deficiency", "deduction", "monthly_cap"]
