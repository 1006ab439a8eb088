"""The ten roles of DESIGN.md §1 as Django groups, and their permissions.

Group names are the Chinese role names a bureau uses. Each app contributes the permissions of its
own models in `<app>/permissions.py` (ROLE_PERMISSIONS = {Role.X: ["app.codename", …]}); the groups
are (re)built from all of them after every `migrate`, so the set is always exactly what the code says.
"""

from importlib import import_module

from django.apps import apps
from django.utils.translation import gettext_lazy as _


class Role:
    LEADERSHIP = "局领导"
    MEETING_CENTRE = "会务中心"
    PROCUREMENT_CENTRE = "政府采购中心"
    ADMIN_CENTRE = "行管中心"
    ASSET_MANAGERS = "资产管理"
    SUPERVISION = "物业监管小组"
    FINANCE = "财务"
    TECHNICIANS = "维修人员"
    DEPARTMENT_HEADS = "部门负责人"
    EMPLOYEES = "干部职工"
    # The three separated administrators (三员分立, 等保 2.0): no account holds two of them.
    SYSTEM_ADMINISTRATOR = "系统管理员"
    SECURITY_ADMINISTRATOR = "安全管理员"
    AUDIT_ADMINISTRATOR = "审计管理员"


ROLE_LABELS = {
    Role.LEADERSHIP: _("Bureau leadership"),
    Role.MEETING_CENTRE: _("Meeting centre"),
    Role.PROCUREMENT_CENTRE: _("Procurement centre"),
    Role.ADMIN_CENTRE: _("Administration centre"),
    Role.ASSET_MANAGERS: _("Asset managers"),
    Role.SUPERVISION: _("Supervision group"),
    Role.FINANCE: _("Finance"),
    Role.TECHNICIANS: _("Technicians"),
    Role.DEPARTMENT_HEADS: _("Department heads"),
    Role.EMPLOYEES: _("Department employees"),
}
ALL_ROLES = tuple(ROLE_LABELS)

# The administrators work on the system, not in it: they see no business record. The system
# administrator keeps users and departments, the security administrator roles, permissions and
# sessions, the audit administrator reads and exports the audit log and nothing else.
ADMINISTRATOR_LABELS = {
    Role.SYSTEM_ADMINISTRATOR: _("System administrator"),
    Role.SECURITY_ADMINISTRATOR: _("Security administrator"),
    Role.AUDIT_ADMINISTRATOR: _("Audit administrator"),
}
ADMINISTRATOR_ROLES = tuple(ADMINISTRATOR_LABELS)
# Every role group the code declares: the business roles and the administrators.
GROUP_ROLES = ALL_ROLES + ADMINISTRATOR_ROLES

# The section each role works in most: the home page puts it first (URL names, so the core imports
# no centre).
ROLE_MAIN_SECTION = {
    Role.LEADERSHIP: "meetings:index",
    Role.MEETING_CENTRE: "meetings:index",
    Role.PROCUREMENT_CENTRE: "procurement:index",
    Role.ADMIN_CENTRE: "property_services:index",
    Role.ASSET_MANAGERS: "assets:index",
    Role.SUPERVISION: "property_services:index",
    Role.FINANCE: "meetings:index",
    Role.TECHNICIANS: "property_services:index",
    Role.DEPARTMENT_HEADS: "meetings:index",
    Role.EMPLOYEES: "meetings:index",
}

# Roles whose members work for a single department and see only its records (row-level scoping).
DEPARTMENT_SCOPED_ROLES = (Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
# Bureau staff: they see every record of the models their role may view.
BUREAU_WIDE_ROLES = tuple(r for r in ALL_ROLES if r not in DEPARTMENT_SCOPED_ROLES)

# The bureau dashboard (every centre's figures): leadership and the centres' staff who answer for
# them; the department dashboard adds the department heads, each for their own department only.
DASHBOARD_ROLES = tuple(r for r in BUREAU_WIDE_ROLES if r != Role.TECHNICIANS)
DEPARTMENT_DASHBOARD_ROLES = (*DASHBOARD_ROLES, Role.DEPARTMENT_HEADS)


def role_names(user):
    """The user's role (group) names, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_bureau_roles"):
        user._bureau_roles = frozenset(user.groups.values_list("name", flat=True))
    return user._bureau_roles


def has_role(user, *roles):
    return bool(role_names(user) & set(roles))


def collect_role_permissions():
    """{role: set of "app_label.codename"} gathered from every installed app's permissions.py."""
    result = {role: set() for role in GROUP_ROLES}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.permissions")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.permissions":
                raise
            continue
        for role, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            result[role].update(perms)
    return result


def sync_role_groups(**kwargs):
    """post_migrate handler: create the groups and set exactly their permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    # post_migrate is sent once per app with models; every permission exists after the last one.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if kwargs.get("sender") is not None and kwargs["sender"] is not last:
        return
    using = kwargs.get("using", "default")
    wanted = collect_role_permissions()
    all_perms = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    for role, perm_names in wanted.items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        missing = sorted(name for name in perm_names if name not in all_perms)
        if missing:
            raise LookupError(f"Role {role} names permissions that do not exist: {', '.join(missing)}")
        group.permissions.set([all_perms[name] for name in perm_names])


def refuse_two_administrator_roles(sender, instance, action, reverse, model, pk_set, **kwargs):
    """m2m_changed on User.groups: no account holds two of the three administrator roles (三员分立),
    however the groups are given (admin form, shell, `group.user_set.add`)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.exceptions import ValidationError

    if action != "pre_add" or not pk_set:
        return
    groups = Group.objects.filter(name__in=ADMINISTRATOR_ROLES)
    users = model.objects.filter(pk__in=pk_set) if reverse else [instance]
    adding = {instance.name} if reverse else set(groups.filter(pk__in=pk_set).values_list("name", flat=True))
    adding &= set(ADMINISTRATOR_ROLES)
    if not adding:
        return
    User = get_user_model()
    for user in users:
        held = set(
            User.objects.get(pk=user.pk).groups.filter(name__in=ADMINISTRATOR_ROLES).values_list("name", flat=True)
        )
        if len(held | adding) > 1:
            raise ValidationError(
                _("%(user)s cannot hold two administrator roles (%(roles)s): the three administrators are separate.")
                % {"user": user.get_username(), "roles": "、".join(sorted(held | adding))},
                code="two_administrator_roles",
            )
