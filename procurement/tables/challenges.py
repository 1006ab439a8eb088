import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from bureau.tables import BureauTable
from procurement.models import Challenge
from procurement.selectors.clocks import ClockBook


class ChallengeTable(BureauTable):
    received_on = tables.Column(orderable=True, linkify=True)
    batch = tables.Column()
    supplier = tables.Column()
    reply_due = tables.Column(verbose_name=_("reply due"), accessor="received_on", empty_values=())

    class Meta(BureauTable.Meta):
        model = Challenge
        fields = ("received_on", "batch", "supplier", "subject", "status", "reply_due", "outcome")
        order_by = ("-received_on",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.book = ClockBook()  # the rules and the calendar, read once for the page

    def render_reply_due(self, record):
        clock = self.book.clock("challenge_reply", record.received_on, record.replied_on, subject=record)
        return render_to_string("procurement/_clock.html", {"clock": clock})
