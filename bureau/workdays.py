"""Working days (工作日) with the official calendar: the one service every centre's clocks use.

    result = working_days_after(notice_date, 7)
    result.date          # the deadline
    result.estimated     # True: it relies on a year nobody has entered (weekends only) -> warn
    result.unknown_years # those years, for the warning's text

A working day is a Monday–Friday that is not a holiday, or a make-up working day (调休上班) on a
weekend. "n working days after d" is the n-th working day after d (d itself not counted); for
n = 0 it is d. Years without a complete calendar count weekends only (plus any days already
entered for them). Pages that compute many deadlines pass one `WorkingCalendar()` as `calendar=`,
so the calendar is read once per request instead of once per deadline.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ONE_DAY = datetime.timedelta(days=1)
# Counting further than this many calendar days means a caller passed a nonsense n.
MAX_SPAN_DAYS = 366 * 5


@dataclass(frozen=True)
class WorkdayResult:
    date: datetime.date
    unknown_years: tuple = ()

    @property
    def estimated(self):
        """The result relies on a year whose calendar nobody has entered: weekends only."""
        return bool(self.unknown_years)

    @property
    def warning(self):
        return calendar_warning(self.unknown_years)


@dataclass(frozen=True)
class WorkdayCount:
    days: int
    unknown_years: tuple = ()

    @property
    def estimated(self):
        return bool(self.unknown_years)

    @property
    def warning(self):
        return calendar_warning(self.unknown_years)


def calendar_warning(unknown_years):
    if not unknown_years:
        return ""
    years = "、".join(str(year) for year in unknown_years)
    return ngettext(
        "The holiday calendar of %(years)s has not been entered: weekends only are counted.",
        "The holiday calendars of %(years)s have not been entered: weekends only are counted.",
        len(unknown_years),
    ) % {"years": years}


class WorkingCalendar:
    """The calendar as read from the database, one year at a time, kept for the object's life."""

    def __init__(self):
        self._years = {}

    def _year(self, year):
        if year not in self._years:
            from bureau.models_calendar import CalendarDay, CalendarDayKind, CalendarYear

            known = CalendarYear.objects.filter(year=year, complete=True).exists()
            holidays, makeup = set(), set()
            for day, kind in CalendarDay.objects.filter(calendar_year__year=year).values_list("date", "kind"):
                (holidays if kind == CalendarDayKind.HOLIDAY else makeup).add(day)
            self._years[year] = (known, frozenset(holidays), frozenset(makeup))
        return self._years[year]

    def is_known(self, year):
        return self._year(year)[0]

    def is_working_day(self, day):
        _known, holidays, makeup = self._year(day.year)
        if day in makeup:
            return True
        if day in holidays:
            return False
        return day.weekday() < 5


def _calendar(calendar):
    return calendar if calendar is not None else WorkingCalendar()


def _check_n(n):
    if not isinstance(n, int) or n < 0:
        raise ValueError(_("The number of working days must be a whole number, 0 or more."))


def _walk(start, n, step, calendar):
    _check_n(n)
    calendar = _calendar(calendar)
    day, counted, years = start, 0, set()
    for _i in range(MAX_SPAN_DAYS):
        if counted == n:
            break
        day += step
        years.add(day.year)
        if calendar.is_working_day(day):
            counted += 1
    else:
        raise ValueError("working-day count out of range")
    return WorkdayResult(day, tuple(sorted(y for y in years if not calendar.is_known(y))))


def working_days_after(start, n, *, calendar=None):
    """The n-th working day after `start` (the deadline of "within n working days of start")."""
    return _walk(start, n, ONE_DAY, calendar)


def working_days_before(end, n, *, calendar=None):
    """The inverse: the latest day d with working_days_after(d, n) == end when end is a working day
    (e.g. the last day a notice may go out so that n working days remain)."""
    return _walk(end, n, -ONE_DAY, calendar)


def working_days_between(start, end, *, calendar=None):
    """How many working days fall in (start, end]: 0 when end <= start."""
    calendar = _calendar(calendar)
    days, years, day = 0, set(), start
    if (end - start).days > MAX_SPAN_DAYS:
        raise ValueError("working-day count out of range")
    while day < end:
        day += ONE_DAY
        years.add(day.year)
        days += calendar.is_working_day(day)
    return WorkdayCount(days, tuple(sorted(y for y in years if not calendar.is_known(y))))


def is_working_day(day, *, calendar=None):
    return _calendar(calendar).is_working_day(day)


def into_working_hours(moment, *, earlier, calendar=None):
    """`moment` if it falls in office hours of a working day; else the closest office-hours moment
    before it (`earlier`: the end of the last working day, for a deadline that must come before an
    event) or after it (the start of the next one). Local time (settings.TIME_ZONE)."""
    calendar = _calendar(calendar)
    start, end = settings.BUREAU_WORKDAY_START, settings.BUREAU_WORKDAY_END
    local = timezone.localtime(moment)
    day, time = local.date(), local.time()
    if calendar.is_working_day(day) and start <= time <= end:
        return moment
    if earlier:
        if not (calendar.is_working_day(day) and time > end):
            day -= ONE_DAY
            for _i in range(MAX_SPAN_DAYS):
                if calendar.is_working_day(day):
                    break
                day -= ONE_DAY
        return timezone.make_aware(datetime.datetime.combine(day, end))
    if not (calendar.is_working_day(day) and time < start):
        day += ONE_DAY
        for _i in range(MAX_SPAN_DAYS):
            if calendar.is_working_day(day):
                break
            day += ONE_DAY
    return timezone.make_aware(datetime.datetime.combine(day, start))
