"""统一经费预算 / 统一会后经费结算: budget lines with requested, approved and actual amounts kept apart.

Only the kinds the regulation allows can be chosen; banned spending (souvenirs, banquets,
sightseeing, fixed assets …) has no kind, and a description naming it is refused (services.budget).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bureau.history import HistoricalRecords
from bureau.models import TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from meetings.choices import BudgetKind, BudgetSubKind

MONEY = {"max_digits": 14, "decimal_places": 2}


class BudgetLineQuerySet(ScopedQuerySet):
    def live(self):
        return self.filter(voided_at=None)


class BudgetLine(TimeStampedModel, VoidableModel):
    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="budget_lines"
    )
    kind = models.CharField(_("item"), max_length=10, choices=BudgetKind.choices)
    sub_kind = models.CharField(
        _("other cost kind"),
        max_length=20,
        choices=BudgetSubKind.choices,
        blank=True,
        help_text=_("Required for other costs; empty for lodging and meals."),
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    requested = models.DecimalField(_("requested"), **MONEY)
    approved = models.DecimalField(_("approved"), null=True, blank=True, **MONEY)
    actual = models.DecimalField(_("actual"), null=True, blank=True, **MONEY)
    history = HistoricalRecords()

    objects = BudgetLineQuerySet.as_manager()
    scope_department_field = "meeting__host_department"

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["meeting", "kind", "sub_kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=BudgetKind.OTHER) & ~Q(sub_kind="")) | (~Q(kind=BudgetKind.OTHER) & Q(sub_kind="")),
                name="budgetline_sub_kind_only_for_other",
                violation_error_message=_("Other costs need their kind; lodging and meals have none."),
            ),
            models.CheckConstraint(
                condition=Q(requested__gte=0)
                & (Q(approved__isnull=True) | Q(approved__gte=0))
                & (Q(actual__isnull=True) | Q(actual__gte=0)),
                name="budgetline_amounts_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
        ]

    def __str__(self):
        label = self.get_sub_kind_display() if self.sub_kind else self.get_kind_display()
        return f"{self.meeting} · {label}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("meetings:meeting_budget", args=[self.meeting_id])

    @property
    def savings(self):
        """requested − actual, once the actual amount is known."""
        if self.actual is None:
            return None
        return self.requested - self.actual
