from django.utils.translation import gettext_lazy as _

from assets.roles import CENTRE_ROLES
from bureau.navigation import NavSection

MENU = (
    NavSection(
        label=_("State assets"),
        icon="bi-box-seam",
        url_name="assets:index",
        roles=CENTRE_ROLES,
        order=30,
        description=_("The state-asset registry: cards, depreciation, movements, leases, disposals, stock-takes."),
    ),
)
