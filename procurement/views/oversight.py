"""The overdue clocks, the risk flags, the savings statistics and the OCDS export."""

import datetime
import json

from django.http import HttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from bureau.audit import audit_export
from bureau.roles import Role
from bureau.views.generic import report_ignored_parameters
from bureau.views.pages import RoleRequiredMixin
from procurement.forms.oversight import PeriodForm, StatisticsForm
from procurement.models import Batch, Contract
from procurement.selectors.ocds import batches_of_period, ocds_release_package
from procurement.selectors.overdue import overdue_clocks
from procurement.selectors.risk import risk_hits
from procurement.selectors.savings import GROUPS, counted_contracts, headline, savings_by

CENTRE = (Role.PROCUREMENT_CENTRE, Role.LEADERSHIP, Role.FINANCE)
STATISTICS = (*CENTRE, Role.DEPARTMENT_HEADS)


def period_from(request, form_class=PeriodForm):
    """(form, date_from, date_to, cleaned): this year by default; `year` or the dates narrow it."""
    today = timezone.localdate()
    form = form_class(request.GET or None)
    cleaned = {}
    if form.is_bound:
        if form.is_valid():
            cleaned = form.cleaned_data
        else:
            report_ignored_parameters(request, form)
            cleaned = dict(getattr(form, "cleaned_data", {}))
    year = cleaned.get("year") or today.year
    date_from = cleaned.get("date_from") or datetime.date(year, 1, 1)
    date_to = cleaned.get("date_to") or datetime.date(year, 12, 31)
    return form, date_from, date_to, cleaned


class OverdueView(RoleRequiredMixin, TemplateView):
    roles = CENTRE
    template_name = "procurement/overdue.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "clocks": overdue_clocks()}


class RiskFlagView(RoleRequiredMixin, TemplateView):
    roles = CENTRE
    template_name = "procurement/risk_flags.html"

    def get_context_data(self, **kwargs):
        form, date_from, date_to, _cleaned = period_from(self.request)
        hits = risk_hits(date_from=date_from, date_to=date_to)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "date_from": date_from,
            "date_to": date_to,
            "hits": [(rule, found[:200], len(found)) for rule, found in hits.items()],
        }


class StatisticsView(RoleRequiredMixin, TemplateView):
    roles = STATISTICS
    template_name = "procurement/statistics.html"

    def get_context_data(self, **kwargs):
        form, date_from, date_to, cleaned = period_from(self.request, StatisticsForm)
        group = cleaned.get("group") or "period"
        period = cleaned.get("period") or "month"
        contracts = Contract.objects.for_user(self.request.user)
        counted = counted_contracts(date_from=date_from, date_to=date_to, contracts=contracts)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "date_from": date_from,
            "date_to": date_to,
            "headline": headline(date_from=date_from, date_to=date_to, contracts=contracts),
            "group_label": GROUPS[group],
            "rows": savings_by(counted, group, period=period)[:500],
        }


class OcdsExportView(RoleRequiredMixin, View):
    """?batch=<id> for one batch, else the period's batches (?year= or ?date_from=&date_to=)."""

    roles = CENTRE

    def get(self, request):
        return ocds_response(request, internal=True)


def ocds_response(request, *, internal):
    batch_id = request.GET.get("batch", "")
    if batch_id.isdigit():
        batches = Batch.objects.filter(pk=int(batch_id))
        name = f"ocds-batch-{batch_id}.json"
    else:
        _form, date_from, date_to, _cleaned = period_from(request)
        batches = batches_of_period(date_from=date_from, date_to=date_to)
        name = f"ocds-{date_from:%Y%m%d}-{date_to:%Y%m%d}.json"
    if not internal:
        batches = batches.exclude(status__in=("initiated",))
    package = ocds_release_package(batches, uri=request.build_absolute_uri())
    if internal:
        audit_export(request, target="procurement.ocds", detail=f"{len(package['releases'])} releases")
    response = HttpResponse(
        json.dumps(package, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    if internal:
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    # the public feed is read where it stands (stable URL, no login): not a download, not audited
    return response
