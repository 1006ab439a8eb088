"""统一会议审批: the category limits of the standard in force, and the approvers' decisions."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bureau.services import audited_save
from meetings.choices import BudgetKind
from meetings.models import ApprovalDecision, BudgetLine, MeetingStandard

ZERO = Decimal("0.00")


def meeting_standard(meeting):
    """The standard in force on the meeting's start date, or a ValidationError saying there is none."""
    standard = MeetingStandard.objects.for_meeting(meeting)
    if standard is None:
        raise ValidationError(
            _(
                "No meeting standard is in force for %(category)s meetings on %(date)s; "
                "ask the administrator to enter the standard for that date."
            )
            % {
                "category": meeting.get_category_display(),
                "date": date_format(timezone.localtime(meeting.start_at).date(), "Y-m-d"),
            },
            code="no_standard",
        )
    return standard


def meeting_budget_cap(meeting, standard):
    """Comprehensive quota × (attendees + staff) × days: the three main items together."""
    return standard.total * meeting.people * meeting.days


def meeting_budget_totals(meeting):
    """{'requested', 'approved', 'actual'} sums of the live budget lines (Decimal, 0 when none)."""
    sums = BudgetLine.objects.live().filter(
        meeting=meeting, kind__in=[BudgetKind.LODGING, BudgetKind.MEALS, BudgetKind.OTHER]
    )
    sums = sums.aggregate(requested=Sum("requested"), approved=Sum("approved"), actual=Sum("actual"))
    return {key: value or ZERO for key, value in sums.items()}


def meeting_size_violations(meeting, standard):
    """{field: message} for days, participants and staff share over the category limits."""
    errors = {}
    category = meeting.get_category_display()
    if standard.max_days is not None and meeting.days > standard.max_days:
        errors["end_at"] = _("%(category)s meetings may last at most %(max)s days; this request has %(days)s days.") % {
            "category": category,
            "max": standard.max_days,
            "days": meeting.days,
        }
    if standard.max_attendees is not None and meeting.people > standard.max_attendees:
        errors["planned_attendees"] = _(
            "%(category)s meetings may have at most %(max)s participants (attendees and staff); "
            "this request has %(count)s."
        ) % {"category": category, "max": standard.max_attendees, "count": meeting.people}
    if standard.max_staff_ratio is not None:
        max_staff = int(Decimal(meeting.planned_attendees or 0) * standard.max_staff_ratio / 100)
        if (meeting.planned_staff or 0) > max_staff:
            errors["planned_staff"] = _(
                "%(category)s meetings may have staff of at most %(ratio)s%% of the attendees "
                "(%(max)s for %(attendees)s attendees); this request has %(staff)s."
            ) % {
                "category": category,
                "ratio": f"{standard.max_staff_ratio.normalize():f}",
                "max": max_staff,
                "attendees": meeting.planned_attendees,
                "staff": meeting.planned_staff,
            }
    return errors


def meeting_cap_violation(meeting, standard, *, amount, column):
    """The message when `amount` (a total of the `column` amounts) is over the cap, else None."""
    cap = meeting_budget_cap(meeting, standard)
    if amount <= cap:
        return None
    labels = {"requested": _("requested"), "approved": _("approved"), "actual": _("actual")}
    return _(
        "%(category)s meetings may cost at most %(quota)s yuan per person-day: %(people)s people × %(days)s days "
        "allow %(cap)s yuan for lodging, meals and other costs together; the %(column)s amounts total %(total)s yuan."
    ) % {
        "category": meeting.get_category_display(),
        "quota": standard.total,
        "people": meeting.people,
        "days": meeting.days,
        "cap": cap,
        "column": labels[column],
        "total": amount,
    }


def meeting_limit_violations(meeting, *, standard=None):
    """Every rule the meeting's request breaks, as messages (empty: within the limits)."""
    standard = standard or meeting_standard(meeting)
    messages = list(meeting_size_violations(meeting, standard).values())
    totals = meeting_budget_totals(meeting)
    cap_message = meeting_cap_violation(meeting, standard, amount=totals["requested"], column="requested")
    if cap_message:
        messages.append(cap_message)
    return messages


def meeting_check_limits(*, meeting):
    messages = meeting_limit_violations(meeting)
    if messages:
        raise ValidationError([ValidationError(message, code="over_limit") for message in messages])


def approval_decision_record(*, meeting, actor, decision, comment=""):
    """统一会议审批: the approver's decision as a record (its history names the approver)."""
    record = ApprovalDecision(meeting=meeting, approver=actor, decision=decision, comment=comment)
    return audited_save(obj=record, actor=actor)


def meeting_budget_approve_as_requested(*, meeting, actor):
    """On approval, the lines finance has not yet given an approved amount are approved as requested."""
    for line in BudgetLine.objects.live().filter(meeting=meeting, approved=None):
        line.approved = line.requested
        audited_save(obj=line, actor=actor, update_fields=["approved"])


def meeting_last_decision(meeting):
    return ApprovalDecision.objects.filter(meeting=meeting).select_related("approver").first()


__all__ = [
    "meeting_standard",
    "meeting_budget_cap",
    "meeting_budget_totals",
    "meeting_size_violations",
    "meeting_cap_violation",
    "meeting_limit_violations",
    "meeting_check_limits",
    "approval_decision_record",
    "meeting_budget_approve_as_requested",
    "meeting_last_decision",
]
