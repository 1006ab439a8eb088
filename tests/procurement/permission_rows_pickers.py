"""The procurement centre's picker endpoints (procurement.pickers), which other centres use too."""

from tests.permission_matrix import Role, Row, roles

SEE_ALL = roles(Role.PROCUREMENT_CENTRE, Role.LEADERSHIP, Role.FINANCE)
DEPARTMENTS = roles(Role.DEPARTMENT_HEADS, Role.EMPLOYEES)

ROWS = [
    Row("pickers:procurement.supplier", allow=SEE_ALL | roles(Role.ASSET_MANAGERS)),
    Row("pickers:procurement.request", allow=SEE_ALL | DEPARTMENTS),
    Row("pickers:procurement.free_request", allow=roles(Role.PROCUREMENT_CENTRE)),
    Row("pickers:procurement.batch", allow=SEE_ALL),
    Row("pickers:procurement.contract", allow=SEE_ALL | DEPARTMENTS | roles(Role.ASSET_MANAGERS)),
]
