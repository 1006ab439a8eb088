"""Permission-matrix rows of the repair line 后勤保障110: the employee of `own` reported the ticket and
the technician works it, so each sees it; a department head sees their department's."""

import datetime

from django.utils import timezone

from property_services.models import RepairTicket
from property_services.services.repairs import RepairTicketWorkflow
from property_services.views import repairs
from tests.permission_matrix import Role, Row, register_rows, roles


def _ticket(world, department):
    now = timezone.now()
    return RepairTicket.objects.create(
        location="三楼走廊",
        category="water_electric",
        description="灯不亮",
        reporter=world.users[Role.EMPLOYEES],
        department=department,
        technician=world.users[Role.TECHNICIANS],
        response_due=now + datetime.timedelta(hours=4),
        fix_due=now + datetime.timedelta(hours=72),
    )


OBJECTS = {"repairticket": _ticket}

DISPATCHER = roles(Role.ADMIN_CENTRE)
WORKERS = roles(Role.ADMIN_CENTRE, Role.TECHNICIANS)
CONFIRMERS = roles(Role.ADMIN_CENTRE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
VIEWERS = roles(
    Role.ADMIN_CENTRE, Role.TECHNICIANS, Role.LEADERSHIP, Role.SUPERVISION, Role.DEPARTMENT_HEADS, Role.EMPLOYEES
)
REPORTERS = VIEWERS | roles(Role.FINANCE)
MOVE_ROLES = {"dispatch": DISPATCHER, "confirm": CONFIRMERS, "reopen": CONFIRMERS}

ROWS = [
    *register_rows(repairs.REPAIR_TICKETS, viewers=VIEWERS, editors=DISPATCHER, obj="repairticket"),
    *[
        Row(f"property_services:repairticket_{move.name}", allow=MOVE_ROLES.get(move.name, WORKERS), obj="repairticket")
        for move in RepairTicketWorkflow.moves
    ],
    Row("property_services:repair_report", allow=REPORTERS),
    Row("property_services:repair_hotline", allow=DISPATCHER),
    Row("property_services:repair_statistics", allow=VIEWERS),
    Row("pickers:property_services.repair_room", allow=REPORTERS),
    Row("pickers:property_services.technician", allow=DISPATCHER),
]
