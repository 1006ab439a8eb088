"""Change history for detail pages, from django-simple-history records."""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history import models as simple_history_models

from bureau.names import person_name

HISTORY_TYPES = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
HIDDEN_FIELDS = {"updated_at", "created_at"}


def _display(field, value):
    """A recorded value as the pages show it: a choice's label, a related row's name (a person's by
    name, never by login), a time in the portal's time zone (the history stores UTC)."""
    if value is None or value == "":
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(field, models.ForeignKey):
        obj = field.related_model._default_manager.filter(pk=value).first()
        if obj is None:
            return f"#{value}"
        return person_name(obj) if isinstance(obj, AbstractBaseUser) else str(obj)
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "Y-m-d H:i")
    return str(value)


def history_entries(obj, limit=200):
    """Newest first: [{when, who, type, reason, changes: [(label, old, new)]}]."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                try:
                    field = obj._meta.get_field(change.field)
                except FieldDoesNotExist:
                    continue
                changes.append((field.verbose_name, _display(field, change.old), _display(field, change.new)))
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "type": HISTORY_TYPES.get(record.history_type, record.history_type),
                "reason": record.history_change_reason,
                "changes": changes,
            }
        )
    return entries


class HistoricalRecords(simple_history_models.HistoricalRecords):
    """The library's HistoricalRecords with `history_user` PROTECT instead of SET_NULL: who made a
    change stays on the record, so a user who appears in any history is deactivated, not deleted
    (the ORM refuses with ProtectedError, the database's foreign key refuses a plain SQL DELETE)."""

    def _get_history_user_fields(self):
        fields = super()._get_history_user_fields()
        if isinstance(fields.get("history_user"), models.ForeignKey):
            fields["history_user"].remote_field.on_delete = models.PROTECT
        return fields


def appears_in_history(user):
    """Whether `user` made any recorded change: such a user stays, deactivated, never deleted."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "history_user"), None)
        if (
            field is not None
            and field.related_model is user_model
            and model._default_manager.filter(history_user=user).exists()
        ):
            return True
    return False


def record_seeded_creation(apps, app_label, model_name, rows, reason):
    """For a data migration: each seeded row gets its creation history row, as a save would have
    written (no user: the migration made it)."""
    historical = apps.get_model(app_label, f"Historical{model_name}")
    model = apps.get_model(app_label, model_name)
    names = [field.attname for field in model._meta.concrete_fields]
    now = timezone.now()
    # history: these rows are the history itself
    historical.objects.bulk_create(
        historical(
            **{name: getattr(row, name) for name in names},
            history_date=now,
            history_type="+",
            history_change_reason=reason[:100],
        )
        for row in rows
    )
