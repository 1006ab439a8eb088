"""Which role may do what in this centre (collected by bureau.roles)."""

ROLE_PERMISSIONS = {}

# --- meetings-attendance: procedures, work plan, attendees, attendance -------------------------
# The meeting centre runs them; leadership reads everything; department heads and staff read the
# attendance of their own department's meetings (the rows are scoped as the meeting is). Attendees
# sign in with their QR token, which needs no account and no permission.
from bureau.permissions import crud  # noqa: E402
from bureau.roles import Role  # noqa: E402

ATTENDANCE_ROLE_PERMISSIONS = {
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
    Role.STAFF: ["meetings.view_attendee"],
}
for _role, _perms in ATTENDANCE_ROLE_PERMISSIONS.items():
    ROLE_PERMISSIONS[_role] = [*ROLE_PERMISSIONS.get(_role, []), *_perms]
