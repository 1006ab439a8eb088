"""Who may open this centre's pages (its index and menu section)."""

from bureau.roles import Role

CENTRE_ROLES = (
    Role.LEADERSHIP,
    Role.PROCUREMENT_CENTRE,
    Role.FINANCE,
    Role.ASSET_MANAGERS,
    Role.DEPARTMENT_HEADS,
    Role.EMPLOYEES,
)
