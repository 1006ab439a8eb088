"""django-filter FilterSets of outsourced property services 物业服务 and the campus: subclasses of
`bureau.filtersets.BureauFilterSet` (a free-text `q` on every one), reused by list pages,
exports and the API."""

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from property_services import rules
from property_services.choices import (
    BillingRunStatus,
    DeductionListStatus,
    FeeType,
    RepairCategory,
    RepairPriority,
    RepairStatus,
    ServiceType,
)
from property_services.models import (
    BillingRun,
    DeductionLine,
    DeductionList,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
    PenaltyClause,
    RepairTicket,
    ScoringItem,
    ServiceContract,
)


class MonthFilter(django_filters.CharFilter):
    """`?month=2026-11`: the rows of that month (a month that can't be read is reported and left out)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Month"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        try:
            month = rules.month_parse(value)
        except ValidationError:
            return qs.none()
        return qs.filter(**{self.field_name: month})


class FeeRateFilterSet(BureauFilterSet):
    search_fields = ("note__icontains",)
    fee_type = django_filters.ChoiceFilter(choices=FeeType.choices, label=_("fee type"))

    class Meta:
        model = FeeRate
        fields = ["q", "fee_type"]


class BillingRunFilterSet(BureauFilterSet):
    status = django_filters.ChoiceFilter(choices=BillingRunStatus.choices, label=_("status"))

    class Meta:
        model = BillingRun
        fields = ["q", "status"]


class FeeChargeFilterSet(BureauFilterSet):
    search_fields = ("department__code__istartswith",)
    month = MonthFilter(field_name="month")
    department = PickerFilter("bureau.department", label=_("department"))
    fee_type = django_filters.ChoiceFilter(choices=FeeType.choices, label=_("fee type"))

    class Meta:
        model = FeeCharge
        fields = ["q", "month", "department", "fee_type"]


class FeeAdjustmentFilterSet(BureauFilterSet):
    search_fields = ("reason__icontains", "department__code__istartswith")
    month = MonthFilter(field_name="month")
    department = PickerFilter("bureau.department", label=_("department"))

    class Meta:
        model = FeeAdjustment
        fields = ["q", "month", "department"]


class DeductionListFilterSet(BureauFilterSet):
    status = django_filters.ChoiceFilter(choices=DeductionListStatus.choices, label=_("status"))

    class Meta:
        model = DeductionList
        fields = ["q", "status"]


class DeductionLineFilterSet(BureauFilterSet):
    search_fields = ("department__code__istartswith",)
    month = MonthFilter(field_name="deduction_list__month")
    department = PickerFilter("bureau.department", label=_("department"))

    class Meta:
        model = DeductionLine
        fields = ["q", "month", "department"]


class ServiceContractFilterSet(BureauFilterSet):
    search_fields = ("title__icontains", "contractor__name__icontains")
    service_type = django_filters.ChoiceFilter(choices=ServiceType.choices, label=_("service type"))

    class Meta:
        model = ServiceContract
        fields = ["q", "service_type"]


class ScoringItemFilterSet(BureauFilterSet):
    search_fields = ("item__icontains",)
    contract = PickerFilter("property_services.service_contract", label=_("service contract"))

    class Meta:
        model = ScoringItem
        fields = ["q", "contract"]


class PenaltyClauseFilterSet(BureauFilterSet):
    search_fields = ("deficiency__icontains",)
    contract = PickerFilter("property_services.service_contract", label=_("service contract"))

    class Meta:
        model = PenaltyClause
        fields = ["q", "contract"]


class RepairTicketFilterSet(BureauFilterSet):
    search_fields = ("reporter_name__startswith", "location__startswith")
    status = django_filters.ChoiceFilter(label=_("status"), choices=RepairStatus.choices)
    category = django_filters.ChoiceFilter(label=_("category"), choices=RepairCategory.choices)
    priority = django_filters.ChoiceFilter(label=_("priority"), choices=RepairPriority.choices)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = RepairTicket
        fields = ["status", "category", "priority"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
