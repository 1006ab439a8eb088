"""Row-level scoping, written once: every list, detail, edit and export goes through `for_user`.

- Superusers and bureau-wide roles see every row of the models they may view.
- Department heads and employees see only rows of their own department; another department's row
  is simply not in the queryset, so a detail URL for it answers 404.
- Anyone else sees nothing.

A model says how a row belongs to a department with `scope_department_field` (a lookup path such
as "host_department" or "room__building"), or overrides `scope_to_department()` on its queryset.
`scope_department_field = None` marks bureau-wide data that department users never see.
"""

from django.db import models

from bureau.roles import BUREAU_WIDE_ROLES, DEPARTMENT_SCOPED_ROLES, Role, role_names


def user_department(user):
    """The department of the user's staff profile, or None."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_bureau_department"):
        profile = getattr(user, "profile", None) if _has_profile(user) else None
        user._bureau_department = profile.department if profile else None
    return user._bureau_department


def _has_profile(user):
    from bureau.models import StaffProfile

    try:
        user.profile  # noqa: B018 - a reverse one-to-one raises when missing
    except StaffProfile.DoesNotExist:
        return False
    return True


def sees_all_departments(user):
    # The system administrator keeps every department's register (and no business record).
    return user.is_superuser or bool(role_names(user) & {*BUREAU_WIDE_ROLES, Role.SYSTEM_ADMINISTRATOR})


class ScopedQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        if sees_all_departments(user):
            return self
        department = user_department(user)
        if department is None or not (role_names(user) & set(DEPARTMENT_SCOPED_ROLES)):
            return self.none()
        return self.scope_to_department(department)

    def scope_to_department(self, department):
        field = getattr(self.model, "scope_department_field", None)
        if field is None:
            return self.none()
        return self.filter(**{field: department})
