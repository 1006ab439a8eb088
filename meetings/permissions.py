"""Which role may do what in this centre (collected by bureau.roles)."""

from bureau.permissions import crud
from bureau.roles import Role

# ---- meetings: approval, budget, settlement, printing -------------------------------------------
# Department employees: create, edit (while a draft), submit and withdraw their own department's meetings
# and draw up the requested budget. Scoping (Meeting.objects.for_user) keeps them to their department.
_CORE = {
    Role.EMPLOYEES: [
        *crud("meetings", "meeting", extra=["cancel_meeting"]),
        *crud("meetings", "budgetline"),
        "meetings.view_printingorder",
        "meetings.view_approvaldecision",
    ],
    # Department heads see their department's meetings, budgets and printing.
    Role.DEPARTMENT_HEADS: [
        "meetings.view_meeting",
        "meetings.view_budgetline",
        "meetings.view_printingorder",
        "meetings.view_approvaldecision",
    ],
    # The meeting centre runs everything and sees all.
    Role.MEETING_CENTRE: [
        *crud("meetings", "meeting", extra=["manage_meeting", "cancel_meeting"]),
        *crud("meetings", "budgetline"),
        *crud("meetings", "printingorder"),
        "meetings.view_approvaldecision",
        "meetings.view_meetingstandard",
    ],
    # Leadership sees all and approves.
    Role.LEADERSHIP: [
        "meetings.view_meeting",
        "meetings.approve_meeting",
        "meetings.view_budgetline",
        "meetings.view_printingorder",
        "meetings.view_approvaldecision",
        "meetings.view_meetingstandard",
    ],
    # Finance sees all, enters approved and actual amounts, and settles.
    Role.FINANCE: [
        "meetings.view_meeting",
        "meetings.settle_meeting",
        "meetings.view_budgetline",
        "meetings.change_budgetline",
        "meetings.view_printingorder",
        "meetings.view_approvaldecision",
        "meetings.view_meetingstandard",
    ],
}

# ---- official receptions 公务接待 --------------------------------------------------------------
_RECEPTION_MODELS = ("officialletter", "reception", "receptionguest", "receptionescort", "receptionmeal", "tourstop")
_RECEPTION_ROWS = ("receptionguest", "receptionescort", "receptionmeal", "tourstop")  # deleted with the formsets
_RECEPTION_VIEW = [f"meetings.view_{model}" for model in _RECEPTION_MODELS]
_RECEPTION = {
    # The meeting centre runs receptions end to end: registers letters and receptions, edits guests,
    # escorts, meals and the tour plan, submits, marks done, settles, cancels, voids letters.
    Role.MEETING_CENTRE: [
        *(perm for model in _RECEPTION_MODELS for perm in crud("meetings", model, delete=model in _RECEPTION_ROWS)),
        "meetings.void_officialletter",
        "meetings.settle_reception",
        "meetings.cancel_reception",
    ],
    # Leadership sees every reception and approves them.
    Role.LEADERSHIP: [*_RECEPTION_VIEW, "meetings.approve_reception"],
    # Finance sees every reception and its amounts.
    Role.FINANCE: _RECEPTION_VIEW,
    # Department heads and employees see their own department's receptions (host-department scoping).
    Role.DEPARTMENT_HEADS: _RECEPTION_VIEW,
    Role.EMPLOYEES: _RECEPTION_VIEW,
}

# ---- attendance: procedures, work plan, attendees, attendance -----------------------------------
# The meeting centre runs them; leadership reads everything; department heads and employees read the
# attendance of their own department's meetings (the rows are scoped as the meeting is). Attendees
# sign in with their QR token, which needs no account and no permission.
_ATTENDANCE = {
    Role.MEETING_CENTRE: (
        crud("meetings", "proceduretemplate", delete=True)
        + crud("meetings", "meetingprocedurestep")
        + crud("meetings", "workplan")
        + crud("meetings", "workplanassignment", delete=True)
        + crud("meetings", "attendee")
    ),
    Role.LEADERSHIP: [
        "meetings.view_proceduretemplate",
        "meetings.view_meetingprocedurestep",
        "meetings.view_workplan",
        "meetings.view_workplanassignment",
        "meetings.view_attendee",
    ],
    Role.DEPARTMENT_HEADS: ["meetings.view_attendee"],
    Role.EMPLOYEES: ["meetings.view_attendee"],
}

ROLE_PERMISSIONS = {}
for _part in (_CORE, _RECEPTION, _ATTENDANCE):
    for _role, _perms in _part.items():
        ROLE_PERMISSIONS.setdefault(_role, []).extend(_perms)
