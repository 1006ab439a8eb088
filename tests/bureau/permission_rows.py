from tests.factories import BuildingFactory, RoomOccupancyFactory
from tests.permission_matrix import BUREAU_STAFF, EVERY_ROLE, Role, Row, roles

OBJECTS = {
    "department": lambda world, department: department,
    "building": lambda world, department: BuildingFactory(),
    "room": lambda world, department: RoomOccupancyFactory(department=department).room,
    "roomoccupancy": lambda world, department: RoomOccupancyFactory(department=department),
}

CAMPUS = roles(Role.ADMIN_CENTRE)
DEPARTMENT_VIEWERS = EVERY_ROLE
ROOM_VIEWERS = BUREAU_STAFF | roles(Role.DEPARTMENT_HEADS)

ROWS = [
    Row("home", allow=EVERY_ROLE | roles("no role")),
    Row("bureau:department_list", allow=DEPARTMENT_VIEWERS),
    Row("bureau:department", allow=DEPARTMENT_VIEWERS, obj="department"),
    Row("bureau:department_history", allow=DEPARTMENT_VIEWERS, obj="department"),
    Row("bureau:department_add", allow=CAMPUS),
    Row("bureau:department_edit", allow=CAMPUS, obj="department"),
    Row("bureau:department_delete", allow=CAMPUS, obj="department"),
    Row("bureau:building_list", allow=BUREAU_STAFF),
    Row("bureau:building", allow=BUREAU_STAFF, obj="building", scoped=False),
    Row("bureau:building_history", allow=BUREAU_STAFF, obj="building", scoped=False),
    Row("bureau:building_add", allow=CAMPUS),
    Row("bureau:building_edit", allow=CAMPUS, obj="building", scoped=False),
    Row("bureau:building_delete", allow=CAMPUS, obj="building", scoped=False),
    Row("bureau:room_list", allow=ROOM_VIEWERS),
    Row("bureau:room", allow=ROOM_VIEWERS, obj="room"),
    Row("bureau:room_history", allow=ROOM_VIEWERS, obj="room"),
    Row("bureau:room_add", allow=CAMPUS),
    Row("bureau:room_edit", allow=CAMPUS, obj="room"),
    Row("bureau:room_delete", allow=CAMPUS, obj="room"),
    Row("bureau:roomoccupancy_list", allow=ROOM_VIEWERS),
    Row("bureau:roomoccupancy", allow=ROOM_VIEWERS, obj="roomoccupancy"),
    Row("bureau:roomoccupancy_history", allow=ROOM_VIEWERS, obj="roomoccupancy"),
    Row("bureau:roomoccupancy_add", allow=CAMPUS),
    Row("bureau:roomoccupancy_edit", allow=CAMPUS, obj="roomoccupancy"),
    Row("bureau:roomoccupancy_void", allow=CAMPUS, obj="roomoccupancy"),
    Row(
        "meetings:index",
        allow=roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES),
    ),
    Row(
        "procurement:index",
        allow=roles(Role.LEADERSHIP, Role.PROCUREMENT_CENTRE, Role.FINANCE, Role.ASSET_MANAGERS, Role.DEPARTMENT_HEADS),
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
