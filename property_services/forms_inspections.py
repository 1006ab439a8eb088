"""Forms of the inspections and the monthly assessment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, BureauModelForm, InputRulesMixin, plausible_date_field
from bureau.pickers import PickerField
from bureau.validators import UploadValidator
from property_services.forms import MonthField
from property_services.models import Inspection
from property_services.models.inspections import FINDING_PHOTO_MAX_MB, SEED_MAX
from property_services.rules_inspections import SAMPLE_MAX
from property_services.services.inspections import RECTIFICATION_DAYS

PHOTO_HELP = _("JPEG or PNG, at most 5 MB.")


def photo_field():
    return forms.FileField(
        label=_("photo"),
        required=False,
        validators=[UploadValidator(kinds=("jpeg", "png"), max_mb=FINDING_PHOTO_MAX_MB)],
        help_text=PHOTO_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png", "capture": "environment"}),
    )


class InspectionForm(BureauModelForm):
    """A scheduled check (定期检查): the contract, the day and the place."""

    pickers = {"contract": "property_services.service_contract"}

    class Meta:
        model = Inspection
        fields = ["contract", "date", "place", "note"]
        widgets = {"date": forms.DateInput()}


class InspectionDrawForm(BureauForm):
    submit_label = _("Draw the spot checks")
    contract = PickerField("property_services.service_contract", label=_("service contract"))
    month = MonthField(label=_("Month"), help_text=_("The month to draw the spot checks in, e.g. 2026-11."))
    count = forms.IntegerField(
        label=_("Number of checks"),
        min_value=1,
        max_value=SAMPLE_MAX,
        initial=4,
        error_messages={
            "min_value": _("Draw 1 to %(max)s checks.") % {"max": SAMPLE_MAX},
            "max_value": _("Draw 1 to %(max)s checks.") % {"max": SAMPLE_MAX},
        },
    )
    seed = forms.IntegerField(
        label=_("Seed"),
        required=False,
        min_value=0,
        max_value=SEED_MAX,
        help_text=_("Leave empty for a new draw; give a recorded seed to draw the same sample again."),
        error_messages={
            "min_value": _("A seed is a whole number from 0 to %(max)s.") % {"max": SEED_MAX},
            "max_value": _("A seed is a whole number from 0 to %(max)s.") % {"max": SEED_MAX},
        },
    )


class ScoreLineForm(InputRulesMixin, forms.Form):
    """One item of the scoring sheet on the phone page: the points, passed or not, what was found."""

    points = forms.IntegerField(label=_("points given"), min_value=0)
    passed = forms.TypedChoiceField(
        label=_("result"),
        choices=[("1", _("Passed")), ("0", _("Failed"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    description = forms.CharField(
        label=_("what was found"), max_length=500, required=False, widget=forms.Textarea({"rows": 2})
    )
    photo = photo_field()

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        message = _("“%(item)s” carries %(max)s points; give 0 to %(max)s.") % {"item": item.item, "max": item.points}
        self.fields["points"] = forms.IntegerField(
            label=_("points given"),
            min_value=0,
            max_value=item.points,
            initial=item.points,
            error_messages={"min_value": message, "max_value": message},
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )
        self.order_fields(["points", "passed", "description", "photo"])

    def clean(self):
        data = super().clean()
        if data.get("passed") is False and not (data.get("description") or "").strip():
            self.add_error("description", _("Say what was found at “%(item)s”.") % {"item": self.item.item})
        return data


class ScoreSheetOptionsForm(BureauForm):
    deadline_days = forms.IntegerField(
        label=_("Rectification within (working days)"),
        min_value=1,
        max_value=30,
        initial=RECTIFICATION_DAYS,
        error_messages={
            "min_value": _("Give 1 to 30 working days."),
            "max_value": _("Give 1 to 30 working days."),
        },
    )


class RecheckForm(BureauForm):
    submit_label = _("Record the re-check")
    passed = forms.TypedChoiceField(
        label=_("result"),
        choices=[("1", _("Passed: close the order")), ("0", _("Failed again: keep the order open"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    day = plausible_date_field(_("re-checked on"))
    note = forms.CharField(label=_("re-check note"), max_length=500, required=False)
    clause = PickerField(
        "property_services.penalty_clause",
        label=_("penalty clause"),
        required=False,
        help_text=_("When failed again: the clause of the contract to deduct under."),
    )
    amount = forms.DecimalField(
        label=_("amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        max_value=100_000_000,
        required=False,
        help_text=_("Empty: the clause's deduction per occurrence."),
    )

    def clean(self):
        data = super().clean()
        if data.get("passed") and data.get("clause"):
            self.add_error("clause", _("A passed re-check brings no penalty."))
        if data.get("amount") is not None and not data.get("clause"):
            self.add_error("clause", _("Choose the clause the amount is deducted under."))
        return data


class PenaltyForm(BureauForm):
    submit_label = _("Apply the penalty")
    clause = PickerField("property_services.penalty_clause", label=_("penalty clause"))
    month = MonthField(label=_("Month"), help_text=_("The month whose assessment it counts in, e.g. 2026-11."))
    amount = forms.DecimalField(
        label=_("amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        max_value=100_000_000,
        required=False,
        help_text=_("Empty: the clause's deduction per occurrence."),
    )
    reason = forms.CharField(label=_("reason"), max_length=300)


class AssessmentForm(BureauForm):
    submit_label = _("Assess the month")
    contract = PickerField("property_services.service_contract", label=_("service contract"))
    month = MonthField(label=_("Month"), help_text=_("A month that has ended, e.g. 2026-11."))
