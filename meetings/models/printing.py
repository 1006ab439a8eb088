"""统一材料印制: printing orders of a meeting's documents."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateTimeField
from bureau.history import HistoricalRecords
from bureau.integrity import register_constraint_field
from bureau.models import TimeStampedModel
from bureau.scoping import ScopedQuerySet
from meetings.choices import PrintingStatus


class PrintingOrderQuerySet(ScopedQuerySet):
    pass


class PrintingOrder(TimeStampedModel):
    money_or_legal_record = True  # cancelled or kept, never deleted (bureau.checks)

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="printing_orders"
    )
    document = models.CharField(_("document"), max_length=200)
    pages = BoundedIntegerField(_("pages"), min_value=1, max_value=100_000)
    copies = BoundedIntegerField(_("copies"), min_value=1, max_value=100_000)
    unit_price = models.DecimalField(
        _("unit price per page"), max_digits=14, decimal_places=2, help_text=_("Yuan per printed page.")
    )
    due_at = PlausibleDateTimeField(_("due at"))
    status = models.CharField(
        _("status"), max_length=20, choices=PrintingStatus.choices, default=PrintingStatus.ORDERED
    )
    cancel_reason = models.CharField(_("cancellation reason"), max_length=500, blank=True)
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = PrintingOrderQuerySet.as_manager()
    scope_department_field = "meeting__host_department"

    class Meta:
        verbose_name = _("printing order")
        verbose_name_plural = _("printing orders")
        ordering = ["due_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pages__gte=1) & Q(copies__gte=1),
                name="printingorder_pages_and_copies_positive",
                violation_error_message=_("Pages and copies must be at least 1."),
            ),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0),
                name="printingorder_unit_price_not_negative",
                violation_error_message=_("The unit price cannot be negative."),
            ),
            models.CheckConstraint(
                condition=~Q(status=PrintingStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="printingorder_cancel_needs_reason",
                violation_error_message=_("A cancelled printing order needs a reason."),
            ),
        ]
        indexes = [models.Index(fields=["status", "due_at"]), models.Index(fields=["due_at", "id"])]

    def __str__(self):
        return f"{self.document} × {self.copies}"

    def get_absolute_url(self):
        return reverse("meetings:printingorder", args=[self.pk])

    @property
    def total(self):
        if self.pages is None or self.copies is None or self.unit_price is None:
            return None
        return self.pages * self.copies * self.unit_price


register_constraint_field("printingorder_cancel_needs_reason", "cancel_reason")
