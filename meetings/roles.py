"""Who may open this centre's pages (its index and menu section)."""

from bureau.roles import Role

CENTRE_ROLES = (Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
