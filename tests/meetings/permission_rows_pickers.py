"""The meetings centre's picker endpoints (meetings.pickers)."""

from tests.permission_matrix import Role, Row, roles

MEETING_VIEWERS = roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)

ROWS = [
    Row("pickers:meetings.venue", allow=roles(Role.MEETING_CENTRE, Role.EMPLOYEES)),
    Row("pickers:meetings.open_meeting", allow=MEETING_VIEWERS),
    Row("pickers:meetings.officialletter", allow=MEETING_VIEWERS),
]
