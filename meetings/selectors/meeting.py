"""Reads about one meeting request: the standard in force, the budget totals, a venue clash, the
rules the request breaks, the last approval decision. The checks themselves are meetings.rules."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum

from meetings.choices import BudgetKind
from meetings.models import ApprovalDecision, BudgetLine, Meeting, MeetingStandard
from meetings.rules import (
    REQUEST_EDITABLE_STATUSES,
    meeting_cap_violation,
    meeting_size_violations,
    no_standard_error,
    venue_clash_message,
    venue_too_small_message,
)

ZERO = Decimal("0.00")


def meeting_standard(meeting):
    """The standard in force on the meeting's start date, or a ValidationError saying there is none."""
    standard = MeetingStandard.objects.for_meeting(meeting)
    if standard is None:
        raise no_standard_error(meeting)
    return standard


def meeting_budget_totals(meeting):
    """{'requested', 'approved', 'actual'} sums of the live budget lines (Decimal, 0 when none)."""
    sums = BudgetLine.objects.live().filter(
        meeting=meeting, kind__in=[BudgetKind.LODGING, BudgetKind.MEALS, BudgetKind.OTHER]
    )
    sums = sums.aggregate(requested=Sum("requested"), approved=Sum("approved"), actual=Sum("actual"))
    return {key: value or ZERO for key, value in sums.items()}


def meeting_limit_violations(meeting, *, standard=None):
    """Every rule the meeting's request breaks, as messages (empty: within the limits)."""
    standard = standard or meeting_standard(meeting)
    messages = list(meeting_size_violations(meeting, standard).values())
    totals = meeting_budget_totals(meeting)
    cap_message = meeting_cap_violation(meeting, standard, amount=totals["requested"], column="requested")
    if cap_message:
        messages.append(cap_message)
    return messages


def meeting_last_decision(meeting):
    return ApprovalDecision.objects.filter(meeting=meeting).select_related("approver").first()


def meeting_venue_clash(meeting):
    """Another meeting holding the same room at an overlapping time, or None."""
    if not (meeting.venue_room_id and meeting.start_at and meeting.end_at):
        return None
    return (
        Meeting.objects.venue_clashes(
            room=meeting.venue_room_id, start_at=meeting.start_at, end_at=meeting.end_at, exclude_pk=meeting.pk
        )
        .select_related("host_department", "venue_room__building")
        .first()
    )


def meeting_request_errors(meeting, *, changed=()):
    """{field: [ValidationError]} for every rule the request breaks (empty: none)."""
    errors = {}

    def add(field, message, code):
        errors.setdefault(field, []).append(ValidationError(message, code=code))

    if not (meeting.start_at and meeting.end_at and meeting.category and meeting.planned_attendees is not None):
        return errors
    if meeting.end_at <= meeting.start_at:
        return errors  # the model's own check says so
    clash = meeting_venue_clash(meeting)
    if clash is not None:
        add("venue_room", venue_clash_message(meeting, clash), "venue_clash")
    if meeting.venue_room_id and (too_small := venue_too_small_message(meeting, meeting.venue_room)):
        add("venue_room", too_small, "venue_too_small")
    standard = MeetingStandard.objects.for_meeting(meeting)
    if standard is None:
        add("start_at", no_standard_error(meeting).messages[0], "no_standard")
        return errors
    for field, message in meeting_size_violations(meeting, standard).items():
        add(field, message, "over_limit")
    if meeting.pk and meeting.status not in REQUEST_EDITABLE_STATUSES:
        # Submitted budgets are no longer re-checked at submission: fewer people or days must not
        # leave the requested, approved or actual amounts over the new cap.
        field = "planned_attendees" if {"planned_attendees", "planned_staff"} & set(changed) else "end_at"
        totals = meeting_budget_totals(meeting)
        for column in ("requested", "approved", "actual"):
            message = meeting_cap_violation(meeting, standard, amount=totals[column], column=column)
            if message:
                add(field, message, "over_cap")
    return errors
