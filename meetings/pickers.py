"""The meetings centre's picker sources (see bureau.pickers); found by the bureau app at start-up."""

from django.db.models import Q

from bureau.models import Building, Room
from bureau.pickers import register
from meetings.models import Meeting, OfficialLetter
from meetings.rules import PRINTING_ORDER_STATUSES

# Meeting rooms are the campus's shared venues: whoever may request a meeting may book any of them
# (the rooms a department occupies are a different question, answered by bureau.room).
register(
    "meetings.venue",
    queryset=lambda user: Room.objects.meeting_rooms().filter(active=True).select_related("building"),
    # The (use, building) index narrows to the meeting rooms, a few per cent of all rooms.
    search=lambda q: Q(number__startswith=q) | Q(name__contains=q) | Q(building__name__startswith=q),
    # Whoever requests or approves a meeting books rooms; whoever reads meetings sees the rooms' calendar.
    permissions=["meetings.add_meeting", "meetings.change_meeting", "meetings.view_meeting"],
)
# The buildings with a meeting room, for the rooms' calendar.
register(
    "meetings.venue_building",
    queryset=lambda user: Building.objects.filter(
        pk__in=Room.objects.meeting_rooms().filter(active=True).values("building")
    ).order_by("name", "id"),
    search=lambda q: Q(name__contains=q) | Q(code__istartswith=q),
    permissions=["meetings.view_meeting"],
)
# Meetings a new printing order can be placed for (approved or being prepared): a small share of the table.
register(
    "meetings.open_meeting",
    queryset=lambda user: (
        Meeting.objects.for_user(user)
        .filter(status__in=PRINTING_ORDER_STATUSES)
        .order_by("-start_at")
        .only("pk", "title")
    ),
    search=lambda q: Q(title__contains=q),
    permissions=["meetings.view_meeting"],
)
register(
    "meetings.officialletter",
    queryset=lambda user: OfficialLetter.objects.for_user(user).usable().order_by("-date", "-id"),
    search=lambda q: Q(number__startswith=q) | Q(sending_unit__startswith=q),
    permissions=["meetings.view_officialletter"],
)
