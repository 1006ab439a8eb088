"""Navigation by role. Each app declares `MENU` in its own `navigation.py`; the base layout shows
the sections and items the current user may open (a permission, a role, or either)."""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.urls import reverse

from bureau.roles import role_names


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None = None
    roles: tuple = ()

    def allowed(self, user):
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        if self.permission and user.has_perm(self.permission):
            return True
        return bool(set(self.roles) & role_names(user))

    @property
    def url(self):
        return reverse(self.url_name)


@dataclass(frozen=True)
class NavSection:
    label: str
    icon: str
    url_name: str
    items: tuple = ()
    roles: tuple = ()
    order: int = 100
    description: str = ""
    entry: NavItem = field(init=False, default=None)

    def visible_items(self, user):
        return [item for item in self.items if item.allowed(user)]

    def allowed(self, user):
        entry = NavItem(self.label, self.url_name, roles=self.roles)
        return entry.allowed(user) or bool(self.visible_items(user))

    @property
    def url(self):
        return reverse(self.url_name)


def all_sections():
    sections = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.navigation":
                raise
            continue
        sections.extend(module.MENU)
    return sorted(sections, key=lambda section: section.order)


def menu_for(user):
    """[(section, [items])] the user may see, in menu order."""
    return [(section, section.visible_items(user)) for section in all_sections() if section.allowed(user)]


def _bureau_menu():
    from django.utils.translation import gettext_lazy as _

    from bureau.roles import DASHBOARD_ROLES, Role

    return (
        NavSection(
            label=_("Dashboards"),
            icon="bi-speedometer2",
            url_name="dashboard:index",
            order=5,
            description=_("The bureau's figures for a period against a year before, and each department's."),
            items=(
                NavItem(_("Bureau dashboard"), "dashboard:index", roles=DASHBOARD_ROLES),
                NavItem(_("Department dashboard"), "dashboard:department", roles=DASHBOARD_ROLES),
            ),
        ),
        NavSection(
            label=_("My department"),
            icon="bi-bar-chart",
            url_name="dashboard:department",
            order=6,
            roles=(Role.DEPARTMENT_HEADS,),
            description=_("Your department's meetings, attendance, fees, offices, assets, tickets and contracts."),
        ),
        NavSection(
            label=_("Registers"),
            icon="bi-building",
            url_name="bureau:department_list",
            order=90,
            description=_("Departments, buildings, rooms and who occupies them."),
            items=(
                NavItem(_("Departments"), "bureau:department_list", permission="bureau.view_department"),
                NavItem(_("Buildings"), "bureau:building_list", permission="bureau.view_building"),
                NavItem(_("Rooms"), "bureau:room_list", permission="bureau.view_room"),
                NavItem(_("Room occupancy"), "bureau:roomoccupancy_list", permission="bureau.view_roomoccupancy"),
            ),
        ),
        NavSection(
            label=_("Security administration"),
            icon="bi-shield-lock",
            url_name="bureau:auditentry_list",
            order=95,
            description=_("The audit log and who is logged in."),
            items=(
                NavItem(_("Audit log"), "bureau:auditentry_list", permission="bureau.view_auditentry"),
                NavItem(_("Sessions"), "bureau:usersession_list", permission="bureau.manage_sessions"),
            ),
        ),
    )


MENU = _bureau_menu()
