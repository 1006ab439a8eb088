"""Forms of outsourced property services 物业服务 and the campus: subclasses of
`bureau.forms.BureauModelForm` / `BureauForm` (crispy layout, the user passed in)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, BureauModelForm, MoveForm
from bureau.pickers import PickerField, make_picker
from bureau.validators import UploadValidator
from procurement.models import Contract
from property_services import rules
from property_services.choices import FeeType, RepairCategory, RepairPauseReason, RepairPriority
from property_services.models import FeeRate, PenaltyClause, ScoringItem, ServiceContract
from property_services.models.repairs import REPAIR_PHOTO_MAX_MB


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


# ---- the repair line 后勤保障110 ---------------------------------------------------------------------


class RepairReportForm(BureauForm):
    """A staff member's report from the web (the room picked, or the place described)."""

    submit_label = _("Report")
    room = PickerField("property_services.repair_room", label=_("room"), required=False)
    location = forms.CharField(
        label=_("location"), max_length=200, required=False, help_text=_("Where, when the fault is not in a room.")
    )
    category = forms.ChoiceField(label=_("category"), choices=RepairCategory.choices)
    priority = forms.ChoiceField(label=_("priority"), choices=RepairPriority.choices, initial=RepairPriority.NORMAL)
    description = forms.CharField(label=_("description"), max_length=2000, widget=forms.Textarea({"rows": 4}))
    photo = forms.FileField(
        label=_("photo"),
        required=False,
        validators=[UploadValidator(kinds=("jpeg", "png"), max_mb=REPAIR_PHOTO_MAX_MB)],
        help_text=_("JPEG or PNG, at most 5 MB."),
    )


class RepairHotlineForm(RepairReportForm):
    """The hotline operator types the call in: who called and how to reach them."""

    reporter_name = forms.CharField(label=_("reporter's name"), max_length=50)
    reporter_phone = forms.CharField(label=_("reporter's phone"), max_length=20, required=False)


class RepairMoveForm(MoveForm):
    """A repair ticket's move: the reason or comment, and what the move needs."""

    def __init__(self, *args, move, user=None, **kwargs):
        super().__init__(*args, move=move, **kwargs)
        if move.name == "dispatch":
            self.fields["technician"] = make_picker(
                forms.ModelChoiceField(queryset=get_user_model().objects.none(), label=_("technician")),
                "property_services.technician",
                user,
            )
        elif move.name == "pause":
            self.fields["pause_reason"] = forms.ChoiceField(label=_("pause reason"), choices=RepairPauseReason.choices)
        elif move.name == "confirm":
            self.fields["rating"] = forms.TypedChoiceField(
                label=_("rating"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
            )
            self.fields["feedback"] = forms.CharField(label=_("feedback"), max_length=500, required=False)
        self.order_fields(
            [name for name in ("technician", "pause_reason", "rating", "feedback") if name in self.fields]
        )


RATING_CHOICES = [(n, "★" * n) for n in range(5, 0, -1)]


class RepairQrForm(forms.Form):
    """The room's QR page: no account, so the reporter says who they are."""

    category = forms.ChoiceField(label=_("category"), choices=RepairCategory.choices)
    description = forms.CharField(label=_("description"), max_length=2000, widget=forms.Textarea({"rows": 3}))
    photo = RepairReportForm.base_fields["photo"]
    reporter_name = forms.CharField(label=_("Your name"), max_length=50)
    reporter_phone = forms.RegexField(
        label=_("Your phone"),
        regex=r"^\d{7,15}$",
        max_length=15,
        error_messages={"invalid": _("Give a phone number of 7 to 15 digits.")},
    )


class RepairRatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("rating"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect, required=False
    )
    feedback = forms.CharField(label=_("feedback"), max_length=500, required=False)
