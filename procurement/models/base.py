"""What the procurement models share: money fields and their named checks."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


def positive(model_name, field, message=None):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gt": 0}),
        name=f"{model_name}_{field}_positive",
        violation_error_message=message or _("Enter an amount greater than 0."),
    )


def ends_after_start(model_name, start, end, message):
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=f"{model_name}_{end}_after_{start}",
        violation_error_message=message,
    )
