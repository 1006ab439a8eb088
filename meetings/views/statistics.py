"""The meeting statistics page (meetings:statistics): server-rendered tables and an SVG chart."""

import datetime

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from bureau.fields import PlausibleDateValidator
from bureau.views.generic import report_ignored_parameters
from meetings.choices import MeetingCategory, MeetingFormat
from meetings.selectors.statistics import PERIODS, meeting_statistics


class StatisticsFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=list(PERIODS.items()), required=False)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[PlausibleDateValidator()],
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[PlausibleDateValidator()],
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        if start and end and (end - start).days > 366 * 20:
            self.add_error("date_from", _("Choose a range of at most twenty years."))
        return cleaned


class MeetingStatisticsView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "meetings.view_meeting"
    template_name = "meetings/meeting_statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        defaults = {
            "period": "month",
            "date_from": datetime.date(today.year - 1, 1, 1),
            "date_to": datetime.date(today.year, 12, 31),
        }
        form = StatisticsFilterForm(self.request.GET or None, initial=defaults)
        values = dict(defaults)
        if form.is_bound:
            if not form.is_valid():  # the report without the filters that can't be read, and why
                report_ignored_parameters(self.request, form)
            values.update({key: value for key, value in form.cleaned_data.items() if value})
        stats = meeting_statistics(user=self.request.user, **values)
        context.update(
            form=form,
            stats=stats,
            categories=MeetingCategory.choices,
            formats=MeetingFormat.choices,
            period_label=PERIODS[stats["period"]],
            values=values,
        )
        return context
