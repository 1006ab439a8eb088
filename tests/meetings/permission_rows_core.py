"""Permission-matrix rows of the meeting core (meetings list, detail tabs, moves, budget, printing)."""

from meetings.views.core import PRINTING_ORDERS
from tests.meetings.factories import MeetingFactory, PrintingOrderFactory
from tests.permission_matrix import Role, Row, register_rows, roles

OBJECTS = {
    "meeting": lambda world, department: MeetingFactory(host_department=department),
    "printingorder": lambda world, department: PrintingOrderFactory(meeting__host_department=department),
}

VIEWERS = roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
CREATORS = roles(Role.MEETING_CENTRE, Role.EMPLOYEES)
CENTRE = roles(Role.MEETING_CENTRE)

ROWS = [
    Row("meetings:meeting_list", allow=VIEWERS),
    Row("meetings:meeting", allow=VIEWERS, obj="meeting"),
    Row("meetings:meeting_history", allow=VIEWERS, obj="meeting"),
    Row("meetings:meeting_add", allow=CREATORS),
    Row("meetings:meeting_edit", allow=CREATORS, obj="meeting"),
    Row("meetings:meeting_submit", allow=CREATORS, obj="meeting"),
    Row("meetings:meeting_approve", allow=roles(Role.LEADERSHIP), obj="meeting"),
    Row("meetings:meeting_reject", allow=roles(Role.LEADERSHIP), obj="meeting"),
    Row("meetings:meeting_send_back", allow=CENTRE, obj="meeting"),
    Row("meetings:meeting_start_preparing", allow=CENTRE, obj="meeting"),
    Row("meetings:meeting_start", allow=CENTRE, obj="meeting"),
    Row("meetings:meeting_finish", allow=CENTRE, obj="meeting"),
    Row("meetings:meeting_settle", allow=roles(Role.FINANCE), obj="meeting"),
    Row("meetings:meeting_cancel", allow=CREATORS, obj="meeting"),
    Row("meetings:meeting_budget", allow=VIEWERS, obj="meeting"),
    Row("meetings:meeting_budget_edit", allow=roles(Role.MEETING_CENTRE, Role.EMPLOYEES, Role.FINANCE), obj="meeting"),
    Row("meetings:meeting_settlement_pdf", allow=VIEWERS, obj="meeting"),
    Row("meetings:meeting_printing", allow=VIEWERS, obj="meeting"),
    *register_rows(PRINTING_ORDERS, viewers=VIEWERS, editors=CENTRE, obj="printingorder"),
    Row("meetings:statistics", allow=VIEWERS),
]
