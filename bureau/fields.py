"""Model fields whose values are plausible by construction.

A date in year 1 or 9999, a protocol order of 2147483648: a form refuses them with a message on the
field (the field's validators run in every model form), and the database refuses them too: the
field adds a named CheckConstraint to its model, so `makemigrations` writes it (AddConstraint, on
PostgreSQL and SQLite alike) and a new model gets it by using the field. (A field's `db_check()`
would not do: the schema editor compares only the built-in types' checks when a field's class
changes, so AlterField on PostgreSQL would drop PositiveIntegerField's check and add none.)

    due_at = PlausibleDateTimeField(_("due at"))
    protocol_order = BoundedIntegerField(_("protocol order"), min_value=1, max_value=9999)

The date range comes from settings (BUREAU_DATE_MIN, BUREAU_DATE_MAX), read when a form validates;
the database constraint holds the range in force when its migration was made (a wider range in
settings needs a migration; the constraint's message then names the rule).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# What a PostgreSQL `integer` column holds (SQLite holds more; the check keeps both alike).
INT_MAX = 2_147_483_647


def _local_day(value):
    """The calendar day a date or datetime falls on in the portal's time zone, or None if unreadable."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            try:
                value = timezone.localtime(value)
            except (OverflowError, ValueError):
                return None
        return value.date()
    return value


@deconstructible
class PlausibleDateValidator:
    """The value must fall between settings.BUREAU_DATE_MIN and BUREAU_DATE_MAX (inclusive)."""

    code = "implausible_date"

    def __call__(self, value):
        if value is None:
            return
        day = _local_day(value)
        if day is None or not settings.BUREAU_DATE_MIN <= day <= settings.BUREAU_DATE_MAX:
            raise ValidationError(date_range_message(), code=self.code)

    def __eq__(self, other):
        return isinstance(other, PlausibleDateValidator)

    def __hash__(self):
        return hash(PlausibleDateValidator)


def date_range_message():
    """In the user's language when shown (lazy): constraint messages are built once, at start-up."""
    low, high = settings.BUREAU_DATE_MIN, settings.BUREAU_DATE_MAX
    return format_lazy(_("Enter a date between {min} and {max}."), min=low.isoformat(), max=high.isoformat())


class _CheckedFieldMixin:
    """Adds the field's CheckConstraint (`range_condition()`) to every concrete model that uses it."""

    constraint_suffix = "range"

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        if cls._meta.abstract:
            return  # each concrete model gets its own copy of the field, which adds its own constraint
        if cls.__module__ == "__fake__":
            # A model rendered from migration state has exactly the constraints its migrations added;
            # adding ours here would make CreateModel create it before the migration's AddConstraint.
            return
        constraint_name = f"{cls._meta.model_name}_{name}_{self.constraint_suffix}"
        if any(constraint.name == constraint_name for constraint in cls._meta.constraints):
            return  # a model rebuilt from its migrations already has it
        constraint = models.CheckConstraint(
            condition=self.range_condition(name),
            name=constraint_name,
            violation_error_message=self.range_message(),
        )
        # A new list: Meta.constraints may be shared with a parent class.
        cls._meta.constraints = [*cls._meta.constraints, constraint]
        cls._meta.original_attrs["constraints"] = cls._meta.constraints


class PlausibleDateField(_CheckedFieldMixin, models.DateField):
    """A DateField limited to the bureau's plausible range, in forms and in the database."""

    constraint_suffix = "plausible"

    @property
    def validators(self):
        return [*super().validators, PlausibleDateValidator()]

    def range_condition(self, name):
        return Q(**{f"{name}__gte": settings.BUREAU_DATE_MIN, f"{name}__lte": settings.BUREAU_DATE_MAX})

    def range_message(self):
        return date_range_message()

    def formfield(self, **kwargs):
        # On the form field too, so that the form's clean() never sees a date in year 1.
        field = super().formfield(**{"validators": [PlausibleDateValidator()], **kwargs})
        field.widget.attrs.setdefault("min", settings.BUREAU_DATE_MIN.isoformat())
        field.widget.attrs.setdefault("max", settings.BUREAU_DATE_MAX.isoformat())
        return field


class PlausibleDateTimeField(_CheckedFieldMixin, models.DateTimeField):
    """A DateTimeField limited to the bureau's plausible range, in forms and in the database.

    The database bound is an instant in UTC with a day's margin on either side (the form's bound
    is a calendar day in the portal's time zone): PostgreSQL compares it as timestamptz whatever
    the session's time zone, SQLite as the UTC text it stores.
    """

    constraint_suffix = "plausible"

    @property
    def validators(self):
        return [*super().validators, PlausibleDateValidator()]

    def formfield(self, **kwargs):
        # On the form field too, so that the form's clean() never sees a time in year 1.
        return super().formfield(**{"validators": [PlausibleDateValidator()], **kwargs})

    def range_condition(self, name):
        utc = datetime.UTC
        low = datetime.datetime.combine(settings.BUREAU_DATE_MIN - datetime.timedelta(days=1), datetime.time(), utc)
        high = datetime.datetime.combine(settings.BUREAU_DATE_MAX + datetime.timedelta(days=2), datetime.time(), utc)
        return Q(**{f"{name}__gte": low, f"{name}__lt": high})

    def range_message(self):
        return date_range_message()


class BoundedIntegerField(_CheckedFieldMixin, models.IntegerField):
    """An integer between `min_value` and `max_value`: what the business allows, within what the
    column holds. Checked by the form (on the field, with the bound in the message) and the database.
    """

    def __init__(self, *args, min_value=0, max_value=INT_MAX, **kwargs):
        if not -INT_MAX - 1 <= min_value <= max_value <= INT_MAX:
            raise ValueError("BoundedIntegerField bounds must lie within a 32-bit integer.")
        self.min_value, self.max_value = min_value, max_value
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(min_value=self.min_value, max_value=self.max_value)
        return name, path, args, kwargs

    @property
    def validators(self):
        # IntegerField's own range validators are the backend's; these are narrower.
        own = [v for v in super().validators if not isinstance(v, (MinValueValidator, MaxValueValidator))]
        message = self.range_message()
        return [*own, MinValueValidator(self.min_value, message), MaxValueValidator(self.max_value, message)]

    def range_condition(self, name):
        return Q(**{f"{name}__gte": self.min_value, f"{name}__lte": self.max_value})

    def range_message(self):
        return format_lazy(_("Enter a whole number from {min} to {max}."), min=self.min_value, max=self.max_value)

    def formfield(self, **kwargs):
        message = self.range_message()  # one message naming both bounds, whichever is crossed
        error_messages = {"min_value": message, "max_value": message, **kwargs.pop("error_messages", {})}
        return super().formfield(
            **{"min_value": self.min_value, "max_value": self.max_value, "error_messages": error_messages, **kwargs}
        )
