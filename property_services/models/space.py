"""Office space 办公用房 and campus conduct 文明公约.

- OfficeStandard: the area per person by rank, dated (党政机关办公用房建设标准, 发改投资〔2014〕2674号,
  county level), seeded by migration 0006; a revised standard is a new row from its date.
- OfficeAssignment: who sits in which office from when (one live office per person); voided with a
  reason, never deleted.
- ConductRule / ConductViolation: the campus rules (八条严禁, 文明公约) and the violations recorded
  against a unit, published monthly.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.choices import Rank
from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import Department, Room, StaffProfile, TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from property_services.choices_space import ConductRuleKind

AREA = {"max_digits": 8, "decimal_places": 2}


class OfficeStandard(TimeStampedModel):
    """Usable office area per person for a rank, from `valid_from` until the next standard of that rank."""

    rank = models.CharField(_("rank"), max_length=30, choices=Rank.choices)
    area_per_person = models.DecimalField(
        _("area per person (m²)"), **AREA, help_text=_("Usable area in square metres per person.")
    )
    valid_from = PlausibleDateField(
        _("applies from"), error_messages={"required": _("A standard needs the date it applies from.")}
    )
    source = models.CharField(_("source"), max_length=200, blank=True, help_text=_("The document that sets it."))
    money_or_legal_record = True  # never deleted (bureau.checks): past reports read it
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # the state's standard, not a department's record

    class Meta:
        verbose_name = _("office standard")
        verbose_name_plural = _("office standards")
        ordering = ["-valid_from", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["rank", "valid_from"],
                name="officestandard_one_per_rank_and_day",
                violation_error_message=_("This rank already has a standard from this day."),
            ),
            models.CheckConstraint(
                condition=Q(area_per_person__gt=0) & Q(area_per_person__lte=1000),
                name="officestandard_area_plausible",
                violation_error_message=_("An area per person is more than 0 and at most 1,000 m²."),
            ),
        ]
        indexes = [models.Index(fields=["valid_from", "rank"])]

    def __str__(self):
        return f"{self.get_rank_display()} {self.area_per_person} m² · {self.valid_from}"

    def get_absolute_url(self):
        return reverse("property_services:officestandard", args=[self.pk])


class OfficeAssignmentQuerySet(ScopedQuerySet):
    def live(self):
        return self.filter(voided_at=None)

    def on(self, day):
        return self.live().filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)


class OfficeAssignment(TimeStampedModel, VoidableModel):
    """A person's office from a day (until they move: the next assignment ends this one)."""

    person = models.ForeignKey(
        StaffProfile, verbose_name=_("person"), on_delete=models.PROTECT, related_name="office_assignments"
    )
    room = models.ForeignKey(
        Room, verbose_name=_("office"), on_delete=models.PROTECT, related_name="office_assignments"
    )
    start_date = PlausibleDateField(_("from"))
    end_date = PlausibleDateField(_("to"), null=True, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = OfficeAssignmentQuerySet.as_manager()
    scope_department_field = "person__department"

    class Meta:
        verbose_name = _("office assignment")
        verbose_name_plural = _("office assignments")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(voided_at=None, end_date=None),
                name="officeassignment_one_live_office_per_person",
                violation_error_message=_("This person already has an office."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="officeassignment_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [models.Index(fields=["start_date", "id"]), models.Index(fields=["room", "start_date"])]
        permissions = [("void_officeassignment", _("Can void office assignment"))]

    def __str__(self):
        return f"{self.person} · {self.room} · {self.start_date}"

    def get_absolute_url(self):
        return reverse("property_services:officeassignment", args=[self.pk])


class ConductRule(TimeStampedModel):
    """A rule of the campus: one of the 八条严禁 or of the 文明公约 (edited by the administration centre)."""

    kind = models.CharField(_("kind"), max_length=20, choices=ConductRuleKind.choices)
    number = BoundedIntegerField(_("number"), min_value=1, max_value=999)
    text = models.CharField(_("rule"), max_length=300)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # the campus's rules

    class Meta:
        verbose_name = _("conduct rule")
        verbose_name_plural = _("conduct rules")
        ordering = ["kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"],
                name="conductrule_number_unique_in_kind",
                violation_error_message=_("This list already has a rule with this number."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}（{self.number}）{self.text}"

    def get_absolute_url(self):
        return reverse("property_services:conductrule", args=[self.pk])


class ConductViolation(TimeStampedModel, VoidableModel):
    """A breach of a campus rule by a unit's people on a day, for the monthly list (通报)."""

    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="conduct_violations"
    )
    date = PlausibleDateField(_("date"))
    rule = models.ForeignKey(ConductRule, verbose_name=_("rule"), on_delete=models.PROTECT, related_name="violations")
    place = models.CharField(_("place"), max_length=200)
    description = models.TextField(_("description"), max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("conduct violation")
        verbose_name_plural = _("conduct violations")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["date", "id"]), models.Index(fields=["department", "date"])]
        permissions = [("void_conductviolation", _("Can void conduct violation"))]

    def __str__(self):
        return f"{self.department} · {self.date} · {self.rule.get_kind_display()}（{self.rule.number}）"

    def get_absolute_url(self):
        return reverse("property_services:conductviolation", args=[self.pk])
