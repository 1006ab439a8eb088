from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = _("Procurement centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The life cycles register their workflows with bureau.workflow when imported.
        from procurement.services import lifecycle  # noqa: F401
