from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import Department, TimeStampedModel
from bureau.scoping import ScopedQuerySet
from procurement.choices import Category, FundingSource, RequestStatus
from procurement.models.base import money_field, positive


class ProcurementRequest(TimeStampedModel):
    """采购需求: what a purchasing department needs, gathered into a batch (and a lot) by the centre."""

    money_or_legal_record = True  # cancelled, never deleted

    purchasing_department = models.ForeignKey(
        Department,
        verbose_name=_("purchasing department"),
        on_delete=models.PROTECT,
        related_name="procurement_requests",
    )
    item = models.CharField(_("item"), max_length=200)
    description = models.TextField(_("requirements"), blank=True)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    catalogue_code = models.CharField(
        _("catalogue code"), max_length=20, help_text=_("The national procurement catalogue code, e.g. A02010104.")
    )
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    budget = money_field(_("budget"))
    funding_source = models.CharField(_("funding source"), max_length=10, choices=FundingSource.choices)
    planned_start = PlausibleDateField(_("procurement starts"), help_text=_("When the procurement is to begin."))
    intention_published_on = PlausibleDateField(_("intention published on"), null=True, blank=True)
    intention_exemption_reason = models.TextField(_("reason the intention was not published in time"), blank=True)
    idle_asset_reason = models.TextField(
        _("reason to purchase despite idle assets"),
        blank=True,
        help_text=_("Required when idle assets that could be reallocated were suggested."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.DRAFT, editable=False
    )
    batch = models.ForeignKey(
        "procurement.Batch",
        verbose_name=_("batch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="requests",
    )
    lot = models.ForeignKey(
        "procurement.Lot",
        verbose_name=_("lot"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="requests",
    )
    cancel_reason = models.CharField(_("cancellation reason"), max_length=500, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "purchasing_department"

    class Meta:
        verbose_name = _("procurement request")
        verbose_name_plural = _("procurement requests")
        ordering = ["-planned_start", "-id"]
        constraints = [
            positive("procurementrequest", "budget", _("The budget must be greater than 0.")),
            positive("procurementrequest", "quantity", _("The quantity must be greater than 0.")),
            models.CheckConstraint(
                condition=Q(category__in=Category.values),
                name="procurementrequest_category_known",
                violation_error_message=_("Choose goods, works or services."),
            ),
        ]
        indexes = [
            models.Index(fields=["purchasing_department", "status", "id"]),
            models.Index(fields=["status", "planned_start"]),
            models.Index(fields=["catalogue_code", "purchasing_department"]),
        ]
        permissions = [("manage_procurementrequest", _("Can gather requests into batches"))]

    def __str__(self):
        return self.item

    def get_absolute_url(self):
        return reverse("procurement:request", args=[self.pk])
