"""django-tables2 tables. `BureauTable` gives every table a linked first column and sane defaults."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.models import Building, Department, Room, RoomOccupancy


class BureauTable(tables.Table):
    class Meta:
        template_name = "django_tables2/bootstrap5.html"
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No records match.")


class DepartmentTable(BureauTable):
    name = tables.Column(linkify=True)
    parent = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = Department
        fields = ("code", "name", "short_name", "kind", "parent", "head", "active")
        order_by = ("sort_order",)


class BuildingTable(BureauTable):
    name = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = Building
        fields = ("code", "name", "address", "floors")


class RoomTable(BureauTable):
    number = tables.Column(linkify=True)
    building = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = Room
        fields = ("building", "floor", "number", "name", "use", "area", "capacity", "active")


class RoomOccupancyTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    room = tables.Column(linkify=True)
    department = tables.Column(linkify=True)
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = RoomOccupancy
        fields = ("id", "room", "department", "start_date", "end_date", "note", "voided_at")
