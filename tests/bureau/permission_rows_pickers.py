"""Picker endpoints (bureau.pickers): anonymous → login, a role without the source's permission → 403."""

from tests.permission_matrix import BUREAU_STAFF, EVERY_ROLE, Role, Row, roles

ROWS = [
    Row("pickers:bureau.department", allow=EVERY_ROLE | roles(Role.SYSTEM_ADMINISTRATOR)),
    Row("pickers:bureau.building", allow=BUREAU_STAFF),
    Row("pickers:bureau.room", allow=BUREAU_STAFF | roles(Role.DEPARTMENT_HEADS)),
    Row("pickers:bureau.person", allow=EVERY_ROLE | roles(Role.SYSTEM_ADMINISTRATOR)),  # who may see departments
]
