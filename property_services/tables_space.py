"""Tables of office space (办公用房) and campus conduct (文明公约)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.models import person_name
from bureau.tables import BureauTable
from property_services.models import ConductRule, ConductViolation, OfficeAssignment, OfficeStandard


class OfficeStandardTable(BureauTable):
    rank = tables.Column(linkify=True)
    valid_from = tables.Column(orderable=True)

    class Meta(BureauTable.Meta):
        model = OfficeStandard
        fields = ("rank", "area_per_person", "valid_from", "source")
        order_by = ("-valid_from",)


class OfficeAssignmentTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    person = tables.Column()
    department = tables.Column(verbose_name=_("department"), accessor="person__department")
    rank = tables.Column(verbose_name=_("rank"), accessor="person__rank")
    room = tables.Column()
    start_date = tables.Column(orderable=True)
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = OfficeAssignment
        fields = ("id", "person", "department", "rank", "room", "start_date", "end_date", "note", "voided_at")
        order_by = ("-start_date", "-id")

    def render_person(self, record):
        return person_name(record.person.user)

    def value_person(self, record):
        return person_name(record.person.user)


class ConductRuleTable(BureauTable):
    number = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = ConductRule
        fields = ("kind", "number", "text", "active")


class ConductViolationTable(BureauTable):
    date = tables.Column(linkify=True, orderable=True)
    department = tables.Column()
    rule = tables.Column()
    recorded_by = tables.Column()
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = ConductViolation
        fields = ("date", "department", "rule", "place", "description", "recorded_by", "voided_at")
        order_by = ("-date", "-id")

    def render_recorded_by(self, value):
        return person_name(value)

    def value_recorded_by(self, value):
        return person_name(value)
