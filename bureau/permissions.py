"""Which role may do what with the bureau-wide models (see bureau.roles)."""

from bureau.roles import ADMINISTRATOR_ROLES, ALL_ROLES, BUREAU_WIDE_ROLES, Role


def crud(app_label, model, *, add=True, change=True, delete=False, extra=()):
    perms = [f"{app_label}.view_{model}"]
    perms += [f"{app_label}.add_{model}"] if add else []
    perms += [f"{app_label}.change_{model}"] if change else []
    perms += [f"{app_label}.delete_{model}"] if delete else []
    perms += [f"{app_label}.{codename}" for codename in extra]
    return perms


_VIEW_ALL = [
    *("bureau.view_department", "bureau.view_building", "bureau.view_room", "bureau.view_roomoccupancy"),
    "bureau.view_staffprofile",  # the people register (通讯录): whom to invite, seat, house
]

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
ROLE_PERMISSIONS[Role.DEPARTMENT_HEADS] = [
    *("bureau.view_department", "bureau.view_room", "bureau.view_roomoccupancy"),
    "bureau.view_staffprofile",  # their own department's people
]
ROLE_PERMISSIONS[Role.EMPLOYEES] = ["bureau.view_department"]

# The three administrators (三员分立): each only what their duty needs, and no business record.
ROLE_PERMISSIONS[Role.SYSTEM_ADMINISTRATOR] = [
    *("auth.view_user", "auth.add_user", "auth.change_user"),
    *crud("bureau", "department", delete=True),
    *crud("bureau", "staffprofile"),
]
ROLE_PERMISSIONS[Role.SECURITY_ADMINISTRATOR] = [
    *("auth.view_user", "auth.change_user", "auth.view_group", "auth.view_permission"),
    *("bureau.assign_roles", "bureau.manage_sessions"),
    *crud("otp_totp", "totpdevice", delete=True),  # second factors of the administrators
]
ROLE_PERMISSIONS[Role.AUDIT_ADMINISTRATOR] = ["bureau.view_auditentry"]

assert set(ROLE_PERMISSIONS) == set(ALL_ROLES + ADMINISTRATOR_ROLES)
