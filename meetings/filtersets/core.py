import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from meetings.choices import MeetingCategory, MeetingFormat, MeetingStatus, PrintingStatus
from meetings.models import Meeting, PrintingOrder

DATE = forms.DateInput(attrs={"type": "date"})


class MeetingFilterSet(BureauFilterSet):
    search_fields = ("title__icontains", "venue_name__icontains")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label=_("status"))
    category = django_filters.ChoiceFilter(choices=MeetingCategory.choices, label=_("category"))
    format = django_filters.ChoiceFilter(choices=MeetingFormat.choices, label=_("format"))
    host_department = PickerFilter("bureau.department", label=_("host department"))
    start_from = django_filters.DateFilter(
        field_name="start_at", lookup_expr="date__gte", label=_("starts on or after"), widget=DATE
    )
    start_to = django_filters.DateFilter(
        field_name="start_at", lookup_expr="date__lte", label=_("starts on or before"), widget=DATE
    )
    is_county_wide = django_filters.BooleanFilter(label=_("county-wide meeting"))

    class Meta:
        model = Meeting
        fields = ["q", "status", "category", "format", "host_department", "start_from", "start_to", "is_county_wide"]


class PrintingOrderFilterSet(BureauFilterSet):
    search_fields = ("document__icontains", "meeting__title__icontains")
    status = django_filters.ChoiceFilter(choices=PrintingStatus.choices, label=_("status"))
    due_from = django_filters.DateFilter(
        field_name="due_at", lookup_expr="date__gte", label=_("due on or after"), widget=DATE
    )
    due_to = django_filters.DateFilter(
        field_name="due_at", lookup_expr="date__lte", label=_("due on or before"), widget=DATE
    )

    class Meta:
        model = PrintingOrder
        fields = ["q", "status", "due_from", "due_to"]
