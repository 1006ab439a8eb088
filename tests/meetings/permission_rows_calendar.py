"""Permission-matrix rows of the meeting rooms' calendar and its iCal feed."""

from types import SimpleNamespace

from meetings.selectors.calendar import feed_token
from tests.factories import make_user
from tests.permission_matrix import PUBLIC, Role, Row, roles

OBJECTS = {
    # The feed's address carries the key of a user who may read meetings (a staff member here).
    "feed_token": lambda world, department: SimpleNamespace(
        pk=feed_token(make_user(roles=[Role.EMPLOYEES], department=department))
    ),
}

VIEWERS = roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)

ROWS = [
    Row("meetings:calendar", allow=VIEWERS),
    Row("meetings:calendar_feed", allow=PUBLIC, obj="feed_token", scoped=False),
    # A forged key answers 404, like a key of someone who may not read meetings.
    Row("meetings:calendar_feed", allow=PUBLIC, kwargs={"token": "1-0123456789abcdef0123456789abcdef"}, status=404),
]
