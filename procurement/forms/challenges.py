"""Forms of challenges (质疑) and complaints (投诉). The batch is named by its number and the supplier
by its unified social credit code, as they stand on the written challenge (no list of all batches or
suppliers to scroll)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, plausible_date_field
from procurement.choices import ChallengeOutcome, ChallengeSubject, ComplaintOutcome
from procurement.models import Batch, Lot, Supplier
from procurement.rules import normalize_credit_code


class ChallengeFileForm(BureauForm):
    submit_label = _("Record the challenge")

    batch_number = forms.CharField(label=_("batch number"), max_length=40)
    lot_number = forms.IntegerField(label=_("lot number"), required=False, min_value=1, max_value=999)
    supplier_credit_code = forms.CharField(
        label=_("supplier's unified social credit code"), max_length=30, help_text=_("As on the written challenge.")
    )
    subject = forms.ChoiceField(label=_("challenged"), choices=ChallengeSubject.choices)
    knew_on = plausible_date_field(
        _("known on"), help_text=_("The day the supplier knew or should have known (the notice).")
    )
    received_on = plausible_date_field(_("received on"))
    grounds = forms.CharField(label=_("grounds"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    suspends_signing = forms.BooleanField(
        label=_("may affect the result"),
        required=False,
        help_text=_("Signing is suspended until the reply (实施条例 art. 54)."),
    )

    def clean_batch_number(self):
        number = self.cleaned_data["batch_number"].strip()
        batch = Batch.objects.filter(number=number).first()
        if batch is None:
            raise forms.ValidationError(_("No batch has the number %(number)s."), params={"number": number})
        self.batch = batch
        return number

    def clean_supplier_credit_code(self):
        code = normalize_credit_code(self.cleaned_data["supplier_credit_code"])
        supplier = Supplier.objects.filter(credit_code=code).first()
        if supplier is None:
            raise forms.ValidationError(
                _("No supplier has the credit code %(code)s; register the supplier first."), params={"code": code}
            )
        self.supplier = supplier
        return code

    def clean(self):
        cleaned = super().clean()
        self.lot = None
        if cleaned.get("lot_number") and getattr(self, "batch", None):
            self.lot = Lot.objects.filter(batch=self.batch, number=cleaned["lot_number"]).first()
            if self.lot is None:
                self.add_error("lot_number", _("The batch has no lot with this number."))
        return cleaned


class ChallengeReplyForm(BureauForm):
    submit_label = _("Record the reply")

    replied_on = plausible_date_field(_("replied on"))
    outcome = forms.ChoiceField(label=_("outcome"), choices=ChallengeOutcome.choices)
    reply = forms.CharField(label=_("reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class ComplaintFileForm(BureauForm):
    submit_label = _("Record the complaint")

    filed_on = plausible_date_field(_("filed on"))
    authority = forms.CharField(label=_("complained to"), max_length=100, initial="县财政局")
    grounds = forms.CharField(label=_("grounds"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class ComplaintSuspendForm(BureauForm):
    submit_label = _("Record the suspension")

    suspended_from = plausible_date_field(_("procurement suspended from"))
    suspended_to = plausible_date_field(_("procurement suspended until"), help_text=_("At most 30 days (law art. 57)."))


class ComplaintDecideForm(BureauForm):
    submit_label = _("Record the decision")

    decided_on = plausible_date_field(_("decided on"))
    outcome = forms.ChoiceField(label=_("outcome"), choices=ComplaintOutcome.choices)
    decision = forms.CharField(label=_("decision"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class ConfirmForm(BureauForm):
    submit_label = _("Confirm")
