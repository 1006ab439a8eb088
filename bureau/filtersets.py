"""FilterSets: a free-text `q` on every one (NetBox style), reused by pages, exports and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from bureau.choices import DepartmentKind, Rank, RoomUse
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile
from bureau.pickers import PickerFilter


class LeanSelect(forms.Select):
    """A <select> built in one pass of Python instead of one template render per option: a filter
    over 2,000 departments costs a few milliseconds instead of ~100 ms per page (DESIGN.md §11)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, " selected" if str(v) in chosen else "", label) for v, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class AnyYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice reads "any" (全部) rather than Django's "unknown" (未知)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]


class BureauFilterSet(django_filters.FilterSet):
    """`search_fields` are ORM lookups OR-ed together for `q`; prefer exact/prefix lookups on
    indexed columns for big tables (icontains scans the whole table)."""

    q = django_filters.CharFilter(method="search", label=_("Search"))
    search_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, django_filters.ModelChoiceFilter):
                filter_.extra.setdefault("widget", LeanSelect)
            if isinstance(filter_, django_filters.BooleanFilter):
                filter_.extra.setdefault("widget", AnyYesNoSelect)
            filter_.label = capfirst(filter_.label)  # model verbose names are lower case

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for lookup in self.search_fields:
            condition |= Q(**{lookup: value})
        return queryset.filter(condition)


class DepartmentFilterSet(BureauFilterSet):
    search_fields = ("name__icontains", "short_name__icontains", "code__istartswith")
    kind = django_filters.ChoiceFilter(choices=DepartmentKind.choices, label=_("kind"))
    active = django_filters.BooleanFilter(label=_("active"))
    parent = PickerFilter("bureau.department", label=_("parent department"))

    class Meta:
        model = Department
        fields = ["q", "kind", "active", "parent"]


class BuildingFilterSet(BureauFilterSet):
    search_fields = ("name__icontains", "code__istartswith", "address__icontains")

    class Meta:
        model = Building
        fields = ["q"]


class RoomFilterSet(BureauFilterSet):
    search_fields = ("number__istartswith", "name__icontains")
    building = PickerFilter("bureau.building", label=_("building"))
    use = django_filters.ChoiceFilter(choices=RoomUse.choices, label=_("use"))
    occupant = PickerFilter("bureau.department", method="filter_occupant", label=_("occupying department"))

    class Meta:
        model = Room
        fields = ["q", "building", "floor", "use", "active", "occupant"]

    def filter_occupant(self, queryset, name, value):
        return queryset.filter(pk__in=RoomOccupancy.objects.current().filter(department=value).values("room"))


class RoomOccupancyFilterSet(BureauFilterSet):
    search_fields = ("room__number__istartswith", "department__name__icontains")
    room__building = PickerFilter("bureau.building", field_name="room__building", label=_("building"))
    department = PickerFilter("bureau.department", label=_("department"))
    current = django_filters.BooleanFilter(method="filter_current", label=_("current"))

    class Meta:
        model = RoomOccupancy
        fields = ["q", "room__building", "department", "current"]

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        current = RoomOccupancy.objects.current().values("pk")
        return queryset.filter(pk__in=current) if value else queryset.exclude(pk__in=current)


class StaffProfileFilterSet(BureauFilterSet):
    # Names are stored surname + given name: "王" finds every 王, "王会" the 王会… (both prefix lookups).
    department = PickerFilter("bureau.department", label=_("department"))
    rank = django_filters.ChoiceFilter(choices=Rank.choices, label=_("rank"))
    rank_missing = django_filters.BooleanFilter(method="filter_rank_missing", label=_("rank not recorded"))

    class Meta:
        model = StaffProfile
        fields = ["q", "department", "rank", "rank_missing"]

    def search(self, queryset, name, value):
        value = "".join(value.split())
        if not value:
            return queryset
        condition = Q(user__last_name__startswith=value) | Q(title__contains=value)
        if len(value) > 1:
            condition |= Q(user__last_name=value[:1], user__first_name__startswith=value[1:])
            condition |= Q(user__last_name=value[:2], user__first_name__startswith=value[2:])
        return queryset.filter(condition)

    def filter_rank_missing(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(rank="") if value else queryset.exclude(rank="")
