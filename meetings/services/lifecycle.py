"""The meeting life cycle as services (keyword-only, atomic, audited):

draft → submitted → approved | rejected → preparing → in progress → held → settled,
plus cancelled with a reason from any state before held; a rejected meeting may be resubmitted.

Every move locks the meeting row (select_for_update) and re-checks its status, so two people acting
on the same meeting at once cannot both succeed: the second is told what happened first.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.choices import MeetingStatus, PrintingStatus
from meetings.models import Meeting, PrintingOrder

S = MeetingStatus

# move: (states it may start from, state it leads to)
TRANSITIONS = {
    "submit": ({S.DRAFT, S.REJECTED}, S.SUBMITTED),
    "approve": ({S.SUBMITTED}, S.APPROVED),
    "reject": ({S.SUBMITTED}, S.REJECTED),
    "start_preparing": ({S.APPROVED}, S.PREPARING),
    "start": ({S.PREPARING}, S.IN_PROGRESS),
    "finish": ({S.IN_PROGRESS}, S.HELD),
    "settle": ({S.HELD}, S.SETTLED),
    "cancel": ({S.DRAFT, S.SUBMITTED, S.APPROVED, S.REJECTED, S.PREPARING, S.IN_PROGRESS}, S.CANCELLED),
}
MOVE_LABELS = {
    "submit": gettext_lazy("Submit for approval"),
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
    "start_preparing": gettext_lazy("Start preparing"),
    "start": gettext_lazy("Start the meeting"),
    "finish": gettext_lazy("Finish the meeting"),
    "settle": gettext_lazy("Settle"),
    "cancel": gettext_lazy("Cancel the meeting"),
}
# The permission each move needs (on top of seeing the meeting: department scoping).
MOVE_PERMISSIONS = {
    "submit": "meetings.change_meeting",
    "approve": "meetings.approve_meeting",
    "reject": "meetings.approve_meeting",
    "start_preparing": "meetings.manage_meeting",
    "start": "meetings.manage_meeting",
    "finish": "meetings.manage_meeting",
    "settle": "meetings.settle_meeting",
    "cancel": "meetings.cancel_meeting",
}


def move_allowed(meeting, move):
    return meeting.status in TRANSITIONS[move][0]


def moves_for(user, meeting):
    """The moves this user may make on this meeting now (for the buttons)."""
    return [move for move in TRANSITIONS if move_allowed(meeting, move) and user.has_perm(MOVE_PERMISSIONS[move])]


def illegal_move_error(locked, move):
    message = _("The meeting “%(meeting)s” is %(status)s; “%(move)s” is not possible from this state.") % {
        "meeting": locked,
        "status": locked.get_status_display(),
        "move": MOVE_LABELS[move],
    }
    if move in ("approve", "reject") and locked.status in (S.APPROVED, S.REJECTED):
        from bureau.models import person_name
        from meetings.services.approval import meeting_last_decision

        last = meeting_last_decision(locked)
        if last is not None:
            message += " " + _("It was already decided: %(decision)s by %(who)s at %(when)s.") % {
                "decision": last.get_decision_display(),
                "who": person_name(last.approver),
                "when": date_format(timezone.localtime(last.decided_at), "Y-m-d H:i"),
            }
    return ValidationError(message, code="illegal_move")


def lock_for_move(*, meeting, move):
    """Re-read the meeting under a row lock and check the move is legal from its current state."""
    locked = Meeting.objects.select_for_update(of=("self",)).select_related("venue_room__building").get(pk=meeting.pk)
    if not move_allowed(locked, move):
        raise illegal_move_error(locked, move)
    return locked


def finish_move(*, meeting, locked, target, actor, reason="", extra_fields=()):
    """Set the new status, save with history (who, why), and update the caller's object too."""
    locked.status = target
    locked._history_user = actor
    locked._change_reason = (reason or str(MOVE_LABELS.get(_move_to(target), "")))[:100]
    try:
        with transaction.atomic():
            locked.save(update_fields=["status", "updated_at", *extra_fields])
    except IntegrityError as exc:
        if "venue" in str(exc):
            raise ValidationError(
                {
                    "venue_room": ValidationError(
                        _("The venue was booked by another meeting at the same time; choose another time or room."),
                        code="venue_clash",
                    )
                }
            ) from exc
        raise
    for field in ("status", "updated_at", *extra_fields):
        setattr(meeting, field, getattr(locked, field))
    return locked


def _move_to(target):
    return next((move for move, (_sources, to) in TRANSITIONS.items() if to == target), "")


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


def venue_clash_message(meeting, clash):
    return _("%(room)s is already booked from %(start)s to %(end)s by the meeting “%(other)s” (%(department)s).") % {
        "room": clash.venue_room,
        "start": date_format(timezone.localtime(clash.start_at), "Y-m-d H:i"),
        "end": date_format(timezone.localtime(clash.end_at), "Y-m-d H:i"),
        "other": clash.title,
        "department": clash.host_department,
    }


def meeting_check_venue(*, meeting):
    clash = meeting_venue_clash(meeting)
    if clash is not None:
        raise ValidationError({"venue_room": ValidationError(venue_clash_message(meeting, clash), code="venue_clash")})


@transaction.atomic
def meeting_submit(*, meeting, actor):
    """The host department asks for approval: venue free, within the category limits and the cap."""
    from meetings.services.approval import meeting_check_limits

    locked = lock_for_move(meeting=meeting, move="submit")
    meeting_check_venue(meeting=locked)
    meeting_check_limits(meeting=locked)
    return finish_move(meeting=meeting, locked=locked, target=S.SUBMITTED, actor=actor)


@transaction.atomic
def meeting_start_preparing(*, meeting, actor):
    locked = lock_for_move(meeting=meeting, move="start_preparing")
    return finish_move(meeting=meeting, locked=locked, target=S.PREPARING, actor=actor)


@transaction.atomic
def meeting_start(*, meeting, actor):
    locked = lock_for_move(meeting=meeting, move="start")
    return finish_move(meeting=meeting, locked=locked, target=S.IN_PROGRESS, actor=actor)


@transaction.atomic
def meeting_finish(*, meeting, actor):
    locked = lock_for_move(meeting=meeting, move="finish")
    return finish_move(meeting=meeting, locked=locked, target=S.HELD, actor=actor)


@transaction.atomic
def meeting_settle(*, meeting, actor, note=""):
    """统一会后经费结算: every line has its actual amount, the actual total is within the cap."""
    from meetings.services.budget import meeting_check_settlement

    locked = lock_for_move(meeting=meeting, move="settle")
    meeting_check_settlement(meeting=locked)
    locked.settled_at = timezone.now()
    locked.settled_by = actor
    return finish_move(
        meeting=meeting,
        locked=locked,
        target=S.SETTLED,
        actor=actor,
        reason=note,
        extra_fields=("settled_at", "settled_by"),
    )


@transaction.atomic
def meeting_cancel(*, meeting, actor, reason):
    """Cancel with a reason (before the meeting is held); open printing orders are cancelled too."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": ValidationError(_("Give the reason for cancelling the meeting."), code="reason_required")}
        )
    locked = lock_for_move(meeting=meeting, move="cancel")
    locked.cancel_reason = reason[:500]
    for order in PrintingOrder.objects.filter(
        meeting=locked, status__in=[PrintingStatus.ORDERED, PrintingStatus.PRINTING]
    ):
        order.status = PrintingStatus.CANCELLED
        order.cancel_reason = _("Meeting cancelled: %(reason)s") % {"reason": reason}
        order.cancel_reason = order.cancel_reason[:500]
        order._history_user = actor
        order.save(update_fields=["status", "cancel_reason", "updated_at"])
    return finish_move(
        meeting=meeting, locked=locked, target=S.CANCELLED, actor=actor, reason=reason, extra_fields=("cancel_reason",)
    )
