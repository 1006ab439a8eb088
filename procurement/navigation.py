from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavSection
from procurement.roles import CENTRE_ROLES

MENU = (
    NavSection(
        label=_("Procurement centre"),
        icon="bi-cart",
        url_name="procurement:index",
        roles=CENTRE_ROLES,
        order=20,
        description=_("Procurement requests, batches, bids, contracts, savings and supplier challenges."),
    ),
)
