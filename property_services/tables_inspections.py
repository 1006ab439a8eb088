"""Tables of the inspections and the monthly assessment."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.tables import BureauTable
from property_services.models import Finding, Inspection, InspectionScore, MonthlyAssessment, Penalty, Rectification
from property_services.tables import MonthColumn


class InspectionTable(BureauTable):
    date = tables.Column(linkify=True)
    contract = tables.Column()

    class Meta(BureauTable.Meta):
        model = Inspection
        fields = ("date", "contract", "kind", "place", "status", "score", "draw_seed")


class InspectionScoreTable(BureauTable):
    scoring_item = tables.Column()

    class Meta(BureauTable.Meta):
        model = InspectionScore
        fields = ("scoring_item", "points", "passed")


class FindingTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    inspection = tables.Column()
    scoring_item = tables.Column()

    class Meta(BureauTable.Meta):
        model = Finding
        fields = ("id", "inspection", "scoring_item", "description")


class RectificationTable(BureauTable):
    number = tables.Column(verbose_name=_("number"), accessor="pk", linkify=lambda record: record.get_absolute_url())
    contract = tables.Column()

    class Meta(BureauTable.Meta):
        model = Rectification
        fields = ("number", "issued_on", "contract", "deadline", "status", "rechecks")

    def render_number(self, record):
        return record.number


class PenaltyTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#")
    month = MonthColumn()
    contract = tables.Column()
    clause = tables.Column()
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = Penalty
        fields = ("id", "month", "contract", "clause", "amount", "reason", "voided_at")


class MonthlyAssessmentTable(BureauTable):
    month = MonthColumn(linkify=True)
    contract = tables.Column()

    class Meta(BureauTable.Meta):
        model = MonthlyAssessment
        fields = ("month", "contract", "inspections", "score", "penalties", "payable", "status")
