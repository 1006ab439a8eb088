"""Filtersets of the attendee register and the procedure templates."""

import django_filters
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from meetings.choices import AttendanceStatus, ProcedurePhase
from meetings.models import Attendee, ProcedureTemplate


class AttendeeFilterSet(BureauFilterSet):
    search_fields = ("name__istartswith", "organisation__icontains", "meeting__title__icontains")
    status = django_filters.ChoiceFilter(choices=AttendanceStatus.choices, label=_("attendance"))
    department = PickerFilter("bureau.department", label=_("department"))

    class Meta:
        model = Attendee
        fields = ["q", "status", "department", "is_late"]


class ProcedureTemplateFilterSet(BureauFilterSet):
    search_fields = ("name__icontains",)
    phase = django_filters.ChoiceFilter(choices=ProcedurePhase.choices, label=_("phase"))

    class Meta:
        model = ProcedureTemplate
        fields = ["q", "phase", "active"]
