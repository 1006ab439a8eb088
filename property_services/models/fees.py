"""Room-based fees (经费核算): dated rates, the monthly billing run, its charges, adjustments after
billing, and the month's deduction list sent to the finance bureau (财政直接代扣)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import Department, TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from property_services.choices import BillingRunStatus, DeductionListStatus, FeeType

MONEY = {"max_digits": 14, "decimal_places": 2}


def month_label(month):
    return f"{month.year}-{month.month:02d}"


class FeeRate(TimeStampedModel):
    """A rate per office room per month, applying from `valid_from` until the next rate of its type."""

    fee_type = models.CharField(_("fee type"), max_length=30, choices=FeeType.choices)
    monthly_rate = models.DecimalField(
        _("rate per office room per month (yuan)"),
        **MONEY,
        help_text=_("Yuan per office room per month; a room occupied part of a month pays by the day."),
    )
    valid_from = PlausibleDateField(
        _("applies from"),
        error_messages={"required": _("A rate needs the date it applies from.")},
        help_text=_("The rate applies from this day until the next rate of the same fee."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("The decision that set the rate."))
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # the bureau's decision, not a department's record

    class Meta:
        verbose_name = _("fee rate")
        verbose_name_plural = _("fee rates")
        ordering = ["fee_type", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["fee_type", "valid_from"],
                name="feerate_one_per_type_and_day",
                violation_error_message=_("This fee already has a rate from this day."),
            ),
            models.CheckConstraint(
                condition=Q(monthly_rate__gte=0) & Q(monthly_rate__lte=1_000_000),
                name="feerate_rate_plausible",
                violation_error_message=_("A rate is between 0 and 1,000,000 yuan per room per month."),
            ),
        ]

    def __str__(self):
        return f"{self.get_fee_type_display()} {self.monthly_rate} · {self.valid_from}"

    def get_absolute_url(self):
        return reverse("property_services:feerate", args=[self.pk])


class BillingRun(TimeStampedModel):
    """One month's billing: a row per month (unique), locked by every run of that month, so an
    interrupted, repeated or concurrent run bills each department once (services.fees)."""

    month = PlausibleDateField(_("month"), help_text=_("The first day of the billed month."))
    status = models.CharField(
        _("status"), max_length=20, choices=BillingRunStatus.choices, default=BillingRunStatus.RUNNING
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    departments = BoundedIntegerField(_("departments charged"), default=0, min_value=0)
    total = models.DecimalField(_("total (yuan)"), **MONEY, default=0)
    attempts = BoundedIntegerField(_("runs"), default=0, min_value=0)
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("billing run")
        verbose_name_plural = _("billing runs")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["month"], name="billingrun_one_per_month", violation_error_message=_("This month is billed.")
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="billingrun_month_first_day",
                violation_error_message=_("A billing run is for a month, given as its first day."),
            ),
        ]

    def __str__(self):
        return month_label(self.month)

    def get_absolute_url(self):
        return reverse("property_services:billingrun", args=[self.pk])


class FeeCharge(TimeStampedModel):
    """A department's fee of one type for one month, as billed: never edited (corrections are
    FeeAdjustments)."""

    run = models.ForeignKey(BillingRun, verbose_name=_("billing run"), on_delete=models.PROTECT, related_name="charges")
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="fee_charges"
    )
    fee_type = models.CharField(_("fee type"), max_length=30, choices=FeeType.choices)
    month = PlausibleDateField(_("month"))
    rooms = models.DecimalField(
        _("room-months"),
        max_digits=12,
        decimal_places=4,
        help_text=_("Office rooms × the share of the month occupied."),
    )
    amount = models.DecimalField(_("amount (yuan)"), **MONEY)
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("fee charge")
        verbose_name_plural = _("fee charges")
        ordering = ["-month", "department__sort_order", "department__code", "fee_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "fee_type", "month"],
                name="feecharge_once_per_department_type_month",
                violation_error_message=_("This department is already billed for this fee and month."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="feecharge_amount_not_negative",
                violation_error_message=_("A charge is not negative."),
            ),
        ]
        indexes = [models.Index(fields=["month", "department"]), models.Index(fields=["department", "month"])]

    def __str__(self):
        return f"{self.department} · {self.get_fee_type_display()} · {month_label(self.month)}"

    def get_absolute_url(self):
        return reverse("property_services:feecharge", args=[self.pk])


class FeeAdjustment(TimeStampedModel, VoidableModel):
    """A correction after billing: an amount (negative for a refund) added to a department's month,
    carried by that month's deduction list while it is a draft, else by the next one."""

    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="fee_adjustments"
    )
    fee_type = models.CharField(_("fee type"), max_length=30, choices=FeeType.choices)
    month = PlausibleDateField(_("month"), help_text=_("The first day of the billed month it corrects."))
    amount = models.DecimalField(_("amount (yuan)"), **MONEY, help_text=_("Negative for a refund."))
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("fee adjustment")
        verbose_name_plural = _("fee adjustments")
        ordering = ["-month", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(amount=0) & Q(amount__gte=-10_000_000) & Q(amount__lte=10_000_000),
                name="feeadjustment_amount_plausible",
                violation_error_message=_("An adjustment is a non-zero amount of at most 10,000,000 yuan either way."),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="feeadjustment_month_first_day",
                violation_error_message=_("Give the month as its first day."),
            ),
        ]
        indexes = [models.Index(fields=["month", "department"])]
        permissions = [("void_feeadjustment", _("Can void fee adjustment"))]

    def __str__(self):
        return f"{self.department} · {self.get_fee_type_display()} · {month_label(self.month)} · {self.amount}"

    def get_absolute_url(self):
        return reverse("property_services:feeadjustment", args=[self.pk])


class DeductionList(TimeStampedModel):
    """The month's list the finance bureau deducts directly from each unit (财政直接代扣)."""

    month = PlausibleDateField(_("month"))
    status = models.CharField(
        _("status"), max_length=20, choices=DeductionListStatus.choices, default=DeductionListStatus.DRAFT
    )
    total = models.DecimalField(_("total (yuan)"), **MONEY, default=0)
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # a department head sees their own lines (DeductionLine), not the list

    class Meta:
        verbose_name = _("deduction list")
        verbose_name_plural = _("deduction lists")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["month"],
                name="deductionlist_one_per_month",
                violation_error_message=_("This month already has a deduction list."),
            ),
        ]
        permissions = [
            ("send_deductionlist", _("Can send a deduction list to the finance bureau")),
            ("confirm_deductionlist", _("Can record the finance bureau's confirmation")),
        ]

    def __str__(self):
        return _("Deduction list %(month)s") % {"month": month_label(self.month)}

    def get_absolute_url(self):
        return reverse("property_services:deductionlist", args=[self.pk])


class DeductionLine(TimeStampedModel):
    """One department's line on a month's deduction list: its charges and adjustments."""

    deduction_list = models.ForeignKey(
        DeductionList, verbose_name=_("deduction list"), on_delete=models.PROTECT, related_name="lines"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="deduction_lines"
    )
    rooms = models.DecimalField(_("room-months"), max_digits=12, decimal_places=4, default=0)
    air_conditioning = models.DecimalField(_("central air-conditioning fee"), **MONEY, default=0)
    security_cleaning = models.DecimalField(_("security and cleaning fee"), **MONEY, default=0)
    adjustments = models.DecimalField(_("adjustments"), **MONEY, default=0)
    total = models.DecimalField(_("total (yuan)"), **MONEY, default=0)
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("deduction line")
        verbose_name_plural = _("deduction lines")
        ordering = ["deduction_list", "department__sort_order", "department__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["deduction_list", "department"],
                name="deductionline_one_per_department",
                violation_error_message=_("This department already has a line on this list."),
            ),
        ]

    def __str__(self):
        return f"{self.deduction_list} · {self.department}"

    def get_absolute_url(self):
        return reverse("property_services:deductionline", args=[self.pk])
