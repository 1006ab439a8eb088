from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavItem, NavSection
from meetings.roles import CENTRE_ROLES

# ---- meetings-core ----
CORE_ITEMS = (
    NavItem(_("Meetings"), "meetings:meeting_list", permission="meetings.view_meeting"),
    NavItem(_("Printing orders"), "meetings:printingorder_list", permission="meetings.view_printingorder"),
    NavItem(_("Meeting statistics"), "meetings:statistics", permission="meetings.view_meeting"),
    NavItem(_("Meeting rooms' calendar"), "meetings:calendar", permission="meetings.view_meeting"),
)
# ---- end meetings-core ----
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
        items=(*CORE_ITEMS, *RECEPTION_ITEMS),
    ),
)

# --- meetings-attendance: the registers in the menu (per-meeting pages hang off the meeting page) ---
import dataclasses  # noqa: E402

from bureau.navigation import NavItem  # noqa: E402

ATTENDANCE_ITEMS = (
    NavItem(_("Attendees"), "meetings:attendee_list", permission="meetings.view_attendee"),
    NavItem(_("Procedure templates"), "meetings:proceduretemplate_list", permission="meetings.view_proceduretemplate"),
)
MENU = (dataclasses.replace(MENU[0], items=(*MENU[0].items, *ATTENDANCE_ITEMS)), *MENU[1:])
