import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.tables import BureauTable
from bureau.templatetags.bureau_tags import yuan
from meetings.models import Meeting, PrintingOrder


class MeetingTable(BureauTable):
    title = tables.Column(linkify=True)
    host_department = tables.Column(verbose_name=_("host department"), accessor="host_department__short_name")
    start_at = tables.DateTimeColumn(format="Y-m-d H:i", orderable=True)
    venue = tables.Column(verbose_name=_("venue"), accessor="venue_label", orderable=False)
    people = tables.Column(verbose_name=_("participants"), accessor="people", orderable=False)

    class Meta(BureauTable.Meta):
        model = Meeting
        fields = ("title", "host_department", "category", "format", "start_at", "venue", "people", "status")
        order_by = ("-start_at",)


class PrintingOrderTable(BureauTable):
    document = tables.Column(linkify=True)
    meeting = tables.Column(linkify=True)
    due_at = tables.DateTimeColumn(format="Y-m-d H:i", orderable=True)
    total = tables.Column(verbose_name=_("total"), accessor="total", orderable=False)

    class Meta(BureauTable.Meta):
        model = PrintingOrder
        fields = ("document", "meeting", "pages", "copies", "unit_price", "total", "due_at", "status")

    def render_total(self, value):
        return yuan(value)
