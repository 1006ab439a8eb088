"""The meeting life cycle, declared as a transition table for the bureau workflow engine:

draft → submitted → approved | rejected → preparing → in progress → held → settled,
plus cancelled with a reason from any state before held; a rejected meeting may be resubmitted; an
approved meeting (also while being prepared) goes back to submitted when an approved term changes
(category, size, dates, venue — meetings.services.meeting_update does it), or when the meeting centre
sends it back to change the approved budget: the approver decides again, and both decisions stay.

bureau.workflow.transition locks the meeting row, re-checks its status, checks the permission and
the reason, and records who did it and why; the hooks below add the meeting's own rules (the venue
and the category limits at submission and approval, the approver's decision, the settlement, the
procedure checklist of an approved meeting, the printing orders of a cancelled one).
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bureau.models import person_name
from bureau.services import audited_save
from bureau.workflow import OPTIONAL, REQUIRED, Move, Workflow, transition
from meetings.choices import ApprovalDecisionKind, MeetingStatus, PrintingStatus
from meetings.models import BudgetLine, Meeting, PrintingOrder
from meetings.rules import no_budget_error, venue_taken_error
from meetings.selectors.meeting import meeting_last_decision
from meetings.services.approval import (
    approval_decision_record,
    meeting_budget_approve_as_requested,
    meeting_check_limits,
)
from meetings.services.budget import meeting_check_settlement
from meetings.services.meeting import meeting_check_venue
from meetings.services.procedures import meeting_procedures_create

S = MeetingStatus


# --- the hooks: each gets the locked meeting, the actor and the reason ---


def _check_submission(meeting, **_kwargs):
    meeting_check_venue(meeting=meeting)
    meeting_check_limits(meeting=meeting)
    if not BudgetLine.objects.live().filter(meeting=meeting).exists():
        raise no_budget_error()


def _check_approval(meeting, **_kwargs):
    meeting_check_limits(meeting=meeting)


def _after_approval(meeting, *, actor, reason, **_kwargs):
    approval_decision_record(meeting=meeting, actor=actor, decision=ApprovalDecisionKind.APPROVE, comment=reason)
    meeting_budget_approve_as_requested(meeting=meeting, actor=actor)
    # An approved meeting gets its own copy of the procedure checklist (owners and due times).
    meeting_procedures_create(meeting=meeting, actor=actor)


def _after_rejection(meeting, *, actor, reason, **_kwargs):
    approval_decision_record(meeting=meeting, actor=actor, decision=ApprovalDecisionKind.REJECT, comment=reason)


def _check_settlement(meeting, **_kwargs):
    """统一会后经费结算: every line has its actual amount, the actual total is within the cap."""
    meeting_check_settlement(meeting=meeting)


def _apply_settlement(meeting, *, actor, **_kwargs):
    meeting.settled_at = timezone.now()
    meeting.settled_by = actor
    return ("settled_at", "settled_by")


def _apply_cancellation(meeting, *, reason, **_kwargs):
    meeting.cancel_reason = reason[:500]
    return ("cancel_reason",)


def _after_cancellation(meeting, *, actor, reason, **_kwargs):
    """Open printing orders are cancelled with the meeting (the row lock keeps new ones out meanwhile)."""
    for order in PrintingOrder.objects.filter(
        meeting=meeting, status__in=[PrintingStatus.ORDERED, PrintingStatus.PRINTING]
    ):
        order.status = PrintingStatus.CANCELLED
        order.cancel_reason = (_("Meeting cancelled: %(reason)s") % {"reason": reason})[:500]
        audited_save(obj=order, actor=actor, reason=reason, update_fields=["status", "cancel_reason"])


class MeetingWorkflow(Workflow):
    model = Meeting
    reason_field = "comment"
    select_related = ("venue_room__building",)
    moves = (
        Move(
            "submit",
            {S.DRAFT, S.REJECTED},
            S.SUBMITTED,
            "meetings.change_meeting",
            gettext_lazy("Submit for approval"),
            reason=OPTIONAL,
            check=_check_submission,
        ),
        Move(
            "approve",
            {S.SUBMITTED},
            S.APPROVED,
            "meetings.approve_meeting",
            gettext_lazy("Approve"),
            reason=OPTIONAL,
            check=_check_approval,
            after=_after_approval,
        ),
        Move(
            "reject",
            {S.SUBMITTED},
            S.REJECTED,
            "meetings.approve_meeting",
            gettext_lazy("Reject"),
            reason=REQUIRED,
            reason_message=gettext_lazy("Say why the meeting is rejected."),
            after=_after_rejection,
            css="btn-outline-danger",
        ),
        Move(
            "send_back",
            {S.APPROVED, S.PREPARING},
            S.SUBMITTED,
            "meetings.manage_meeting",
            gettext_lazy("Send back for approval"),
            reason=REQUIRED,
            reason_message=gettext_lazy("Say what changes in the approved meeting."),
            css="btn-outline-secondary",
        ),
        Move(
            "start_preparing",
            {S.APPROVED},
            S.PREPARING,
            "meetings.manage_meeting",
            gettext_lazy("Start preparing"),
            reason=OPTIONAL,
        ),
        Move(
            "start",
            {S.PREPARING},
            S.IN_PROGRESS,
            "meetings.manage_meeting",
            gettext_lazy("Start the meeting"),
            reason=OPTIONAL,
        ),
        Move(
            "finish",
            {S.IN_PROGRESS},
            S.HELD,
            "meetings.manage_meeting",
            gettext_lazy("Finish the meeting"),
            reason=OPTIONAL,
        ),
        Move(
            "settle",
            {S.HELD},
            S.SETTLED,
            "meetings.settle_meeting",
            gettext_lazy("Settle"),
            reason=OPTIONAL,
            check=_check_settlement,
            apply=_apply_settlement,
        ),
        Move(
            "cancel",
            {S.DRAFT, S.SUBMITTED, S.APPROVED, S.REJECTED, S.PREPARING, S.IN_PROGRESS},
            S.CANCELLED,
            "meetings.cancel_meeting",
            gettext_lazy("Cancel the meeting"),
            reason=REQUIRED,
            reason_message=gettext_lazy("Give the reason for cancelling the meeting."),
            apply=_apply_cancellation,
            after=_after_cancellation,
            css="btn-outline-danger",
        ),
    )

    @classmethod
    def illegal_move_message(cls, obj, move):
        message = _("The meeting “%(meeting)s” is %(status)s; “%(move)s” is not possible from this state.") % {
            "meeting": obj,
            "status": obj.get_status_display(),
            "move": move.label,
        }
        if move.name in ("approve", "reject") and obj.status in (S.APPROVED, S.REJECTED):
            last = meeting_last_decision(obj)
            if last is not None:
                message += " " + _("It was already decided: %(decision)s by %(who)s at %(when)s.") % {
                    "decision": last.get_decision_display(),
                    "who": person_name(last.approver),
                    "when": date_format(timezone.localtime(last.decided_at), "Y-m-d H:i"),
                }
        return message

    @classmethod
    def save_error(cls, obj, move, exc):
        return venue_taken_error(exc)


# --- the moves as services (for code that makes one move: the demo, tasks, tests) ---


def meeting_submit(*, meeting, actor):
    """The host department asks for approval: venue free, within the category limits and the cap."""
    return transition(obj=meeting, move="submit", actor=actor)


def meeting_approve(*, meeting, actor, comment=""):
    """Leadership approves: the limits are checked again, the decision recorded, the budget approved
    as requested where finance has not yet entered an approved amount, the checklist created."""
    return transition(obj=meeting, move="approve", actor=actor, reason=comment)


def meeting_reject(*, meeting, actor, comment):
    return transition(obj=meeting, move="reject", actor=actor, reason=comment)


def meeting_send_back(*, meeting, actor, reason):
    """An approved meeting goes back to the approver: its terms or its approved budget change."""
    return transition(obj=meeting, move="send_back", actor=actor, reason=reason)


def meeting_start_preparing(*, meeting, actor):
    return transition(obj=meeting, move="start_preparing", actor=actor)


def meeting_start(*, meeting, actor):
    return transition(obj=meeting, move="start", actor=actor)


def meeting_finish(*, meeting, actor):
    return transition(obj=meeting, move="finish", actor=actor)


def meeting_settle(*, meeting, actor, note=""):
    return transition(obj=meeting, move="settle", actor=actor, reason=note)


def meeting_cancel(*, meeting, actor, reason):
    """Cancel with a reason (before the meeting is held); open printing orders are cancelled too."""
    return transition(obj=meeting, move="cancel", actor=actor, reason=reason)
