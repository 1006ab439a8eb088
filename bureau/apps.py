from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    default = True  # bureau.apps also holds the admin's config
    name = "bureau"
    verbose_name = _("Bureau")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed
        from django.utils.module_loading import autodiscover_modules

        from bureau import audit, checks, sessions  # noqa: F401  checks registers the system checks
        from bureau.roles import refuse_two_administrator_roles, sync_role_groups

        autodiscover_modules("pickers")  # every app's picker sources, before the URLs are built

        # After every migrate: the role groups with exactly the permissions the code declares.
        post_migrate.connect(sync_role_groups, dispatch_uid="bureau.sync_role_groups")
        audit.connect()  # the security audit log's signal receivers
        sessions.connect()  # sessions recorded at login, ended when an account is deactivated
        m2m_changed.connect(
            refuse_two_administrator_roles,
            sender=get_user_model().groups.through,
            dispatch_uid="bureau.refuse_two_administrator_roles",
        )


class BureauAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the portal's site (a second factor when the setting requires it)."""

    default = False  # BureauConfig is the app's default config
    default_site = "bureau.admin_base.BureauAdminSite"
