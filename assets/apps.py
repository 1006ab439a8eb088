from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("State assets")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # 调剂 before purchase (国务院令第738号 art. 11): procurement asks its advisors; assets is one.
        from assets.services import idle_pool_advisor
        from procurement.hooks import register_request_advisor

        register_request_advisor(idle_pool_advisor)
