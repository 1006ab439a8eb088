"""Forms for official receptions: the letter, the reception, and the guest / escort / meal / tour formsets.

The forms call the same checks (meetings.rules) as meetings.services.reception, so a page shows the rule's message on
the field; the services check again (and the database last).
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bureau.forms import BureauModelForm, InputRulesMixin
from bureau.money import to_yuan
from meetings import rules
from meetings.models.reception import (
    OfficialLetter,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
)
from meetings.services import reception as services

NO_LETTER_MESSAGE = _("No official letter, no reception: register the official letter (公函) first and choose it.")


class OfficialLetterForm(BureauModelForm):
    pickers = {"receiving_department": "bureau.department"}

    class Meta:
        model = OfficialLetter
        fields = ["number", "sending_unit", "receiving_department", "date", "subject", "for_several_receptions", "scan"]
        widgets = {"date": forms.DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scan"].widget.attrs["accept"] = "application/pdf,image/jpeg,image/png"


class ReceptionForm(BureauModelForm):
    pickers = {"letter": "meetings.officialletter", "host_department": "bureau.department"}

    class Meta:
        model = Reception
        fields = ["letter", *services.RECEPTION_FIELDS]
        widgets = {
            "arrival_date": forms.DateInput(),
            "departure_date": forms.DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "letter_exception": forms.TextInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        letter = self.fields["letter"]
        letter.error_messages["required"] = NO_LETTER_MESSAGE
        letter.error_messages["invalid_choice"] = NO_LETTER_MESSAGE

    def clean(self):
        cleaned = super().clean()
        for check, kwargs in (
            (rules.check_letter, {"letter": cleaned.get("letter")}),
            (
                rules.check_dates,
                {"arrival_date": cleaned.get("arrival_date"), "departure_date": cleaned.get("departure_date")},
            ),
        ):
            if check is rules.check_letter and "letter" in self.errors:
                continue
            try:
                check(**kwargs)
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


# --- formsets ---


class _RowForm(InputRulesMixin, forms.ModelForm):
    def __init__(self, *args, reception=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.reception = reception
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"
            if isinstance(field.widget, forms.TimeInput):
                field.widget.input_type = "time"
                field.widget.format = "%H:%M"
            css = (
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm"
            )
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)


class GuestForm(_RowForm):
    class Meta:
        model = ReceptionGuest
        fields = ["protocol_order", "name", "title", "unit", "phone"]


class EscortForm(_RowForm):
    class Meta:
        model = ReceptionEscort
        fields = ["name", "title", "unit", "phone"]


class MealForm(_RowForm):
    class Meta:
        model = ReceptionMeal
        fields = ["date", "kind", "place", "guests", "escorts", "standard_per_person", "amount"]
        widgets = {"date": forms.DateInput()}

    def clean(self):
        cleaned = super().clean()
        guests, escorts = cleaned.get("guests"), cleaned.get("escorts")
        standard = cleaned.get("standard_per_person")
        if cleaned.get("amount") is None and standard is not None and guests is not None and escorts is not None:
            cleaned["amount"] = to_yuan(Decimal(standard) * (guests + escorts))
            self.instance.amount = cleaned["amount"]
        reception = self.reception
        if reception is None and self.instance.reception_id:
            reception = self.instance.reception
        if reception is None:
            checks = [(rules.check_escort_rule, {"guests": guests, "escorts": escorts})]
        else:
            checks = [
                (
                    rules.check_meal,
                    {
                        "reception": reception,
                        "date": cleaned.get("date"),
                        "guests": guests,
                        "escorts": escorts,
                        "standard_per_person": standard,
                        "amount": cleaned.get("amount"),
                    },
                )
            ]
        for check, kwargs in checks:
            try:
                check(**kwargs)
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    for message in messages:
                        self.add_error(field if field in self.fields else None, message)
        return cleaned

    def _post_clean(self):
        # The amount filled in by clean() must reach the instance before the model's own checks.
        if self.cleaned_data.get("amount") is not None:
            self.instance.amount = self.cleaned_data["amount"]
        super()._post_clean()


class TourStopForm(_RowForm):
    class Meta:
        model = TourStop
        fields = ["date", "start_time", "end_time", "place", "guide", "notes"]
        widgets = {"date": forms.DateInput(), "start_time": forms.TimeInput(), "end_time": forms.TimeInput()}


class GuestFormSetBase(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        named = sum(
            1
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("name")
        )
        try:
            rules.check_named_guests(reception=self.instance, named=named)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc


def _formset(model, form, base=BaseInlineFormSet):
    return inlineformset_factory(Reception, model, form=form, formset=base, extra=3, can_delete=True)


GuestFormSet = _formset(ReceptionGuest, GuestForm, GuestFormSetBase)
EscortFormSet = _formset(ReceptionEscort, EscortForm)
MealFormSet = _formset(ReceptionMeal, MealForm)
TourStopFormSet = _formset(TourStop, TourStopForm)

# kind (URL segment) → (formset, title, service that saves it)
FORMSETS = {
    "guests": (GuestFormSet, _("Guests"), services.reception_save_people),
    "escorts": (EscortFormSet, _("Escorts"), services.reception_save_people),
    "meals": (MealFormSet, pgettext_lazy("reception", "Meals"), services.reception_save_meals),
    "tour": (TourStopFormSet, _("Guided-tour plan"), services.reception_save_people),
}
