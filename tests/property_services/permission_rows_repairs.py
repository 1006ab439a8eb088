"""Permission-matrix rows of the repair line 后勤保障110: the employee of `own` reported the ticket and
the technician works it, so each sees it; a department head sees their department's."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from property_services import rules
from property_services.models import RepairTicket
from property_services.services.repairs import RepairTicketWorkflow
from property_services.views import repairs
from tests.factories import BuildingFactory, RoomFactory
from tests.permission_matrix import PUBLIC, Role, Row, register_rows, roles


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


OBJECTS = {
    "repairticket": _ticket,
    "repair_room_token": lambda world, department: SimpleNamespace(
        pk=rules.signed_id(RoomFactory().pk, rules.ROOM_QR_SALT)
    ),
    "repair_follow_token": lambda world, department: SimpleNamespace(
        pk=rules.signed_id(_ticket(world, department).pk, rules.CONFIRM_SALT)
    ),
    "repair_building": lambda world, department: BuildingFactory(),
}

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
    # the room's QR page and the reporter's link: no login; the signed token is the key …
    Row("property_services:repair_room", allow=PUBLIC, obj="repair_room_token", scoped=False),
    Row("property_services:repair_follow", allow=PUBLIC, obj="repair_follow_token", scoped=False),
    # … and a forged one answers 404.
    Row("property_services:repair_room", allow=PUBLIC, kwargs={"token": "1:forged"}, status=404),
    Row("property_services:repair_follow", allow=PUBLIC, kwargs={"token": "1:forged"}, status=404),
    Row("property_services:repair_qr_sheet", allow=DISPATCHER, obj="repair_building", scoped=False),
    Row("pickers:property_services.technician", allow=DISPATCHER),
]
