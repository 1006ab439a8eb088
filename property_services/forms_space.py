"""Forms of office space (办公用房) and campus conduct (文明公约)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.fields import PlausibleDateValidator
from bureau.forms import BureauForm, BureauModelForm
from bureau.pickers import PickerField
from property_services.choices_space import SpaceVerdict
from property_services.forms import MonthField
from property_services.models import ConductRule, OfficeStandard


def _date_field(label, *, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[PlausibleDateValidator()],
    )


class OfficeStandardForm(BureauModelForm):
    class Meta:
        model = OfficeStandard
        fields = ["rank", "area_per_person", "valid_from", "source"]
        widgets = {"valid_from": forms.DateInput()}


class OfficeAssignmentForm(BureauForm):
    """Who sits in which office from when; a person's current office ends the day before (a move)."""

    person = PickerField("property_services.office_person", label=_("person"))
    room = PickerField("property_services.office_room", label=_("office"))
    start_date = _date_field(_("from"))
    note = forms.CharField(label=_("note"), max_length=200, required=False)


class ConductRuleForm(BureauModelForm):
    class Meta:
        model = ConductRule
        fields = ["kind", "number", "text", "active"]


class ConductViolationForm(BureauForm):
    department = PickerField("bureau.department", label=_("department"))
    date = _date_field(_("date"))
    rule = PickerField("property_services.conduct_rule", label=_("rule"))
    place = forms.CharField(label=_("place"), max_length=200)
    description = forms.CharField(label=_("description"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class SpaceDateForm(BureauForm):
    """The day a space report or office list is read for (a GET form; default today)."""

    date = _date_field(_("Date"), required=False, help_text=_("The standard in force on this day applies."))


class OfficeFilterForm(SpaceDateForm):
    department = PickerField("bureau.department", label=_("department"), required=False)
    verdict = forms.ChoiceField(label=_("verdict"), choices=[("", _("Any")), *SpaceVerdict.choices], required=False)


class ConductMonthForm(BureauForm):
    month = MonthField(label=_("Month"), required=False)
