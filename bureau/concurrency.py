"""No lost updates: a form carries the version (`updated_at`) of the record it was opened on.

Saving values typed over a record that someone else changed since would silently undo their work,
so such a save is refused with who changed what and when; the form comes back with everything the
user typed and now carries the current version, so saving again is a deliberate choice.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

VERSION_FIELD = "version"
STALE_CODE = "stale_version"


def record_version(obj):
    """The version a form carries: the record's `updated_at`, exact to the microsecond."""
    updated_at = getattr(obj, "updated_at", None)
    return updated_at.isoformat() if updated_at else ""


def parse_version(value):
    try:
        return datetime.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _changes_since(obj, version):
    """(who, when, ["label: old → new"]) of the saves after `version`, from the record's history."""
    from bureau.history import HIDDEN_FIELDS, _display

    history = getattr(obj, "history", None)
    if history is None:
        return None, obj.updated_at, []
    records = history.order_by("history_date", "history_id")
    base = records.filter(updated_at__lte=version).last()
    newer = list(records.filter(updated_at__gt=version).select_related("history_user"))
    if not newer:
        return None, obj.updated_at, []
    latest = newer[-1]
    changes = []
    if base is not None:
        for change in latest.diff_against(base).changes:
            if change.field in HIDDEN_FIELDS:
                continue
            field = obj._meta.get_field(change.field)
            changes.append(f"{field.verbose_name}：{_display(field, change.old)} → {_display(field, change.new)}")
    people = []
    for record in newer:
        name = _person(record.history_user)
        if name not in people:
            people.append(name)
    return "、".join(people), latest.history_date, changes


def _person(user):
    from bureau.models import person_name

    return person_name(user) if user is not None else _("someone")


def stale_error(obj, version):
    """The ValidationError (code `stale_version`) to refuse a save made over `version`, or None when
    `obj` (freshly read) is still at that version."""
    version = parse_version(version) if isinstance(version, str) else version
    current = getattr(obj, "updated_at", None)
    if version is None or current is None or current == version:
        return None
    who, when, changes = _changes_since(obj, version)
    params = {
        "record": obj,
        "who": who or _("someone"),
        "when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M"),
        "changes": "；".join(changes) or _("no field shown here"),
    }
    return ValidationError(
        _(
            "“%(record)s” was changed by %(who)s at %(when)s after you opened it (%(changes)s). "
            "What you typed is kept below: check it against those changes and save again to keep yours."
        )
        % params,
        code=STALE_CODE,
    )


class VersionField(forms.CharField):
    """Hidden; never counts as a change the user made."""

    widget = forms.HiddenInput
    refuses_no_input = True  # bureau.forms.refuse_control_characters leaves it alone

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.validators = []  # a value that doesn't parse is no version, never an error on a hidden field

    def has_changed(self, initial, data):
        return False


class VersionedFormMixin:
    """A model form that refuses to save over a change made since it was opened.

    `clean()` compares the version the form was opened on with the record as read for this request;
    `check_version_locked()`, under a row lock inside the transaction that saves, refuses if the row
    moved on since this request read it.
    A form whose values equal the current record's is not refused: saving it loses nothing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and hasattr(self.instance, "updated_at"):
            self.fields[VERSION_FIELD] = VersionField(initial=record_version(self.instance))

    def clean(self):
        cleaned = super().clean()
        if VERSION_FIELD in self.fields and self.has_changed():
            error = stale_error(self.instance, cleaned.get(VERSION_FIELD))
            if error is not None:
                self.refuse_stale(error, self.instance)
        return cleaned

    def check_version_locked(self):
        """Under `select_for_update`: refuse (add the error, return False) if the row moved on."""
        if VERSION_FIELD not in self.fields or self.instance.pk is None:
            return True
        current = type(self.instance)._default_manager.select_for_update().get(pk=self.instance.pk)
        if current.updated_at == self.instance.updated_at:
            return True  # clean() judged the form against this very state
        error = stale_error(current, self.cleaned_data.get(VERSION_FIELD) or self.instance.updated_at)
        if error is None:
            return True
        self.refuse_stale(error, current)
        return False

    def refuse_stale(self, error, current):
        self.add_error(None, error)
        # Typed values stay; the version becomes the current one, so a second save is deliberate.
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = record_version(current)
