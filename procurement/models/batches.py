from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField, PlausibleDateTimeField
from bureau.history import HistoricalRecords
from bureau.models import TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from procurement.choices import BatchStatus, BidStatus, Method
from procurement.models.base import money_field, positive
from procurement.models.suppliers import Supplier


class BatchQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        # A batch gathers many departments' requests: it is theirs if one of its requests is.
        from procurement.models.requests import ProcurementRequest

        return self.filter(
            pk__in=ProcurementRequest.objects.filter(purchasing_department=department).values("batch_id")
        )


class Batch(TimeStampedModel):
    """采购批次: requests gathered, bought by one method, in lots; its life cycle is
    procurement.services.lifecycle (BatchWorkflow)."""

    money_or_legal_record = True

    number = models.CharField(_("batch number"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=BatchStatus.choices, default=BatchStatus.INITIATED, editable=False
    )
    # The method's preconditions (MethodRule): the reason for a method other than open tendering,
    # single source's supplier and publicity period.
    method_justification = models.TextField(_("reason for the method"), blank=True)
    single_source_supplier = models.ForeignKey(
        Supplier,
        verbose_name=_("single-source supplier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="single_source_batches",
    )
    publicity_from = PlausibleDateField(_("single-source publicity from"), null=True, blank=True)
    publicity_to = PlausibleDateField(_("single-source publicity until"), null=True, blank=True)
    # The dates of the life cycle, set by its moves.
    announced_on = PlausibleDateField(_("announced on"), null=True, blank=True, editable=False)
    opening_at = PlausibleDateTimeField(
        _("bid opening"), null=True, blank=True, help_text=_("The deadline for bids and the opening.")
    )
    opened_at = PlausibleDateTimeField(_("opened at"), null=True, blank=True, editable=False)
    evaluation_ended_on = PlausibleDateField(_("evaluation ended on"), null=True, blank=True, editable=False)
    evaluation_report_on = PlausibleDateField(
        _("evaluation report delivered on"), null=True, blank=True, editable=False
    )
    winner_confirmed_on = PlausibleDateField(_("winner confirmed on"), null=True, blank=True, editable=False)
    award_notice_on = PlausibleDateField(_("award notice issued on"), null=True, blank=True, editable=False)
    closed_on = PlausibleDateField(_("closed on"), null=True, blank=True, editable=False)
    failure_reason = models.CharField(_("reason it failed"), max_length=500, blank=True, editable=False)
    cancel_reason = models.CharField(_("cancellation reason"), max_length=500, blank=True, editable=False)
    retender_of = models.ForeignKey(
        "self",
        verbose_name=_("re-tender of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="retenders",
    )
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

    objects = BatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("procurement batch")
        verbose_name_plural = _("procurement batches")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(method__in=Method.values),
                name="batch_method_known",
                violation_error_message=_("Choose a procurement method."),
            ),
            models.CheckConstraint(
                condition=Q(publicity_to__isnull=True)
                | Q(publicity_from__isnull=True)
                | Q(publicity_to__gte=models.F("publicity_from")),
                name="batch_publicity_to_after_publicity_from",
                violation_error_message=_("The publicity period cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "id"]),
            models.Index(fields=["method", "status", "id"]),
            models.Index(fields=["award_notice_on"]),
        ]
        permissions = [("manage_batch", _("Can run procurement batches (announce, open, evaluate, award)"))]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("procurement:batch", args=[self.pk])


class LotQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        from procurement.models.requests import ProcurementRequest

        return self.filter(pk__in=ProcurementRequest.objects.filter(purchasing_department=department).values("lot_id"))


class Lot(TimeStampedModel):
    """采购包: the unit bid on and awarded; its budget is its requests' (the maximum price)."""

    money_or_legal_record = True

    batch = models.ForeignKey(Batch, verbose_name=_("batch"), on_delete=models.PROTECT, related_name="lots")
    number = BoundedIntegerField(_("lot number"), min_value=1, max_value=999)
    name = models.CharField(_("lot name"), max_length=200)
    budget = money_field(_("budget"))
    failure_reason = models.CharField(_("reason it failed"), max_length=500, blank=True, editable=False)
    history = HistoricalRecords()

    objects = LotQuerySet.as_manager()

    class Meta:
        verbose_name = _("lot")
        verbose_name_plural = _("lots")
        ordering = ["batch", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "number"],
                name="lot_number_unique_in_batch",
                violation_error_message=_("The batch already has a lot with this number."),
            ),
            positive("lot", "budget", _("The budget must be greater than 0.")),
        ]

    def __str__(self):
        return f"{self.batch.number} / {self.number} {self.name}"

    def get_absolute_url(self):
        return reverse("procurement:batch", args=[self.batch_id]) + f"#lot-{self.number}"


class Invitation(TimeStampedModel):
    """A supplier invited to an invited tender, a negotiation, a consultation or an inquiry."""

    batch = models.ForeignKey(Batch, verbose_name=_("batch"), on_delete=models.PROTECT, related_name="invitations")
    supplier = models.ForeignKey(Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="+")
    invited_on = PlausibleDateField(_("invited on"))
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["batch", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "supplier"],
                name="invitation_once_per_supplier",
                violation_error_message=_("This supplier is already invited."),
            ),
        ]

    def __str__(self):
        return f"{self.batch.number}: {self.supplier}"


class Bid(TimeStampedModel):
    money_or_legal_record = True

    lot = models.ForeignKey(Lot, verbose_name=_("lot"), on_delete=models.PROTECT, related_name="bids")
    supplier = models.ForeignKey(Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="bids")
    price = money_field(_("bid price"))
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    submitted_at = PlausibleDateTimeField(_("submitted at"))
    status = models.CharField(_("status"), max_length=10, choices=BidStatus.choices, default=BidStatus.VALID)
    rejection_reason = models.CharField(_("reason rejected"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        ordering = ["lot", "-score", "price"]
        constraints = [
            models.UniqueConstraint(
                fields=["lot", "supplier"],
                name="bid_once_per_supplier_and_lot",
                violation_error_message=_("This supplier has already bid on this lot."),
            ),
            positive("bid", "price", _("The bid price must be greater than 0.")),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="bid_score_range",
                violation_error_message=_("Enter a score from 0 to 100."),
            ),
        ]

    def __str__(self):
        return f"{self.lot}: {self.supplier}"


class Award(TimeStampedModel, VoidableModel):
    """The award of a lot to one bid (中标/成交); at most one in force per lot."""

    lot = models.ForeignKey(Lot, verbose_name=_("lot"), on_delete=models.PROTECT, related_name="awards")
    bid = models.ForeignKey(Bid, verbose_name=_("bid"), on_delete=models.PROTECT, related_name="awards")
    supplier = models.ForeignKey(Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="awards")
    amount = money_field(_("award amount"))
    decided_on = PlausibleDateField(_("decided on"))
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
    scope_department_field = None

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["lot", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lot"],
                condition=Q(voided_at__isnull=True),
                name="award_one_per_lot",
                violation_error_message=_("This lot is already awarded."),
            ),
            positive("award", "amount"),
        ]

    def __str__(self):
        return f"{self.lot}: {self.supplier}"
