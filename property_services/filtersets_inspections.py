"""FilterSets of the inspections and the monthly assessment."""

import django_filters
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from property_services.choices_inspections import (
    AssessmentStatus,
    InspectionKind,
    InspectionStatus,
    RectificationStatus,
)
from property_services.filtersets import MonthFilter
from property_services.models import Finding, Inspection, MonthlyAssessment, Penalty, Rectification


class InspectionFilterSet(BureauFilterSet):
    search_fields = ("place__startswith",)
    contract = PickerFilter("property_services.service_contract", label=_("service contract"))
    kind = django_filters.ChoiceFilter(choices=InspectionKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=InspectionStatus.choices, label=_("status"))

    class Meta:
        model = Inspection
        fields = ["q", "contract", "kind", "status"]


class FindingFilterSet(BureauFilterSet):
    search_fields = ("description__icontains",)

    class Meta:
        model = Finding
        fields = ["q"]


class RectificationFilterSet(BureauFilterSet):
    contract = PickerFilter("property_services.service_contract", label=_("service contract"))
    status = django_filters.ChoiceFilter(choices=RectificationStatus.choices, label=_("status"))

    class Meta:
        model = Rectification
        fields = ["q", "contract", "status"]


class PenaltyFilterSet(BureauFilterSet):
    search_fields = ("reason__icontains",)
    month = MonthFilter(field_name="month")
    contract = PickerFilter("property_services.service_contract", label=_("service contract"))

    class Meta:
        model = Penalty
        fields = ["q", "month", "contract"]


class MonthlyAssessmentFilterSet(BureauFilterSet):
    month = MonthFilter(field_name="month")
    contract = PickerFilter("property_services.service_contract", label=_("service contract"))
    status = django_filters.ChoiceFilter(choices=AssessmentStatus.choices, label=_("status"))

    class Meta:
        model = MonthlyAssessment
        fields = ["q", "month", "contract", "status"]
