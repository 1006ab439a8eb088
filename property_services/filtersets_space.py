"""FilterSets of office space (办公用房) and campus conduct (文明公约)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bureau.choices import Rank
from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from property_services.choices_space import ConductRuleKind
from property_services.models import ConductRule, ConductViolation, OfficeAssignment, OfficeStandard


class OfficeStandardFilterSet(BureauFilterSet):
    search_fields = ("source__contains",)
    rank = django_filters.ChoiceFilter(choices=Rank.choices, label=_("rank"))

    class Meta:
        model = OfficeStandard
        fields = ["q", "rank"]


class OfficeAssignmentFilterSet(BureauFilterSet):
    room = PickerFilter("bureau.room", label=_("office"))
    department = PickerFilter("bureau.department", field_name="person__department", label=_("department"))
    current = django_filters.BooleanFilter(method="filter_current", label=_("current"))

    class Meta:
        model = OfficeAssignment
        fields = ["q", "room", "department", "current"]

    def search(self, queryset, name, value):
        value = "".join(value.split())
        if not value:
            return queryset
        condition = Q(person__user__last_name__startswith=value) | Q(room__number__startswith=value)
        if len(value) > 1:
            condition |= Q(person__user__last_name=value[:1], person__user__first_name__startswith=value[1:])
        return queryset.filter(condition)

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        current = Q(voided_at=None, end_date=None)
        return queryset.filter(current) if value else queryset.exclude(current)


class ConductRuleFilterSet(BureauFilterSet):
    search_fields = ("text__contains",)
    kind = django_filters.ChoiceFilter(choices=ConductRuleKind.choices, label=_("kind"))
    active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = ConductRule
        fields = ["q", "kind", "active"]


class ConductViolationFilterSet(BureauFilterSet):
    search_fields = ("place__startswith", "description__contains")
    department = PickerFilter("bureau.department", label=_("department"))
    rule = PickerFilter("property_services.conduct_rule", label=_("rule"))
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"))
    voided = django_filters.BooleanFilter(field_name="voided_at", lookup_expr="isnull", exclude=True, label=_("voided"))

    class Meta:
        model = ConductViolation
        fields = ["q", "department", "rule", "date_after", "date_before", "voided"]
