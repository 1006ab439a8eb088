"""Who may open this centre's pages (its index and menu section)."""

from bureau.roles import Role

CENTRE_ROLES = (
    Role.LEADERSHIP,
    Role.ADMIN_CENTRE,
    Role.SUPERVISION,
    Role.FINANCE,
    Role.TECHNICIANS,
    Role.DEPARTMENT_HEADS,
    Role.EMPLOYEES,
)
