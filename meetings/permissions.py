"""Which role may do what in this centre (collected by bureau.roles)."""

from bureau.permissions import crud
from bureau.roles import Role

ROLE_PERMISSIONS = {}

# ---- meetings-core: meetings, approval, budget, settlement, printing --------------------------
# Department staff: create, edit (while a draft), submit and withdraw their own department's meetings
# and draw up the requested budget. Scoping (Meeting.objects.for_user) keeps them to their department.
_CORE = {
    Role.STAFF: [
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
for _role, _perms in _CORE.items():
    ROLE_PERMISSIONS.setdefault(_role, []).extend(_perms)
# ---- end meetings-core ----
