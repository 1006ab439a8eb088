"""Outsourced service contracts 物业服务合同: the contractor (a procurement supplier), the procurement
contract it came from, scope, fee, term, the scoring sheet and the penalty clauses."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import Building, TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from procurement.models import Contract, Supplier
from property_services.choices import PaymentPeriod, ServiceType
from property_services.models.fees import MONEY


class ServiceContract(TimeStampedModel, VoidableModel):
    contractor = models.ForeignKey(
        Supplier, verbose_name=_("contractor"), on_delete=models.PROTECT, related_name="service_contracts"
    )
    procurement_contract = models.ForeignKey(
        Contract,
        verbose_name=_("procurement contract"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_contracts",
        help_text=_("The contract of the public tender it came from."),
    )
    title = models.CharField(_("title"), max_length=200)
    service_type = models.CharField(_("service type"), max_length=20, choices=ServiceType.choices)
    buildings = models.ManyToManyField(Building, verbose_name=_("buildings"), blank=True, related_name="+")
    areas = models.CharField(_("areas"), max_length=300, blank=True, help_text=_("Grounds, car parks, canteen …"))
    monthly_fee = models.DecimalField(_("monthly fee (yuan)"), **MONEY)
    payment_period = models.CharField(
        _("payment period"), max_length=20, choices=PaymentPeriod.choices, default=PaymentPeriod.MONTHLY
    )
    start_date = PlausibleDateField(_("from"))
    end_date = PlausibleDateField(_("to"))
    pass_score = BoundedIntegerField(
        _("pass score"), default=80, min_value=0, max_value=100, help_text=_("A month scored below it is failed.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()  # the buildings (m2m) are shown on the page, not in the history

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # the campus's contracts, run by the administration centre

    class Meta:
        verbose_name = _("service contract")
        verbose_name_plural = _("service contracts")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="servicecontract_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(monthly_fee__gte=0) & Q(monthly_fee__lte=100_000_000),
                name="servicecontract_fee_plausible",
                violation_error_message=_("A monthly fee is between 0 and 100,000,000 yuan."),
            ),
        ]
        indexes = [models.Index(fields=["service_type", "start_date"]), models.Index(fields=["start_date", "id"])]
        permissions = [("void_servicecontract", _("Can void service contract"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("property_services:servicecontract", args=[self.pk])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class ScoringItem(TimeStampedModel):
    """One line of a contract's scoring sheet: what is checked and how many points it carries."""

    contract = models.ForeignKey(
        ServiceContract, verbose_name=_("service contract"), on_delete=models.PROTECT, related_name="scoring_items"
    )
    item = models.CharField(_("item"), max_length=200)
    points = BoundedIntegerField(_("points"), min_value=1, max_value=100)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("scoring item")
        verbose_name_plural = _("scoring items")
        ordering = ["contract", "id"]

    def __str__(self):
        return f"{self.item}（{self.points}）"

    def get_absolute_url(self):
        return reverse("property_services:scoringitem", args=[self.pk])


class PenaltyClause(TimeStampedModel):
    """Deficiency → deduction, with a cap a month (a penalty is never above its clause)."""

    contract = models.ForeignKey(
        ServiceContract, verbose_name=_("service contract"), on_delete=models.PROTECT, related_name="penalty_clauses"
    )
    deficiency = models.CharField(_("deficiency"), max_length=200)
    deduction = models.DecimalField(_("deduction per occurrence (yuan)"), **MONEY)
    monthly_cap = models.DecimalField(_("cap a month (yuan)"), **MONEY)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("penalty clause")
        verbose_name_plural = _("penalty clauses")
        ordering = ["contract", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deduction__gt=0) & Q(monthly_cap__gte=F("deduction")),
                name="penaltyclause_cap_not_below_deduction",
                violation_error_message=_("A deduction is above zero and the monthly cap is at least one deduction."),
            ),
        ]

    def __str__(self):
        return f"{self.deficiency}：{self.deduction}"

    def get_absolute_url(self):
        return reverse("property_services:penaltyclause", args=[self.pk])

    def clean(self):
        if self.deduction is not None and self.monthly_cap is not None and self.monthly_cap < self.deduction:
            raise ValidationError({"monthly_cap": _("The monthly cap is at least one deduction.")})
