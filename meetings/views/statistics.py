"""The meeting statistics page (meetings:statistics): server-rendered tables and an SVG chart."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from bureau.views.generic import report_ignored_parameters
from meetings.choices import MeetingCategory, MeetingFormat
from meetings.forms.statistics import StatisticsFilterForm
from meetings.selectors.statistics import PERIODS, meeting_statistics


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
