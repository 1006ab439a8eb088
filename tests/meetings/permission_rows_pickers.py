"""The meetings centre's picker endpoints (meetings.pickers)."""

from tests.permission_matrix import Role, Row, roles

MEETING_VIEWERS = roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)

ROWS = [
    # Whoever reads meetings finds a room for the rooms' calendar; requesters book one.
    Row("pickers:meetings.venue", allow=MEETING_VIEWERS),
    Row("pickers:meetings.venue_building", allow=MEETING_VIEWERS),
    Row("pickers:meetings.open_meeting", allow=MEETING_VIEWERS),
    Row("pickers:meetings.officialletter", allow=MEETING_VIEWERS),
]
