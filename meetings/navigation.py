from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavSection
from meetings.roles import CENTRE_ROLES

MENU = (
    NavSection(
        label=_("Meetings centre"),
        icon="bi-people",
        url_name="meetings:index",
        roles=CENTRE_ROLES,
        order=10,
        description=_("Meeting approval, budget, printing, venue, service and settlement; official receptions."),
    ),
)
