"""The audit log's and the sessions' tables."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from bureau.masking import mask_phone
from bureau.models_security import AuditEntry, UserSession
from bureau.tables import BureauTable


class AuditEntryTable(BureauTable):
    at = tables.DateTimeColumn(format="Y-m-d H:i:s")

    class Meta(BureauTable.Meta):
        model = AuditEntry
        fields = ("at", "username", "address", "action", "target", "detail", "outcome")
        order_by = ("-at",)


class UserSessionTable(BureauTable):
    started_at = tables.DateTimeColumn(format="Y-m-d H:i:s")
    end = tables.LinkColumn(
        "bureau:user_sessions_end",
        args=[tables.A("user_id")],
        text=_("End this user's sessions"),
        orderable=False,
        verbose_name="",
    )

    class Meta(BureauTable.Meta):
        model = UserSession
        fields = ("user", "address", "user_agent", "started_at", "end")
        order_by = ("-started_at",)


class MaskedPhoneColumn(tables.Column):
    """A phone number masked on the page and in every export of the table (138****5678); the full
    number is printed only on the documents made for those who need it (audited as exports)."""

    def render(self, value):
        return mask_phone(value)

    def value(self, value):
        return mask_phone(value)
