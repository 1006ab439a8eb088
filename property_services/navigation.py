from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavSection
from property_services.roles import CENTRE_ROLES

MENU = (
    NavSection(
        label=_("Property services"),
        icon="bi-tools",
        url_name="property_services:index",
        roles=CENTRE_ROLES,
        order=40,
        description=_("Outsourced services, inspections, room-based fees and the logistics 110 repair line."),
    ),
)
