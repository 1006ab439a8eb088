"""The filter form of the meeting statistics page (a GET form: period and date range)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.forms import plausible_date_field
from meetings.selectors.statistics import PERIODS


class StatisticsFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=list(PERIODS.items()), required=False)
    date_from = plausible_date_field(_("From"), required=False)
    date_to = plausible_date_field(_("To"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        if start and end and (end - start).days > 366 * 20:
            self.add_error("date_from", _("Choose a range of at most twenty years."))
        return cleaned
