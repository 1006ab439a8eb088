"""The working-day calendar (DESIGN.md §3): each year's official holidays and make-up working days.

A year is "complete" once its State Council notice has been entered (seeded from chinese-calendar
for the years the package knows, entered in the admin for later ones). Working days are counted by
bureau.workdays, the one service every centre uses; a year that is not complete counts weekends
only, and the result says so, so a page can show the warning next to the deadline.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday")
    MAKEUP_WORKDAY = "makeup_workday", _("Make-up working day")


class CalendarYear(models.Model):
    year = BoundedIntegerField(_("year"), unique=True, min_value=2000, max_value=2099)
    complete = models.BooleanField(
        _("calendar complete"),
        default=False,
        help_text=_("All holidays and make-up working days of the State Council notice are entered."),
    )
    source = models.CharField(_("source"), max_length=200, blank=True, help_text=_("E.g. the notice's number."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("working-day calendar year")
        verbose_name_plural = _("working-day calendar years")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class CalendarDay(models.Model):
    calendar_year = models.ForeignKey(
        CalendarYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="days"
    )
    date = PlausibleDateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CalendarDayKind.choices)
    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. 国庆节 or 国庆节调休上班."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("holiday or make-up working day")
        verbose_name_plural = _("holidays and make-up working days")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CalendarDayKind.values),
                name="calendarday_kind_known",
                violation_error_message=_("Choose holiday or make-up working day."),
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.name}"

    def clean(self):
        super().clean()
        if self.date and self.calendar_year_id and self.date.year != self.calendar_year.year:
            raise ValidationError(
                {
                    "date": ValidationError(
                        _("The date is not in the year %(year)s."),
                        code="wrong_year",
                        params={"year": self.calendar_year.year},
                    )
                }
            )
