"""The meeting rooms' calendar (a week or a month per room) and its iCal feeds.

A room's bookings are shown to whoever may request a meeting, so that a clash is seen before saving;
a meeting the user may not open (another department's) is shown as "booked", without its title."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from bureau.choices import RoomUse
from bureau.models import Room
from meetings.models import Meeting

ROOMS_PER_PAGE = 20
# A personal or room feed covers the recent past and what is planned (calendar clients poll it).
FEED_PAST = datetime.timedelta(days=90)
FEED_AHEAD = datetime.timedelta(days=400)
_FEED_SALT = "meetings.calendar-feed"


@dataclass(frozen=True)
class Booking:
    """One meeting in a room's day: its title and link only where the user may open the meeting."""

    pk: int
    room_id: int
    room_label: str
    start_at: datetime.datetime
    end_at: datetime.datetime
    title: str | None
    url: str | None
    status_label: str

    @property
    def label(self):
        return self.title or _("Booked")


def week_days(day):
    """The Monday-to-Sunday week of `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return [monday + datetime.timedelta(days=i) for i in range(7)]


def month_weeks(day):
    """The weeks (Monday first) that cover `day`'s month; days of the months around included."""
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    monday = first - datetime.timedelta(days=first.weekday())
    weeks = []
    while monday < following:
        weeks.append([monday + datetime.timedelta(days=i) for i in range(7)])
        monday += datetime.timedelta(days=7)
    return weeks


def calendar_rooms(*, building=None, room=None):
    """The meeting rooms shown: one room, a building's, or all; in the campus's order."""
    rooms = Room.objects.filter(use=RoomUse.MEETING_ROOM, active=True).select_related("building")
    if room is not None:
        rooms = rooms.filter(pk=room.pk)
    elif building is not None:
        rooms = rooms.filter(building=building)
    return rooms.order_by("building__name", "building_id", "floor", "number", "id")


def _span(first_day, last_day):
    start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min))
    return start, end


def room_bookings(*, user, rooms, start, end):
    """The meetings holding any of `rooms` at some moment of [start, end), as Bookings: two queries
    (the bookings; which of them the user may open), whatever the number of rooms or meetings."""
    meetings = list(
        Meeting.objects.holding_venue()
        .filter(venue_room__in=rooms, start_at__lt=end, end_at__gt=start)
        .select_related("venue_room__building")
        .order_by("start_at", "id")
    )
    visible = set(Meeting.objects.for_user(user).filter(pk__in=[m.pk for m in meetings]).values_list("pk", flat=True))
    return [
        Booking(
            pk=meeting.pk,
            room_id=meeting.venue_room_id,
            room_label=str(meeting.venue_room),
            start_at=meeting.start_at,
            end_at=meeting.end_at,
            title=meeting.title if meeting.pk in visible else None,
            url=meeting.get_absolute_url() if meeting.pk in visible else None,
            status_label=meeting.get_status_display() if meeting.pk in visible else "",
        )
        for meeting in meetings
    ]


def bookings_by_room_and_day(bookings, days):
    """{room_id: {day: [bookings]}}: a meeting over several days is in each of its days."""
    table = {}
    for booking in bookings:
        first = timezone.localdate(booking.start_at)
        last = timezone.localdate(booking.end_at - datetime.timedelta(microseconds=1))
        for day in days:
            if first <= day <= last:
                table.setdefault(booking.room_id, {}).setdefault(day, []).append(booking)
    return table


def bookings_by_day(bookings, days):
    """{day: [bookings]} over every room shown (the month view)."""
    by_day = {}
    for rooms in bookings_by_room_and_day(bookings, days).values():
        for day, entries in rooms.items():
            by_day.setdefault(day, []).extend(entries)
    for entries in by_day.values():
        entries.sort(key=lambda booking: (booking.start_at, booking.pk))
    return by_day


def week_calendar(*, user, day, rooms):
    days = week_days(day)
    start, end = _span(days[0], days[-1])
    bookings = room_bookings(user=user, rooms=rooms, start=start, end=end)
    table = bookings_by_room_and_day(bookings, days)
    return {
        "days": days,
        "rows": [(room, [table.get(room.pk, {}).get(d, []) for d in days]) for room in rooms],
    }


def month_calendar(*, user, day, rooms):
    weeks = month_weeks(day)
    days = [d for week in weeks for d in week]
    start, end = _span(days[0], days[-1])
    by_day = bookings_by_day(room_bookings(user=user, rooms=rooms, start=start, end=end), days)
    return {"weeks": [[(d, d.month == day.month, by_day.get(d, [])) for d in week] for week in weeks]}


# ---- iCal feeds: a calendar client can't log in, so the feed's address carries a key ----------------


def feed_token(user):
    """The key in a user's feed addresses. It changes with the password, so changing the password
    revokes every feed address handed out before."""
    digest = salted_hmac(_FEED_SALT, f"{user.pk}:{user.password}", algorithm="sha256").hexdigest()[:32]
    return f"{user.pk}-{digest}"


def user_for_feed_token(token):
    pk, _sep, _digest = token.partition("-")
    if not pk.isdigit():
        return None
    user = get_user_model().objects.filter(pk=int(pk), is_active=True).first()
    if user is None or not constant_time_compare(feed_token(user), token):
        return None
    return user


def personal_bookings(*, user, now=None):
    """The meetings a user is invited to (on the list by their account) or requested."""
    now = now or timezone.now()
    return (
        Meeting.objects.holding_venue()
        .filter(Q(attendees__user=user) | Q(created_by=user))
        .filter(start_at__lt=now + FEED_AHEAD, end_at__gt=now - FEED_PAST)
        .select_related("venue_room__building")
        .distinct()
        .order_by("start_at", "id")
    )


def room_feed_meetings(*, room, now=None):
    now = now or timezone.now()
    return (
        Meeting.objects.holding_venue()
        .filter(venue_room=room, start_at__lt=now + FEED_AHEAD, end_at__gt=now - FEED_PAST)
        .select_related("venue_room__building")
        .order_by("start_at", "id")
    )


def calendar_ics(*, name, meetings, user, site_url, personal=False, now=None):
    """An iCalendar (RFC 5545) file of `meetings`. In a room's feed a meeting the user may not open is
    "booked"; in a personal feed every meeting is the user's own (invited or requested), so it keeps
    its title and place, and its link only where the user may open it."""
    meetings = list(meetings)
    visible = set(Meeting.objects.for_user(user).filter(pk__in=[m.pk for m in meetings]).values_list("pk", flat=True))
    calendar = Calendar()
    calendar.add("prodid", "-//Bureau Portal//meetings//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = now or timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@bureau-portal")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.start_at)
        event.add("dtend", meeting.end_at)
        if personal or meeting.pk in visible:
            event.add("summary", meeting.title)
            event.add("location", meeting.venue_label or "")
            if meeting.pk in visible:
                event.add("url", site_url + meeting.get_absolute_url())
        else:
            event.add("summary", _("Booked"))
        calendar.add_component(event)
    return calendar.to_ical()
