"""Tables for official receptions and letters."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.tables import BureauTable
from bureau.tables_security import MaskedPhoneColumn
from meetings.models.reception import (
    OfficialLetter,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
)


class ReceptionTable(BureauTable):
    visiting_unit = tables.Column(linkify=True)
    letter = tables.Column(linkify=True)
    host_department = tables.Column()
    arrival_date = tables.Column(orderable=True)

    class Meta(BureauTable.Meta):
        model = Reception
        fields = (
            "visiting_unit",
            "host_department",
            "letter",
            "arrival_date",
            "departure_date",
            "guest_count",
            "status",
        )
        order_by = ("-arrival_date",)


class OfficialLetterTable(BureauTable):
    number = tables.Column(linkify=True)
    date = tables.Column(orderable=True)
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = OfficialLetter
        fields = ("number", "sending_unit", "receiving_department", "date", "subject", "voided_at")
        order_by = ("-date",)


class ReceptionGuestTable(BureauTable):
    phone = MaskedPhoneColumn()

    class Meta(BureauTable.Meta):
        model = ReceptionGuest
        fields = ("protocol_order", "name", "title", "unit", "phone")
        orderable = False


class ReceptionEscortTable(BureauTable):
    phone = MaskedPhoneColumn()

    class Meta(BureauTable.Meta):
        model = ReceptionEscort
        fields = ("name", "title", "unit", "phone")
        orderable = False


class ReceptionMealTable(BureauTable):
    class Meta(BureauTable.Meta):
        model = ReceptionMeal
        fields = ("date", "kind", "place", "guests", "escorts", "standard_per_person", "amount")
        orderable = False


class TourStopTable(BureauTable):
    class Meta(BureauTable.Meta):
        model = TourStop
        fields = ("date", "start_time", "end_time", "place", "guide", "notes")
        orderable = False
