"""Which role may do what with the bureau-wide models (see bureau.roles)."""

from bureau.roles import ALL_ROLES, BUREAU_WIDE_ROLES, Role


def crud(app_label, model, *, add=True, change=True, delete=False, extra=()):
    perms = [f"{app_label}.view_{model}"]
    perms += [f"{app_label}.add_{model}"] if add else []
    perms += [f"{app_label}.change_{model}"] if change else []
    perms += [f"{app_label}.delete_{model}"] if delete else []
    perms += [f"{app_label}.{codename}" for codename in extra]
    return perms


_VIEW_ALL = ["bureau.view_department", "bureau.view_building", "bureau.view_room", "bureau.view_roomoccupancy"]

ROLE_PERMISSIONS = {role: list(_VIEW_ALL) for role in BUREAU_WIDE_ROLES}
# The administration centre keeps the register of units, buildings, rooms and who sits where.
ROLE_PERMISSIONS[Role.ADMIN_CENTRE] = (
    crud("bureau", "department", delete=True)
    + crud("bureau", "building", delete=True)
    + crud("bureau", "room", delete=True)
    + crud("bureau", "roomoccupancy", extra=["void_roomoccupancy"])
    + crud("bureau", "staffprofile")
)
# Department heads and employees: their own department and the rooms it occupies.
ROLE_PERMISSIONS[Role.DEPARTMENT_HEADS] = ["bureau.view_department", "bureau.view_room", "bureau.view_roomoccupancy"]
ROLE_PERMISSIONS[Role.EMPLOYEES] = ["bureau.view_department"]

assert set(ROLE_PERMISSIONS) == set(ALL_ROLES)
