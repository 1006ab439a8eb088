from bureau.views.core import BUILDINGS, DEPARTMENTS, OCCUPANCY, PEOPLE, ROOMS
from tests.factories import BuildingFactory, RoomOccupancyFactory, StaffProfileFactory
from tests.permission_matrix import BUREAU_STAFF, EVERY_ROLE, Role, Row, register_rows, roles

OBJECTS = {
    "department": lambda world, department: department,
    "building": lambda world, department: BuildingFactory(),
    "room": lambda world, department: RoomOccupancyFactory(department=department).room,
    "roomoccupancy": lambda world, department: RoomOccupancyFactory(department=department),
    "staffprofile": lambda world, department: StaffProfileFactory(department=department, phone="13812345678"),
}

CAMPUS = roles(Role.ADMIN_CENTRE)
SYSTEM_ADMINISTRATOR = roles(Role.SYSTEM_ADMINISTRATOR)
DEPARTMENT_VIEWERS = EVERY_ROLE
ROOM_VIEWERS = BUREAU_STAFF | roles(Role.DEPARTMENT_HEADS)

OBJECTS["any user"] = lambda world, department: world.users[Role.EMPLOYEES]

ROWS = [
    Row("bureau:auditentry_list", allow=roles(Role.AUDIT_ADMINISTRATOR)),
    Row("bureau:usersession_list", allow=roles(Role.SECURITY_ADMINISTRATOR)),
    Row("bureau:user_sessions_end", allow=roles(Role.SECURITY_ADMINISTRATOR), obj="any user", scoped=False),
    Row("home", allow=EVERY_ROLE | roles("no role")),
    # POST only (GET: 405), for anyone logged in: the idle warning's "stay signed in".
    Row("session_keep_alive", allow=EVERY_ROLE | roles("no role"), status=405),
    *register_rows(
        DEPARTMENTS,
        viewers=DEPARTMENT_VIEWERS | SYSTEM_ADMINISTRATOR,
        editors=CAMPUS | SYSTEM_ADMINISTRATOR,
        obj="department",
    ),
    *register_rows(BUILDINGS, viewers=BUREAU_STAFF, editors=CAMPUS, obj="building", scoped=False),
    *register_rows(ROOMS, viewers=ROOM_VIEWERS, editors=CAMPUS, obj="room"),
    *register_rows(OCCUPANCY, viewers=ROOM_VIEWERS, editors=CAMPUS, obj="roomoccupancy"),
    # The people register: bureau staff and the system administrator all, a department head their own unit's.
    *register_rows(
        PEOPLE,
        viewers=ROOM_VIEWERS | SYSTEM_ADMINISTRATOR,
        editors=CAMPUS | SYSTEM_ADMINISTRATOR,
        obj="staffprofile",
    ),
    Row(
        "meetings:index",
        allow=roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES),
    ),
    Row(
        "procurement:index",
        allow=roles(
            Role.LEADERSHIP,
            Role.PROCUREMENT_CENTRE,
            Role.FINANCE,
            Role.ASSET_MANAGERS,
            Role.DEPARTMENT_HEADS,
            Role.EMPLOYEES,  # they file their department's procurement requests
        ),
    ),
    Row("assets:index", allow=roles(Role.LEADERSHIP, Role.ASSET_MANAGERS, Role.FINANCE, Role.DEPARTMENT_HEADS)),
    Row(
        "property_services:index",
        allow=roles(
            Role.LEADERSHIP,
            Role.ADMIN_CENTRE,
            Role.SUPERVISION,
            Role.FINANCE,
            Role.TECHNICIANS,
            Role.DEPARTMENT_HEADS,
            Role.EMPLOYEES,
        ),
    ),
]
