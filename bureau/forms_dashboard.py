"""The period chooser of the dashboards (a GET form): a month, a quarter, a year or a custom range,
and on the department dashboard the department (a picker) for those who may choose one."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.fields import PlausibleDateValidator
from bureau.forms import BureauForm
from bureau.periods import KINDS, Period
from bureau.pickers import PickerField

MONTHS = [(m, _("Month %(month)s") % {"month": m}) for m in range(1, 13)]
QUARTERS = [(q, _("Quarter %(quarter)s") % {"quarter": q}) for q in range(1, 5)]
MAX_DAYS = 366 * 20


def default_period(today=None):
    """The last whole month: what the briefing reports and a month a year before compares with."""
    today = today or timezone.localdate()
    return Period.containing("month", today.replace(day=1) - datetime.timedelta(days=1))


class PeriodForm(BureauForm):
    submit_label = _("Show")

    period = forms.ChoiceField(label=_("Period"), choices=list(KINDS.items()), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2099)
    month = forms.TypedChoiceField(label=_("Month"), choices=MONTHS, coerce=int, required=False)
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int, required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(), validators=[PlausibleDateValidator()]
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(), validators=[PlausibleDateValidator()]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = default_period()
        self.fields["year"].widget.attrs["placeholder"] = default.start.year
        self.fields["month"].initial = default.start.month

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period") == "custom":
            start, end = cleaned.get("date_from"), cleaned.get("date_to")
            for name in ("date_from", "date_to"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("A custom range needs its first and last day."))
            if start and end and end < start:
                self.add_error("date_to", _("The end date cannot be before the start date."))
            elif start and end and (end - start).days > MAX_DAYS:
                self.add_error("date_from", _("Choose a range of at most twenty years."))
        return cleaned

    def chosen_period(self):
        """The period asked for; the last whole month when nothing (or nothing readable) was asked."""
        default = default_period()
        if not self.is_bound or not self.is_valid():
            return default
        data = self.cleaned_data
        kind = data.get("period") or "month"
        if kind == "custom":
            return Period.custom(data["date_from"], data["date_to"])
        year = data.get("year") or default.start.year
        if kind == "year":
            return Period.year(year)
        if kind == "quarter":
            return Period.quarter(year, data.get("quarter") or (default.start.month - 1) // 3 + 1)
        return Period.month(year, data.get("month") or default.start.month)


class DepartmentPeriodForm(PeriodForm):
    department = PickerField("bureau.department", label=_("Department"), required=False)
