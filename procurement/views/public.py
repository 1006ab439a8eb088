"""The public pages of the procurement centre (no login): intentions, announcements, awards,
contracts, the year's figures and the OCDS export. Only what the law publishes: no internal notes,
no bad-conduct records, no bank accounts or contacts."""

import datetime

from django.utils import timezone
from django.views import View
from django.views.generic import ListView, TemplateView

from procurement.choices import BatchStatus, ContractStatus, RequestStatus
from procurement.models import Award, Batch, Contract, ProcurementRequest
from procurement.selectors.savings import headline
from procurement.views.oversight import ocds_response

PAGE = 50


class PublicListView(ListView):
    paginate_by = PAGE
    template_name = "procurement/public_list.html"
    kind = ""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kind": self.kind}


class IntentionListView(PublicListView):
    kind = "intentions"

    def get_queryset(self):
        return (
            ProcurementRequest.objects.filter(intention_published_on__isnull=False)
            .exclude(status__in=(RequestStatus.DRAFT, RequestStatus.CANCELLED))
            .select_related("purchasing_department")
            .only(
                "item",
                "category",
                "budget",
                "quantity",
                "unit",
                "planned_start",
                "intention_published_on",
                "purchasing_department__name",
            )
            .order_by("-intention_published_on", "-id")
        )


class AnnouncementListView(PublicListView):
    kind = "announcements"

    def get_queryset(self):
        return (
            Batch.objects.filter(announced_on__isnull=False)
            .exclude(status=BatchStatus.INITIATED)
            .only("number", "title", "method", "status", "announced_on", "opening_at")
            .order_by("-announced_on", "-id")
        )


class AwardListView(PublicListView):
    kind = "awards"

    def get_queryset(self):
        return (
            Award.objects.filter(voided_at__isnull=True, lot__batch__award_notice_on__isnull=False)
            .select_related("lot__batch", "supplier")
            .only(
                "amount",
                "lot__number",
                "lot__name",
                "lot__batch__number",
                "lot__batch__title",
                "lot__batch__award_notice_on",
                "supplier__name",
            )
            .order_by("-lot__batch__award_notice_on", "-id")
        )


class ContractListView(PublicListView):
    kind = "contracts"

    def get_queryset(self):
        return (
            Contract.objects.filter(voided_at__isnull=True, published_on__isnull=False)
            .exclude(status=ContractStatus.VOIDED)
            .select_related("purchasing_department", "supplier")
            .only(
                "number",
                "title",
                "amount",
                "signed_on",
                "published_on",
                "purchasing_department__name",
                "supplier__name",
            )
            .order_by("-published_on", "-id")
        )


class FiguresView(TemplateView):
    template_name = "procurement/public_figures.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        raw = self.request.GET.get("year", "")
        year = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2099 else today.year
        figures = headline(date_from=datetime.date(year, 1, 1), date_to=datetime.date(year, 12, 31))
        return {**super().get_context_data(**kwargs), "year": year, "figures": figures}


class OcdsView(View):
    def get(self, request):
        return ocds_response(request, internal=False)
