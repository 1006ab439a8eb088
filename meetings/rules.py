"""Which state allows what: the status sets that gate actions and the pure checks built on them.

One place per rule (DESIGN.md §2): services, forms, views, templates and the admin ask here. No
database reads; the moves themselves are the transition tables in meetings/services/lifecycle.py
and meetings/services/reception.py.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meetings.choices import MeetingStatus, ReceptionStatus

S = MeetingStatus
R = ReceptionStatus

# ---- meetings ----

# A meeting holding its venue: a second meeting can't book the room at the same time.
VENUE_HOLDING_STATUSES = (S.SUBMITTED, S.APPROVED, S.PREPARING, S.IN_PROGRESS, S.HELD, S.SETTLED)
# The host department draws up the request (and its requested budget) while it is a draft or sent back.
REQUEST_EDITABLE_STATUSES = (S.DRAFT, S.REJECTED)
# The meeting centre may still correct the request until the meeting starts.
CENTRE_EDITABLE_STATUSES = (*REQUEST_EDITABLE_STATUSES, S.SUBMITTED, S.APPROVED, S.PREPARING)
# Finance enters approved and actual amounts from submission until settlement.
FINANCE_EDITABLE_STATUSES = (S.SUBMITTED, S.APPROVED, S.PREPARING, S.IN_PROGRESS, S.HELD)
# Settled or cancelled: printing orders and the checklist are closed.
CLOSED_STATUSES = (S.SETTLED, S.CANCELLED)
# A meeting that will not take place gets no checklist.
NO_CHECKLIST_STATUSES = (S.REJECTED, S.CANCELLED)
# Sign-in (by QR or at the desk) is open on the meeting's day(s) while it is in one of these statuses.
SIGN_IN_OPEN_STATUSES = (S.APPROVED, S.PREPARING, S.IN_PROGRESS)
# Leave and leaving early can also be recorded after the meeting, until it is settled.
RECORDING_STATUSES = (*SIGN_IN_OPEN_STATUSES, S.HELD)
# The invitation list can change until the meeting is held.
INVITING_STATUSES = (S.DRAFT, S.SUBMITTED, S.APPROVED, S.PREPARING, S.IN_PROGRESS)
# Leave (请假) can be granted until the meeting is settled.
EXCUSING_STATUSES = (*INVITING_STATUSES, S.HELD)
# The attendance board can be closed (the pending marked absent) from the meeting's day until it is settled.
ATTENDANCE_CLOSING_STATUSES = (*RECORDING_STATUSES, S.SETTLED)


def meeting_is_closed(meeting):
    return meeting.status in CLOSED_STATUSES


def meeting_editable_by(user, meeting):
    """The request's own fields: the host department while a draft (or sent back), the centre until it starts."""
    if not user.has_perm("meetings.change_meeting"):
        return False
    allowed = CENTRE_EDITABLE_STATUSES if user.has_perm("meetings.manage_meeting") else REQUEST_EDITABLE_STATUSES
    return meeting.status in allowed


def can_edit_requested(user, meeting):
    """The requested side of the budget: with the request itself, before it goes for approval."""
    return (
        meeting.status in REQUEST_EDITABLE_STATUSES
        and user.has_perm("meetings.change_budgetline")
        and user.has_perm("meetings.change_meeting")
    )


def can_edit_amounts(user, meeting):
    """Approved and actual amounts: finance, once the meeting has been submitted, until it is settled."""
    return meeting.status in FINANCE_EDITABLE_STATUSES and user.has_perm("meetings.settle_meeting")


def check_meeting_editable(user, meeting):
    if not meeting_editable_by(user, meeting):
        raise ValidationError(
            _("A meeting that is %(status)s can no longer be edited.") % {"status": meeting.get_status_display()},
            code="meeting_locked",
        )


def check_printing_open(meeting):
    """Printing orders change only while the meeting is neither settled nor cancelled."""
    if meeting_is_closed(meeting):
        raise ValidationError(
            _("The meeting is %(status)s; its printing orders can no longer be changed.")
            % {"status": meeting.get_status_display()},
            code="meeting_closed",
        )


# ---- official receptions ----

RECEPTION_EDITABLE_STATUSES = (R.DRAFT, R.SUBMITTED)
PEOPLE_EDITABLE_STATUSES = (R.DRAFT, R.SUBMITTED, R.APPROVED)
MEALS_EDITABLE_STATUSES = (R.DRAFT, R.SUBMITTED, R.APPROVED, R.DONE)
# A letter backing a reception in one of these can't be voided.
LETTER_IN_USE_STATUSES = (R.SUBMITTED, R.APPROVED, R.DONE, R.SETTLED)
