"""The law's clocks as deadlines: the rule in force on the day a clock starts (ClockRule, dated data),
counted with the working-day calendar (bureau.workdays).

    deadline = clock_deadline("contract_publication", start=contract.signed_on, done_on=contract.published_on)
    deadline.due, deadline.state, deadline.is_overdue, deadline.warning, deadline.rule.citation

Clock keys (ClockRule.key) seeded from the 2014 law and the 2015 regulation: intention_publication,
evaluation_report, winner_confirmation, award_notice, challenge_filing, challenge_reply,
complaint_filing, complaint_decision, complaint_suspension, contract_signing, contract_publication,
contract_filing. A page computing many deadlines makes one `Clocks()` and passes it as `clocks=`.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.workdays import WorkingCalendar, working_days_after
from procurement.choices import DayKind
from procurement.models import ClockRule

DONE, LATE, OVERDUE, RUNNING = "done", "late", "overdue", "running"
STATE_LABELS = {DONE: _("in time"), LATE: _("late"), OVERDUE: _("overdue"), RUNNING: _("running")}


@dataclass(frozen=True)
class Deadline:
    key: str
    rule: ClockRule
    start: datetime.date
    due: datetime.date
    done_on: datetime.date | None = None
    unknown_years: tuple = ()

    @property
    def estimated(self):
        return bool(self.unknown_years)

    @property
    def warning(self):
        from bureau.workdays import calendar_warning

        return calendar_warning(self.unknown_years)

    def state_on(self, today):
        if self.done_on is not None:
            return DONE if self.done_on <= self.due else LATE
        return OVERDUE if today > self.due else RUNNING

    @property
    def state(self):
        return self.state_on(timezone.localdate())

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def is_overdue(self):
        return self.state == OVERDUE

    @property
    def is_late(self):
        return self.state in (OVERDUE, LATE)

    @property
    def days_late(self):
        end = self.done_on or timezone.localdate()
        return max(0, (end - self.due).days)


class Clocks:
    """The clock rules and the calendar, each read once for the object's life (one page)."""

    def __init__(self):
        self.calendar = WorkingCalendar()
        self._rules = None

    def rule(self, key, on):
        if self._rules is None:
            self._rules = list(ClockRule.objects.order_by("-valid_from"))
        for rule in self._rules:
            if rule.key == key and rule.valid_from <= on and (rule.valid_to is None or on <= rule.valid_to):
                return rule
        raise LookupError(f"no clock rule {key!r} in force on {on}")

    def deadline(self, key, *, start, done_on=None):
        if start is None:
            return None
        rule = self.rule(key, start)
        if rule.day_kind == DayKind.WORKING:
            result = working_days_after(start, rule.days, calendar=self.calendar)
            return Deadline(key, rule, start, result.date, done_on, result.unknown_years)
        return Deadline(key, rule, start, start + datetime.timedelta(days=rule.days), done_on)


def clock_rule(key, *, on):
    """The ClockRule of `key` in force on `on` (LookupError when none is)."""
    return Clocks().rule(key, on)


def clock_deadline(key, *, start, done_on=None, clocks=None):
    """The Deadline of clock `key` started on `start` (None when it has not started)."""
    return (clocks or Clocks()).deadline(key, start=start, done_on=done_on)


def batch_deadlines(batch, *, clocks=None):
    """The batch's clocks (实施条例 art. 43): evaluation report, winner confirmation, award notice."""
    clocks = clocks or Clocks()
    found = [
        clocks.deadline("evaluation_report", start=batch.evaluation_ended_on, done_on=batch.evaluation_report_on),
        clocks.deadline("winner_confirmation", start=batch.evaluation_report_on, done_on=batch.winner_confirmed_on),
        clocks.deadline("award_notice", start=batch.winner_confirmed_on, done_on=batch.award_notice_on),
    ]
    return [deadline for deadline in found if deadline is not None]


def contract_deadlines(contract, *, clocks=None):
    """Signed within 30 days of the award notice (law art. 46), published within 2 working days of
    signing (实施条例 art. 50)."""
    clocks = clocks or Clocks()
    found = [
        clocks.deadline("contract_signing", start=contract.batch.award_notice_on, done_on=contract.signed_on),
        clocks.deadline("contract_publication", start=contract.signed_on, done_on=contract.published_on),
    ]
    return [deadline for deadline in found if deadline is not None]


def request_intention_deadline(procurement_request, *, clocks=None):
    """The latest day the intention could be published (30 days before the procurement starts)."""
    clocks = clocks or Clocks()
    rule = clocks.rule("intention_publication", procurement_request.planned_start)
    return procurement_request.planned_start - datetime.timedelta(days=rule.days), rule
