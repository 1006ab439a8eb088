"""Which role may do what in this centre (collected by bureau.roles)."""

ROLE_PERMISSIONS = {}
