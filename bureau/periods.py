"""The period a figure is counted over (a month, a quarter, a year or a custom range of days) and the
same period a year before. Every centre's figures selector (`<centre>_figures(*, period, department)`)
takes one, so the dashboards, the briefing and the statistics pages count the same days.

A period is closed on both ends (`start` and `end` are dates, both counted); a date-time figure counts
from local midnight of `start` to local midnight after `end` (`bounds()`). A figure kept per month
(fees, penalties: the first day of the month) counts in a period when that first day is in it.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KINDS = {"month": _("Month"), "quarter": _("Quarter"), "year": _("Year"), "custom": _("Custom range")}


def _shift_year(day, years):
    """The same day `years` later (29 February becomes the 28th in a common year)."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime.date
    end: datetime.date

    @classmethod
    def month(cls, year, month):
        return cls(
            "month", datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
        )

    @classmethod
    def quarter(cls, year, quarter):
        first = 3 * (quarter - 1) + 1
        last = first + 2
        return cls(
            "quarter", datetime.date(year, first, 1), datetime.date(year, last, calendar.monthrange(year, last)[1])
        )

    @classmethod
    def year(cls, year):
        return cls("year", datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def custom(cls, start, end):
        if end < start:
            raise ValueError("a period ends on or after its start")
        return cls("custom", start, end)

    @classmethod
    def containing(cls, kind, day):
        """The month, quarter or year that holds `day`."""
        if kind == "year":
            return cls.year(day.year)
        if kind == "quarter":
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        return cls.month(day.year, day.month)

    def year_before(self):
        """The same period a year earlier (a month stays a whole month, February included)."""
        if self.kind == "month":
            return Period.month(self.start.year - 1, self.start.month)
        if self.kind == "quarter":
            return Period.quarter(self.start.year - 1, (self.start.month - 1) // 3 + 1)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        return Period("custom", _shift_year(self.start, -1), _shift_year(self.end, -1))

    def previous(self):
        """The period just before (same kind; a custom range of the same number of days)."""
        if self.kind == "custom":
            days = (self.end - self.start).days + 1
            return Period("custom", self.start - datetime.timedelta(days=days), self.start - datetime.timedelta(days=1))
        return Period.containing(self.kind, self.start - datetime.timedelta(days=1))

    def next(self):
        if self.kind == "custom":
            days = (self.end - self.start).days + 1
            return Period("custom", self.end + datetime.timedelta(days=1), self.end + datetime.timedelta(days=days))
        return Period.containing(self.kind, self.end + datetime.timedelta(days=1))

    def bounds(self):
        """(first moment, first moment after) in the current time zone, for date-time fields."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min)
        end = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(start, tz), timezone.make_aware(end, tz)

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def label(self):
        if self.kind == "month":
            return _("%(year)s-%(month)02d") % {"year": self.start.year, "month": self.start.month}
        if self.kind == "quarter":
            return _("%(year)s Q%(quarter)s") % {"year": self.start.year, "quarter": (self.start.month - 1) // 3 + 1}
        if self.kind == "year":
            return _("Year %(year)s") % {"year": self.start.year}
        return _("%(start)s to %(end)s") % {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def __str__(self):
        return str(self.label)

    def as_params(self):
        """The query parameters that choose this period on a dashboard page (bureau.forms_dashboard)."""
        if self.kind == "custom":
            return {"period": "custom", "date_from": self.start.isoformat(), "date_to": self.end.isoformat()}
        params = {"period": self.kind, "year": self.start.year}
        if self.kind == "month":
            params["month"] = self.start.month
        elif self.kind == "quarter":
            params["quarter"] = (self.start.month - 1) // 3 + 1
        return params
