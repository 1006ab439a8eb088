from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavItem, NavSection
from meetings.roles import CENTRE_ROLES

# --- official receptions 公务接待 (meetings-reception) ---
RECEPTION_ITEMS = (
    NavItem(_("Official receptions"), "meetings:reception_list", permission="meetings.view_reception"),
    NavItem(_("Official letters"), "meetings:officialletter_list", permission="meetings.view_officialletter"),
)
# --- end official receptions ---

MENU = (
    NavSection(
        label=_("Meetings centre"),
        icon="bi-people",
        url_name="meetings:index",
        roles=CENTRE_ROLES,
        order=10,
        description=_("Meeting approval, budget, printing, venue, service and settlement; official receptions."),
        items=(*RECEPTION_ITEMS,),
    ),
)
