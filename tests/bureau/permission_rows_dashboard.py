"""Permission rows of the dashboards (issue 14): the bureau's for leadership and the centres' staff,
a department's also for its head, who gets another department's address as not found."""

from bureau.roles import DASHBOARD_ROLES, DEPARTMENT_DASHBOARD_ROLES
from tests.permission_matrix import Row

OBJECTS = {"dashboard department": lambda world, department: department}

ROWS = [
    Row("dashboard:index", allow=frozenset(DASHBOARD_ROLES)),
    Row("dashboard:department", allow=frozenset(DEPARTMENT_DASHBOARD_ROLES)),
    Row("dashboard:department_detail", allow=frozenset(DEPARTMENT_DASHBOARD_ROLES), obj="dashboard department"),
]
