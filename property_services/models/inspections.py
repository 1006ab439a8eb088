"""The supervision group's inspections (物业监管小组): scheduled checks and random spot checks of a
service contract, their scoring sheets, findings with photos, rectification orders with their
re-check, penalties under the contract's clauses, and each contract's monthly assessment (score,
penalties → the contractor's payable amount)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from bureau.validators import UploadValidator
from property_services.choices_inspections import (
    AssessmentStatus,
    InspectionKind,
    InspectionStatus,
    RectificationStatus,
)
from property_services.models.contracts import PenaltyClause, ScoringItem, ServiceContract
from property_services.models.fees import MONEY, month_label

FINDING_PHOTO_MAX_MB = 5
SEED_MAX = 2_147_483_647
SCORE = {"max_digits": 5, "decimal_places": 1}


def finding_photo_path(instance, filename):
    return f"property_services/findings/{timezone.localdate():%Y/%m}/{filename}"


class Inspection(TimeStampedModel):
    """One check of a contract's service at a place on a day: scheduled (定期检查) or a random spot
    check (不定期抽查) drawn with a recorded seed; scored on the contract's scoring sheet."""

    contract = models.ForeignKey(
        ServiceContract, verbose_name=_("service contract"), on_delete=models.PROTECT, related_name="inspections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices, default=InspectionKind.SCHEDULED)
    date = PlausibleDateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    draw_seed = BoundedIntegerField(
        _("seed of the draw"),
        min_value=0,
        max_value=SEED_MAX,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The same seed draws the same places and dates again."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InspectionStatus.choices, default=InspectionStatus.PLANNED
    )
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inspector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    score = models.DecimalField(_("score"), **SCORE, null=True, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # the campus's contracts, run by the administration centre

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["-date", "-id"], name="inspection_list_order"),
            models.Index(fields=["contract", "date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)),
                name="inspection_score_0_to_100",
                violation_error_message=_("A score is between 0 and 100."),
            ),
        ]

    def __str__(self):
        return f"{self.contract} · {self.date} · {self.place}"

    def get_absolute_url(self):
        return reverse("property_services:inspection", args=[self.pk])


class InspectionScore(TimeStampedModel):
    """One line of an inspection's scoring sheet: the points given for one scoring item."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.PROTECT, related_name="scores"
    )
    scoring_item = models.ForeignKey(
        ScoringItem, verbose_name=_("scoring item"), on_delete=models.PROTECT, related_name="+"
    )
    points = BoundedIntegerField(_("points given"), min_value=0, max_value=100)
    passed = models.BooleanField(_("passed"), default=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("inspection score")
        verbose_name_plural = _("inspection scores")
        ordering = ["inspection", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "scoring_item"],
                name="inspectionscore_one_per_item",
                violation_error_message=_("This item is already scored in this inspection."),
            ),
        ]

    def __str__(self):
        return f"{self.scoring_item.item}：{self.points}"


class Finding(TimeStampedModel):
    """A failed item of an inspection: what was found, with a photo."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.PROTECT, related_name="findings"
    )
    scoring_item = models.ForeignKey(
        ScoringItem, verbose_name=_("scoring item"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(_("what was found"), max_length=500)
    photo = models.FileField(
        _("photo"),
        upload_to=finding_photo_path,
        blank=True,
        validators=[UploadValidator(kinds=("jpeg", "png"), max_mb=FINDING_PHOTO_MAX_MB)],
        help_text=_("JPEG or PNG, at most 5 MB."),
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["-id"]

    def __str__(self):
        return f"{self.scoring_item.item}：{self.description}"

    def get_absolute_url(self):
        return reverse("property_services:finding", args=[self.pk])


class Rectification(TimeStampedModel):
    """The rectification order (整改通知) a finding opens, with its deadline in working days and the
    re-check: passed → closed; failed again → stays open (and a further penalty may follow)."""

    finding = models.OneToOneField(
        Finding, verbose_name=_("finding"), on_delete=models.PROTECT, related_name="rectification"
    )
    contract = models.ForeignKey(
        ServiceContract, verbose_name=_("service contract"), on_delete=models.PROTECT, related_name="rectifications"
    )
    issued_on = PlausibleDateField(_("issued on"))
    deadline = PlausibleDateField(_("deadline"))
    deadline_estimated = models.BooleanField(
        _("deadline counted on weekends only"),
        default=False,
        help_text=_("The holiday calendar of its year was not entered when the deadline was set."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RectificationStatus.choices, default=RectificationStatus.OPEN
    )
    rechecks = BoundedIntegerField(_("re-checks"), min_value=0, max_value=100, default=0)
    rechecked_on = PlausibleDateField(_("last re-checked on"), null=True, blank=True)
    recheck_note = models.CharField(_("re-check note"), max_length=500, blank=True)
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("rectification order")
        verbose_name_plural = _("rectification orders")
        ordering = ["-issued_on", "-id"]
        indexes = [
            models.Index(fields=["-issued_on", "-id"], name="rectification_list_order"),
            models.Index(fields=["status", "deadline"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("issued_on")),
                name="rectification_deadline_not_before_issue",
                violation_error_message=_("The deadline cannot be before the order is issued."),
            ),
        ]

    def __str__(self):
        return _("Rectification order %(number)s") % {"number": self.number}

    @property
    def number(self):
        return f"ZG{self.pk:06d}" if self.pk else "—"

    def get_absolute_url(self):
        return reverse("property_services:rectification", args=[self.pk])

    def is_overdue(self, today=None):
        return self.status == RectificationStatus.OPEN and self.deadline < (today or timezone.localdate())


class Penalty(TimeStampedModel, VoidableModel):
    """A deduction under one of the contract's penalty clauses, in a month: never above the clause's
    deduction per occurrence, nor, with the month's other penalties of the clause, above its monthly cap."""

    contract = models.ForeignKey(
        ServiceContract, verbose_name=_("service contract"), on_delete=models.PROTECT, related_name="penalties"
    )
    clause = models.ForeignKey(
        PenaltyClause, verbose_name=_("penalty clause"), on_delete=models.PROTECT, related_name="penalties"
    )
    month = PlausibleDateField(_("month"), help_text=_("The first day of the assessed month."))
    amount = models.DecimalField(_("amount (yuan)"), **MONEY)
    rectification = models.ForeignKey(
        Rectification,
        verbose_name=_("rectification order"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="penalties",
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("penalty")
        verbose_name_plural = _("penalties")
        ordering = ["-month", "-id"]
        indexes = [
            models.Index(fields=["-month", "-id"], name="penalty_list_order"),
            models.Index(fields=["clause", "month"]),
            models.Index(fields=["contract", "month"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount__lte=100_000_000),
                name="penalty_amount_plausible",
                violation_error_message=_("A penalty is above zero and at most 100,000,000 yuan."),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="penalty_month_first_day",
                violation_error_message=_("A penalty is for a month, given as its first day."),
            ),
        ]
        permissions = [("void_penalty", _("Can void penalty"))]

    def __str__(self):
        return f"{self.clause.deficiency} {month_label(self.month)}：{self.amount}"

    def get_absolute_url(self):
        return reverse("property_services:penalty", args=[self.pk])


class MonthlyAssessment(TimeStampedModel):
    """A contract's month (月度考核): the mean score of its inspections and its penalties give the
    contractor's payable amount (the monthly fee less the penalties, never below zero)."""

    contract = models.ForeignKey(
        ServiceContract, verbose_name=_("service contract"), on_delete=models.PROTECT, related_name="assessments"
    )
    month = PlausibleDateField(_("month"), help_text=_("The first day of the assessed month."))
    inspections = BoundedIntegerField(_("inspections"), min_value=0, max_value=10_000, default=0)
    score = models.DecimalField(_("score"), **SCORE, null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=True)
    monthly_fee = models.DecimalField(_("monthly fee (yuan)"), **MONEY)
    penalties = models.DecimalField(_("penalties (yuan)"), **MONEY, default=0)
    payable = models.DecimalField(_("payable (yuan)"), **MONEY)
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    money_or_legal_record = True  # never deleted (bureau.checks)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("monthly assessment")
        verbose_name_plural = _("monthly assessments")
        ordering = ["-month", "-id"]
        indexes = [models.Index(fields=["-month", "-id"], name="assessment_list_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "month"],
                name="assessment_one_per_contract_month",
                violation_error_message=_("This contract's month is already assessed."),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="assessment_month_first_day",
                violation_error_message=_("An assessment is for a month, given as its first day."),
            ),
            models.CheckConstraint(
                condition=Q(payable__gte=0) & Q(penalties__gte=0) & Q(monthly_fee__gte=0),
                name="assessment_amounts_not_negative",
                violation_error_message=_("A payable amount is never below zero."),
            ),
        ]
        permissions = [("confirm_monthlyassessment", _("Can confirm a monthly assessment"))]

    def __str__(self):
        return f"{self.contract} {month_label(self.month)}"

    def get_absolute_url(self):
        return reverse("property_services:monthlyassessment", args=[self.pk])
