from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    name = "bureau"
    verbose_name = _("Bureau")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from bureau import checks  # noqa: F401  registers the project's system checks
        from bureau.roles import sync_role_groups

        autodiscover_modules("pickers")  # every app's picker sources, before the URLs are built

        # After every migrate: the role groups with exactly the permissions the code declares.
        post_migrate.connect(sync_role_groups, dispatch_uid="bureau.sync_role_groups")
