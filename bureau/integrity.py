"""Database constraint violations as messages on the field they concern, written once.

The map from constraint name to (field, message) is built from every model's declared constraints
(`violation_error_message` names the rule in the user's language; the field is the one the
condition names first, or the unique constraint's last field), plus constraints written in SQL
(exclusion constraints, SQLite triggers) that their app registers with `register_sql_constraint`.

Used where a constraint can be hit:
- model forms (BureauModelForm): Django's own constraint validation comes back on the field, not
  above the form as 「约束 “…” 是无效的」;
- the generic edit view and services that catch IntegrityError (a concurrent write passed the
  form's checks): `integrity_error_as_validation_error(exc)` names the rule on its field.
"""

import functools
import re

from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

_SQL_CONSTRAINTS = {}  # name → (field or None, message)
_FIELD_OVERRIDES = {}  # name → field, where the condition's first field is not the one to blame

GENERIC_MESSAGE = _("This record breaks a rule of the database; check the values and save again.")


def register_sql_constraint(name, *, field=None, message):
    """A constraint the models don't declare (written in a migration's SQL): its field and message."""
    _SQL_CONSTRAINTS[name] = (field, message)
    constraint_rules.cache_clear()


def register_constraint_field(name, field):
    """Put a declared constraint's message on `field` instead of the condition's first field."""
    _FIELD_OVERRIDES[name] = field
    constraint_rules.cache_clear()


def _first_field(condition):
    """The first model field a Q condition names (`end_date__gte=F("start_date")` → end_date)."""
    for child in getattr(condition, "children", ()):
        if isinstance(child, Q):
            found = _first_field(child)
            if found:
                return found
        elif isinstance(child, tuple):
            return child[0].split("__", 1)[0]
    return None


def _constraint_field(constraint):
    if constraint.name in _FIELD_OVERRIDES:
        return _FIELD_OVERRIDES[constraint.name]
    if isinstance(constraint, models.CheckConstraint):
        return _first_field(constraint.condition)
    fields = getattr(constraint, "fields", None)
    return fields[-1] if fields else None


@functools.cache
def constraint_rules():
    """{constraint name: (model or None, field name or None, constraint or None, message)}."""
    rules = {}
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            message = constraint.violation_error_message or GENERIC_MESSAGE
            rules[constraint.name] = (model, _constraint_field(constraint), constraint, message)
    for name, (field, message) in _SQL_CONSTRAINTS.items():
        rules[name] = (None, field, None, message)
    return rules


def _message(constraint, message):
    if constraint is not None and constraint.violation_error_message:
        return constraint.get_violation_error_message()
    return message


def _constraint_name(exc):
    """The violated constraint's name from PostgreSQL's diagnostics or SQLite's message, or None."""
    cause = exc.__cause__
    diag = getattr(cause, "diag", None)
    if diag is not None and getattr(diag, "constraint_name", None):
        return diag.constraint_name
    text = str(exc)
    match = re.search(r"CHECK constraint failed: (\w+)", text)
    if match:
        return match.group(1)
    names = constraint_rules()
    if text.strip() in names:  # a SQLite trigger's RAISE(ABORT, '<name>')
        return text.strip()
    match = re.search(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)", text)
    if match:
        return _unique_constraint_name([column.split(".") for column in match.group(1).split(", ")])
    return None


def _unique_constraint_name(table_columns):
    tables = {table for table, _column in table_columns}
    columns = {column for _table, column in table_columns}
    for model in apps.get_models():
        if model._meta.db_table not in tables:
            continue
        for constraint in model._meta.constraints:
            fields = getattr(constraint, "fields", ())
            if fields and {model._meta.get_field(name).column for name in fields} == columns:
                return constraint.name
        for field in model._meta.concrete_fields:
            if field.unique and {field.column} == columns:
                return f"{model._meta.db_table}.{field.column}"
    return None


def integrity_error_as_validation_error(exc):
    """A ValidationError naming the broken rule on its field (or above the form when it has none)."""
    name = _constraint_name(exc)
    rule = constraint_rules().get(name)
    if rule is None:
        if name and "." in name:  # a field's unique=True
            return ValidationError({name.split(".", 1)[1].removesuffix("_id"): _("This value is already taken.")})
        return ValidationError(GENERIC_MESSAGE, code="constraint")
    _model, field, constraint, message = rule
    error = ValidationError(_message(constraint, message), code=name)
    return ValidationError({field or NON_FIELD_ERRORS: [error]})


def move_constraint_errors_to_fields(model, errors, fields):
    """Django reports a violated CheckConstraint above the form; put it on the field it concerns.

    `errors` is a ValidationError from model validation; returns it with the constraints' messages
    keyed by their field where that field is one of `fields` (the form's).
    """
    if not hasattr(errors, "error_dict") or NON_FIELD_ERRORS not in errors.error_dict:
        return errors
    by_message = {}
    for rule_model, field, constraint, _text in constraint_rules().values():
        if rule_model is model and field in fields and constraint is not None:
            by_message[str(constraint.get_violation_error_message())] = field
    moved = {key: list(value) for key, value in errors.error_dict.items() if key != NON_FIELD_ERRORS}
    kept = []
    for error in errors.error_dict[NON_FIELD_ERRORS]:
        text = str(error.message % error.params if error.params else error.message)
        field = by_message.get(text)
        if field:
            moved.setdefault(field, []).append(error)
        else:
            kept.append(error)
    if kept:
        moved[NON_FIELD_ERRORS] = kept
    return ValidationError(moved)
