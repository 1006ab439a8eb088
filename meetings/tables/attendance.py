"""Tables and filtersets of the attendee register and the procedure templates."""

import django_filters
import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from bureau.tables import BureauTable
from meetings.choices import AttendanceStatus, ProcedurePhase
from meetings.models import Attendee, ProcedureTemplate


class AttendeeTable(BureauTable):
    name = tables.Column(linkify=True)
    meeting = tables.Column(linkify=lambda record: _meeting_attendance_url(record))
    seat = tables.Column(verbose_name=_("seat"), accessor="seat_label", orderable=False)

    class Meta(BureauTable.Meta):
        model = Attendee
        fields = ("name", "department", "organisation", "title", "meeting", "protocol_order", "seat", "status")


def _meeting_attendance_url(record):
    from django.urls import reverse

    return reverse("meetings:meeting_attendance", args=[record.meeting_id])


class AttendeeFilterSet(BureauFilterSet):
    search_fields = ("name__istartswith", "organisation__icontains", "meeting__title__icontains")
    status = django_filters.ChoiceFilter(choices=AttendanceStatus.choices, label=_("attendance"))
    department = PickerFilter("bureau.department", label=_("department"))

    class Meta:
        model = Attendee
        fields = ["q", "status", "department", "is_late"]


class ProcedureTemplateTable(BureauTable):
    name = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = ProcedureTemplate
        fields = ("phase", "order", "name", "description", "due_offset_hours", "active")


class ProcedureTemplateFilterSet(BureauFilterSet):
    search_fields = ("name__icontains",)
    phase = django_filters.ChoiceFilter(choices=ProcedurePhase.choices, label=_("phase"))

    class Meta:
        model = ProcedureTemplate
        fields = ["q", "phase", "active"]
