"""Dated meeting standards: the cost quota per person-day and the limits of each category.

Counties load their province's table; a meeting is judged by the standard in force on its start date.
Periods of one category never overlap (form check here, exclusion constraint / triggers in the
database, see migration `*_sql_*`).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.integrity import register_sql_constraint
from bureau.models import TimeStampedModel
from bureau.scoping import ScopedQuerySet
from meetings.choices import MeetingCategory

MONEY = {"max_digits": 14, "decimal_places": 2}


class MeetingStandardQuerySet(ScopedQuerySet):
    def in_force(self, *, category, day):
        return self.filter(category=category, valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def for_meeting(self, meeting):
        from django.utils import timezone

        return self.in_force(category=meeting.category, day=timezone.localtime(meeting.start_at).date()).first()


class MeetingStandard(TimeStampedModel):
    money_or_legal_record = True  # cancelled or kept, never deleted (bureau.checks)

    category = models.CharField(_("category"), max_length=2, choices=MeetingCategory.choices)
    valid_from = PlausibleDateField(_("valid from"))
    valid_to = PlausibleDateField(_("valid to"), null=True, blank=True, help_text=_("Leave empty while in force."))
    document = models.CharField(
        _("source document"), max_length=200, blank=True, help_text=_("The regulation this table comes from.")
    )
    lodging = models.DecimalField(_("lodging per person-day"), **MONEY)
    meals = models.DecimalField(_("meals per person-day"), **MONEY)
    other = models.DecimalField(_("other costs per person-day"), **MONEY)
    max_days = BoundedIntegerField(
        _("maximum days"),
        min_value=1,
        max_value=366,
        null=True,
        blank=True,
        help_text=_("Empty: no fixed limit (set by the approval)."),
    )
    max_attendees = BoundedIntegerField(
        _("maximum participants"),
        min_value=1,
        max_value=100_000,
        null=True,
        blank=True,
        help_text=_("Attendees and staff together. Empty: no fixed limit (set by the approval)."),
    )
    max_staff_ratio = models.DecimalField(
        _("maximum staff share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Staff as a percentage of attendees. Empty: no limit."),
    )
    history = HistoricalRecords()

    objects = MeetingStandardQuerySet.as_manager()
    scope_department_field = None  # bureau-wide configuration

    class Meta:
        verbose_name = _("meeting standard")
        verbose_name_plural = _("meeting standards")
        ordering = ["category", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="meetingstandard_valid_to_not_before_from",
                violation_error_message=_("The end of validity cannot be before its start."),
            ),
            models.CheckConstraint(
                condition=Q(lodging__gte=0) & Q(meals__gte=0) & Q(other__gte=0),
                name="meetingstandard_amounts_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(max_staff_ratio__isnull=True) | Q(max_staff_ratio__gte=0, max_staff_ratio__lte=100),
                name="meetingstandard_staff_ratio_percent",
                violation_error_message=_("The staff share is a percentage between 0 and 100."),
            ),
            models.UniqueConstraint(
                fields=["category", "valid_from"],
                name="meetingstandard_one_per_category_and_start",
                violation_error_message=_("This category already has a standard starting on that date."),
            ),
        ]

    def __str__(self):
        end = self.valid_to or "…"
        unit = _("yuan per person-day")
        return f"{self.get_category_display()} {self.valid_from} – {end} ({self.total} {unit})"

    @property
    def total(self):
        return (self.lodging or Decimal(0)) + (self.meals or Decimal(0)) + (self.other or Decimal(0))

    def clean(self):
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError(
                {
                    "valid_to": ValidationError(
                        _("The end of validity cannot be before its start."), code="invalid_period"
                    )
                }
            )
        if self.category and self.valid_from:
            others = MeetingStandard.objects.filter(category=self.category).exclude(pk=self.pk)
            others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
            if self.valid_to:
                others = others.filter(valid_from__lte=self.valid_to)
            clash = others.first()
            if clash:
                raise ValidationError(
                    {
                        "valid_from": ValidationError(
                            _("Its validity overlaps the standard %(other)s of the same category.") % {"other": clash},
                            code="overlapping_standard",
                        )
                    }
                )


# Written in migration 0003's SQL, not declared above: its message for forms and services.
register_sql_constraint(
    "meetingstandard_no_overlap",
    field="valid_from",
    message=_("Its validity overlaps another standard of the same category."),
)
