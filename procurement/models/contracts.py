from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import Department, TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from procurement.choices import AcceptanceResult, ContractStatus
from procurement.models.base import ends_after_start, money_field, positive
from procurement.models.batches import Award, Batch, Lot
from procurement.models.suppliers import Supplier


class Contract(TimeStampedModel, VoidableModel):
    """合同: one per lot, purchasing department and supplier. `budget_amount` is the part of the
    lot's budget this contract covers (its department's requests in the lot): savings (节约资金) are
    budget_amount − amount, summed over contracts for any batch, lot, department, method or period."""

    number = models.CharField(_("contract number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    batch = models.ForeignKey(Batch, verbose_name=_("batch"), on_delete=models.PROTECT, related_name="contracts")
    lot = models.ForeignKey(Lot, verbose_name=_("lot"), on_delete=models.PROTECT, related_name="contracts")
    award = models.ForeignKey(Award, verbose_name=_("award"), on_delete=models.PROTECT, related_name="contracts")
    purchasing_department = models.ForeignKey(
        Department, verbose_name=_("purchasing department"), on_delete=models.PROTECT, related_name="contracts"
    )
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="contracts"
    )
    amount = money_field(_("contract amount"))
    budget_amount = money_field(_("budget covered"))
    signed_on = PlausibleDateField(_("signed on"), null=True, blank=True)
    term_start = PlausibleDateField(_("term from"), null=True, blank=True)
    term_end = PlausibleDateField(_("term until"), null=True, blank=True)
    published_on = PlausibleDateField(_("published on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ContractStatus.choices, default=ContractStatus.DRAFT, editable=False
    )
    notes = models.TextField(_("internal notes"), blank=True)
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
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["-id"]
        constraints = [
            positive("contract", "amount", _("The contract amount must be greater than 0.")),
            positive("contract", "budget_amount", _("The budget covered must be greater than 0.")),
            ends_after_start("contract", "term_start", "term_end", _("The term cannot end before it starts.")),
            ends_after_start(
                "contract", "signed_on", "published_on", _("A contract cannot be published before it is signed.")
            ),
            models.UniqueConstraint(
                fields=["lot", "purchasing_department", "supplier"],
                condition=Q(voided_at__isnull=True),
                name="contract_one_per_department_and_supplier",
                violation_error_message=_("This department already has a contract with this supplier for this lot."),
            ),
        ]
        indexes = [
            models.Index(fields=["purchasing_department", "status", "id"]),
            models.Index(fields=["status", "id"]),
            models.Index(fields=["signed_on", "id"]),
            models.Index(fields=["supplier", "signed_on"]),
        ]
        permissions = [("manage_contract", _("Can sign, publish, accept and void contracts"))]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("procurement:contract", args=[self.pk])


class ContractPartQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        return self.filter(contract__purchasing_department=department)


class PaymentMilestone(TimeStampedModel):
    money_or_legal_record = True

    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.PROTECT, related_name="milestones"
    )
    sequence = BoundedIntegerField(_("instalment"), min_value=1, max_value=99)
    description = models.CharField(_("description"), max_length=200, help_text=_("E.g. 预付款, 验收合格后支付."))
    amount = money_field(_("amount"))
    due_on = PlausibleDateField(_("due on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ContractPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("payment milestone")
        verbose_name_plural = _("payment milestones")
        ordering = ["contract", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "sequence"],
                name="paymentmilestone_sequence_unique",
                violation_error_message=_("The contract already has an instalment with this number."),
            ),
            positive("paymentmilestone", "amount"),
        ]

    def __str__(self):
        return f"{self.contract.number} #{self.sequence} {self.description}"


class Payment(TimeStampedModel, VoidableModel):
    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.PROTECT, related_name="payments"
    )
    milestone = models.ForeignKey(
        PaymentMilestone,
        verbose_name=_("payment milestone"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
    )
    amount = money_field(_("amount paid"))
    paid_on = PlausibleDateField(_("paid on"))
    voucher_number = models.CharField(_("voucher number"), max_length=50, blank=True)
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

    objects = ContractPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["contract", "paid_on", "id"]
        constraints = [positive("payment", "amount")]
        indexes = [models.Index(fields=["paid_on", "id"])]

    def __str__(self):
        return f"{self.contract.number} {self.paid_on} {self.amount}"


class Acceptance(TimeStampedModel, VoidableModel):
    """验收: the purchaser's acceptance of what the contract delivered."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.PROTECT, related_name="acceptances"
    )
    accepted_on = PlausibleDateField(_("accepted on"))
    result = models.CharField(_("result"), max_length=10, choices=AcceptanceResult.choices)
    inspectors = models.CharField(_("inspectors"), max_length=200)
    findings = models.TextField(_("findings"), blank=True)
    report_number = models.CharField(_("report number"), max_length=50, blank=True)
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

    objects = ContractPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("acceptance")
        verbose_name_plural = _("acceptances")
        ordering = ["contract", "-accepted_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(result__in=AcceptanceResult.values),
                name="acceptance_result_known",
                violation_error_message=_("Choose passed or failed."),
            ),
        ]

    def __str__(self):
        return f"{self.contract.number} {self.accepted_on}"
