"""The law's clocks as deadlines: each computed from the ClockRule in force on the day the clock
starts (dated data citing its article) and counted by bureau.workdays, with its state (in time, late,
overdue, running) and the weekends-only warning when a year's calendar is not entered.

    clock = ClockBook().clock("contract_publication", contract.signed_on, contract.published_on)
    clock.due, clock.state, clock.overdue_now, clock.warning, clock.rule.citation

Clock keys (ClockRule.key) seeded from the 2014 law and the 2015 regulation: intention_publication,
evaluation_report, winner_confirmation, award_notice, challenge_filing, challenge_reply,
complaint_filing, complaint_decision, complaint_suspension, contract_signing, contract_publication,
contract_filing. Pages that show many clocks pass one `ClockBook()`, so the rules and the calendar
are read once."""

import datetime
from dataclasses import dataclass, field

from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _

from bureau.workdays import WorkingCalendar, working_days_after
from procurement.choices import DayKind
from procurement.models import ClockRule

DONE, LATE, OVERDUE, RUNNING = "done", "late", "overdue", "running"


@dataclass(frozen=True)
class Deadline:
    key: str
    rule: ClockRule
    start: datetime.date
    date: datetime.date
    warning: str = ""

    @property
    def name(self):
        return self.rule.name

    @property
    def citation(self):
        return self.rule.citation


@dataclass(frozen=True)
class Clock:
    """One running or finished clock of one record."""

    deadline: Deadline
    done_on: datetime.date | None
    today: datetime.date
    subject: object = field(default=None, compare=False)
    label: str = ""

    @property
    def key(self):
        return self.deadline.key

    @property
    def url(self):
        return record_url(self.subject)

    @property
    def running(self):
        return self.done_on is None

    @property
    def overdue(self):
        """Late: done after the deadline, or still running past it."""
        if self.done_on is not None:
            return self.done_on > self.deadline.date
        return self.today > self.deadline.date

    @property
    def overdue_now(self):
        """Running and past its deadline: what the overdue list and the daily mail show."""
        return self.running and self.today > self.deadline.date

    @property
    def days_late(self):
        end = self.done_on or self.today
        return max((end - self.deadline.date).days, 0)

    # What a record's page shows (templates/procurement/_deadlines.html).
    @property
    def rule(self):
        return self.deadline.rule

    @property
    def due(self):
        return self.deadline.date

    @property
    def warning(self):
        return self.deadline.warning

    @property
    def state(self):
        if self.done_on is not None:
            return LATE if self.overdue else DONE
        return OVERDUE if self.overdue_now else RUNNING


def record_url(record):
    """The record's page, or "" where the page is not there (a record without its own page)."""
    try:
        return record.get_absolute_url() if record is not None else ""
    except NoReverseMatch:
        return ""


class ClockBook:
    """The rules and the working-day calendar, read once for many clocks."""

    def __init__(self, *, today=None, calendar=None):
        self.today = today or timezone.localdate()
        self.calendar = calendar or WorkingCalendar()
        self._rules = None

    def rule(self, key, day):
        if self._rules is None:
            self._rules = {}
            for rule in ClockRule.objects.order_by("-valid_from"):
                self._rules.setdefault(rule.key, []).append(rule)
        for rule in self._rules.get(key, ()):
            if rule.valid_from <= day and (rule.valid_to is None or day <= rule.valid_to):
                return rule
        raise LookupError(_("No rule for the clock %(key)s is in force on %(day)s.") % {"key": key, "day": day})

    def deadline(self, key, start):
        rule = self.rule(key, start)
        if rule.day_kind == DayKind.WORKING:
            result = working_days_after(start, rule.days, calendar=self.calendar)
            date, warning = result.date, result.warning
        else:
            date, warning = start + datetime.timedelta(days=rule.days), ""
        return Deadline(key=key, rule=rule, start=start, date=date, warning=warning)

    def clock(self, key, start, done_on=None, *, subject=None, label=""):
        return Clock(self.deadline(key, start), done_on, self.today, subject=subject, label=label)


def deadline_for(key, start, *, book=None):
    """The deadline of clock `key` started on `start` (a Deadline: date, rule name, citation, warning)."""
    return (book or ClockBook()).deadline(key, start)


def challenge_clocks(challenge, *, book=None):
    """The filing and reply clocks of a challenge (质疑, law art. 52 and 53)."""
    book = book or ClockBook()
    return [
        book.clock("challenge_filing", challenge.knew_on, challenge.received_on, subject=challenge),
        book.clock("challenge_reply", challenge.received_on, challenge.replied_on, subject=challenge),
    ]


def challenge_reply_deadline(challenge, *, book=None):
    return (book or ClockBook()).deadline("challenge_reply", challenge.received_on)


def complaint_filing_deadline(challenge, *, book=None):
    """A complaint is filed within 15 working days after the reply deadline (law art. 55)."""
    book = book or ClockBook()
    return book.deadline("complaint_filing", challenge_reply_deadline(challenge, book=book).date)


def complaint_clocks(complaint, *, book=None):
    """The filing, decision and (when suspended) suspension clocks of a complaint (投诉)."""
    book = book or ClockBook()
    filing = complaint_filing_deadline(complaint.challenge, book=book)
    clocks = [
        Clock(filing, complaint.filed_on, book.today, subject=complaint),
        book.clock("complaint_decision", complaint.filed_on, complaint.decided_on, subject=complaint),
    ]
    if complaint.suspended_from:
        # The suspension ends by the decision or on its recorded end, whichever comes first.
        ends = complaint.suspended_to
        if complaint.decided_on and (ends is None or complaint.decided_on < ends):
            ends = complaint.decided_on
        done = ends if ends is not None and ends <= book.today else None
        clocks.append(book.clock("complaint_suspension", complaint.suspended_from, done, subject=complaint))
    return clocks


def batch_deadlines(batch, *, book=None):
    """The batch's clocks that have started (实施条例 art. 43): evaluation report, winner
    confirmation, award notice."""
    book = book or ClockBook()
    found = (
        ("evaluation_report", batch.evaluation_ended_on, batch.evaluation_report_on),
        ("winner_confirmation", batch.evaluation_report_on, batch.winner_confirmed_on),
        ("award_notice", batch.winner_confirmed_on, batch.award_notice_on),
    )
    return [book.clock(key, start, done_on, subject=batch) for key, start, done_on in found if start]


def contract_deadlines(contract, *, book=None):
    """Signed within 30 days of the award notice (law art. 46), published within 2 working days of
    signing (实施条例 art. 50); the clocks that have started."""
    book = book or ClockBook()
    found = (
        ("contract_signing", contract.batch.award_notice_on, contract.signed_on),
        ("contract_publication", contract.signed_on, contract.published_on),
    )
    return [book.clock(key, start, done_on, subject=contract) for key, start, done_on in found if start]


def request_intention_deadline(procurement_request, *, book=None):
    """The latest day the intention could be published (30 days before the procurement starts), and
    the rule."""
    rule = (book or ClockBook()).rule("intention_publication", procurement_request.planned_start)
    return procurement_request.planned_start - datetime.timedelta(days=rule.days), rule
