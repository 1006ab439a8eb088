"""统一会议审批: the category limits of the standard in force, and the approvers' decisions.

The limits themselves are meetings.rules; what they are checked against is read by
meetings.selectors.meeting."""

from django.core.exceptions import ValidationError

from bureau.services import audited_save
from meetings.models import ApprovalDecision, BudgetLine
from meetings.selectors.meeting import meeting_limit_violations


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


__all__ = [
    "meeting_check_limits",
    "approval_decision_record",
    "meeting_budget_approve_as_requested",
]
