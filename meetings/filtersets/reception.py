"""Filters for the reception and letter lists (a free-text `q` on each)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from meetings.choices import ReceptionStatus
from meetings.models.reception import OfficialLetter, Reception


class ReceptionFilterSet(BureauFilterSet):
    search_fields = ("visiting_unit__icontains", "letter__number__istartswith", "guests__name__istartswith")
    status = django_filters.ChoiceFilter(choices=ReceptionStatus.choices, label=_("status"))
    host_department = PickerFilter("bureau.department", label=pgettext_lazy("reception", "host department"))
    arrival_from = django_filters.DateFilter(field_name="arrival_date", lookup_expr="gte", label=_("arriving from"))
    arrival_to = django_filters.DateFilter(field_name="arrival_date", lookup_expr="lte", label=_("arriving until"))

    class Meta:
        model = Reception
        fields = ["q", "status", "host_department", "arrival_from", "arrival_to"]

    def search(self, queryset, name, value):
        return super().search(queryset, name, value).distinct()


class OfficialLetterFilterSet(BureauFilterSet):
    search_fields = ("number__istartswith", "sending_unit__icontains", "subject__icontains")
    receiving_department = PickerFilter("bureau.department", label=_("addressed to"))

    class Meta:
        model = OfficialLetter
        fields = ["q", "receiving_department"]
