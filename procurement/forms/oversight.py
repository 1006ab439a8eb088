from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.forms import plausible_date_field
from procurement.selectors.savings import GROUPS, PERIODS


def _date(label):
    return plausible_date_field(label, required=False)


class PeriodForm(forms.Form):
    """A period for the statistics, the risk flags and the OCDS export; a year is the shortcut."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2099)
    date_from = _date(_("From"))
    date_to = _date(_("To"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        if start and end and (end - start).days > 366 * 20:
            self.add_error("date_from", _("Choose a range of at most twenty years."))
        return cleaned


class StatisticsForm(PeriodForm):
    group = forms.ChoiceField(label=_("Savings by"), choices=list(GROUPS.items()), required=False)
    period = forms.ChoiceField(label=_("Period"), choices=[(k, k) for k in PERIODS], required=False)
