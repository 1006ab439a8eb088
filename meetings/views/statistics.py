"""The meeting statistics page (meetings:statistics): server-rendered tables and a chart drawn by
bureau.charts; `?_export=xlsx` downloads the chart's numbers."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from bureau.exports import rows_export_response
from bureau.views.generic import report_ignored_parameters
from meetings.choices import MeetingCategory, MeetingFormat
from meetings.forms.statistics import StatisticsFilterForm
from meetings.selectors.statistics import PERIODS, meeting_statistics


class MeetingStatisticsView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "meetings.view_meeting"
    template_name = "meetings/meeting_statistics.html"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        spec = context["stats"]["chart"]
        if request.GET.get("_export") in ("xlsx", "csv") and spec is not None:
            values = context["values"]
            return rows_export_response(
                request,
                rows=spec.dataset_rows(),
                title=str(spec.title),
                filename=f"meeting-statistics-{values['date_from']:%Y%m%d}-{values['date_to']:%Y%m%d}",
                export_format=request.GET["_export"],
            )
        context["chart"] = spec.render() if spec is not None else None
        return self.render_to_response(context)

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
            export_query=self.request.GET.urlencode(),
        )
        return context
