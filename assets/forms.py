"""Forms of the state-owned asset registry 国有资产: subclasses of `bureau.forms.BureauModelForm` /
`BureauForm` (crispy layout, the user passed in)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets.models import Asset, AssetImport, Disposal, Lease, PoolRequest, StockTake
from bureau.forms import BureauForm, BureauModelForm, plausible_date_field
from bureau.pickers import PickerField
from bureau.validators import UploadValidator

MONEY = {"max_digits": 14, "decimal_places": 2}


class AssetForm(BureauModelForm):
    pickers = {
        "asset_class": "assets.assetclass",
        "owning_unit": "bureau.department",
        "using_department": "bureau.department",
        "keeper": "bureau.person",
        "building": "bureau.building",
        "room": "bureau.room",
    }

    class Meta:
        model = Asset
        fields = [
            "code",
            "name",
            "asset_class",
            "owning_unit",
            "using_department",
            "keeper",
            "building",
            "room",
            "address",
            "acquired_on",
            "source",
            "original_value",
            "quantity",
            "unit_of_measure",
            "area",
            "title_certificate",
            "useful_life_years",
            "note",
        ]
        widgets = {"acquired_on": forms.DateInput()}
        help_texts = {
            "code": _("Leave empty to have it generated from the class and year."),
            "useful_life_years": _("Leave empty for the class's useful life in force on the acquisition date."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        if self.instance.pk:
            # The card's money and dates change through movements (revaluation), not by editing.
            for name in ("code", "original_value", "acquired_on", "useful_life_years", "asset_class"):
                self.fields[name].disabled = True


class AssignForm(BureauForm):
    department = PickerField("bureau.department", label=_("Department"), required=False)
    keeper = PickerField("bureau.person", label=_("Keeper"), required=False)
    on = plausible_date_field(_("Date"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class TransferForm(BureauForm):
    to_unit = PickerField("bureau.department", label=_("To unit"))
    on = plausible_date_field(_("Date"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class RepairForm(BureauForm):
    on = plausible_date_field(_("Date"))
    cost = forms.DecimalField(label=_("Cost"), min_value=0, required=False, **MONEY)
    note = forms.CharField(label=_("Note"), max_length=500)


class RevalueForm(BureauForm):
    on = plausible_date_field(_("Date"))
    value_change = forms.DecimalField(label=_("Value change"), **MONEY)
    remaining_life_months = forms.IntegerField(
        label=_("Remaining life (months)"), min_value=1, max_value=1200, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=500)


# Photos: images only (by content), each at most 5 MB, as every upload (bureau.validators).
PHOTO_VALIDATOR = UploadValidator(kinds=("jpeg", "png"), max_mb=5)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        cleaned = []
        for upload in files:
            upload = super().clean(upload, initial)
            PHOTO_VALIDATOR(upload)
            cleaned.append(upload)
        return cleaned


class HandInForm(BureauForm):
    on = plausible_date_field(_("Date"))
    condition = forms.CharField(label=_("Condition"), max_length=200)
    photos = PhotosField(label=_("Photos"), required=False)


class PoolRequestForm(BureauModelForm):
    pickers = {"department": "bureau.department"}
    submit_label = _("Request")

    class Meta:
        model = PoolRequest
        fields = ["department", "reason"]


class DecisionForm(BureauForm):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class PoolLoanForm(BureauForm):
    department = PickerField("bureau.department", label=_("Borrowing department"))
    purpose = forms.CharField(label=_("Purpose"), max_length=200)
    lent_on = plausible_date_field(_("Lent on"))
    due_on = plausible_date_field(_("Due on"))

    def clean(self):
        data = super().clean()
        if data.get("lent_on") and data.get("due_on") and data["due_on"] < data["lent_on"]:
            self.add_error("due_on", _("The due date cannot be before the loan date."))
        return data


class ReturnForm(BureauForm):
    on = plausible_date_field(_("Returned on"))


class LeaseForm(BureauModelForm):
    pickers = {"asset": "assets.asset"}

    class Meta:
        model = Lease
        fields = [
            "asset",
            "kind",
            "lessee",
            "lessee_contact",
            "area",
            "monthly_rent",
            "start_date",
            "end_date",
            "approval_document",
            "bidding_reference",
            "announced_on",
        ]
        widgets = {"start_date": forms.DateInput(), "end_date": forms.DateInput(), "announced_on": forms.DateInput()}


class PaymentForm(BureauForm):
    amount = forms.DecimalField(label=_("Amount received"), min_value=0.01, **MONEY)
    on = plausible_date_field(_("Received on"))


class DisposalForm(BureauModelForm):
    pickers = {"asset": "assets.asset"}

    class Meta:
        model = Disposal
        fields = ["asset", "method", "appraisal_value", "approval_document", "requested_on", "announced_on"]
        widgets = {"requested_on": forms.DateInput(), "announced_on": forms.DateInput()}


class DisposalCompleteForm(BureauForm):
    disposed_on = plausible_date_field(_("Disposed on"))
    proceeds = forms.DecimalField(label=_("Proceeds"), min_value=0, initial=0, **MONEY)
    buyer = forms.CharField(label=_("Buyer or recipient"), max_length=200, required=False)


class RemitForm(BureauForm):
    amount = forms.DecimalField(label=_("Amount remitted"), min_value=0.01, **MONEY)
    on = plausible_date_field(_("Remitted on"))


class StockTakeForm(BureauModelForm):
    pickers = {"department": "bureau.department", "building": "bureau.building"}

    class Meta:
        model = StockTake
        fields = ["title", "department", "building", "opened_on"]
        widgets = {"opened_on": forms.DateInput()}


class ScanForm(BureauForm):
    submit_label = _("Mark found")
    code = forms.CharField(
        label=_("Label"), max_length=60, widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"})
    )


class ResolveForm(BureauForm):
    department = PickerField("bureau.department", label=_("Department"), required=False)
    approval_document = forms.CharField(label=_("Approval document number"), max_length=100, required=False)
    on = plausible_date_field(_("Date"))


class AssetImportForm(BureauModelForm):
    submit_label = _("Check the workbook")

    class Meta:
        model = AssetImport
        fields = ["file", "only_clean_rows"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("Upload an Excel workbook (.xlsx)."), code="not_xlsx")
        if upload.size > settings.FILE_UPLOAD_MAX_MEMORY_SIZE * 8:
            raise ValidationError(_("The workbook is too large."), code="too_large")
        return upload


class ReportForm(BureauForm):
    day = plausible_date_field(_("Date"), required=False)

    def day_or_today(self):
        return (self.cleaned_data.get("day") if self.is_valid() else None) or timezone.localdate()


def year_choices():
    this = timezone.localdate().year
    return [(y, y) for y in range(this, this - 10, -1)]


class YearForm(BureauForm):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=year_choices)
