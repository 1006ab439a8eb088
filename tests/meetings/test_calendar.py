"""The meeting rooms' calendar (issue 10, item 11): a week (rooms × days) and a month per building or
room, where a clash is seen before saving — another department's meeting shows as booked, without its
title; and the iCal feeds (a user's meetings, a room's bookings) behind a key that a password change
revokes."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from bureau.roles import Role
from meetings.choices import MeetingStatus
from meetings.selectors.calendar import feed_token
from tests.factories import BuildingFactory, MeetingRoomFactory
from tests.meetings.factories import AttendeeFactory, MeetingFactory, local_dt

pytestmark = pytest.mark.django_db

WEEK_OF = "2026-12-16"  # a Wednesday: the week runs from Monday 14 to Sunday 20 December


@pytest.fixture
def campus(world):
    centre = BuildingFactory(name="行政中心")
    big, small = MeetingRoomFactory(building=centre, number="301"), MeetingRoomFactory(building=centre, number="302")
    elsewhere = MeetingRoomFactory(building=BuildingFactory(name="党校"), number="101")
    ours = MeetingFactory(
        title="全县教育工作会议",
        host_department=world.own,
        venue_room=big,
        status=MeetingStatus.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 16, 12),  # two days: on Tuesday and Wednesday
    )
    theirs = MeetingFactory(
        title="财政预算内部会议",
        host_department=world.other,
        venue_room=small,
        status=MeetingStatus.SUBMITTED,
        start_at=local_dt(2026, 12, 17, 14),
        end_at=local_dt(2026, 12, 17, 16),
    )
    MeetingFactory(
        title="已取消的会议", venue_room=big, status=MeetingStatus.CANCELLED, start_at=local_dt(2026, 12, 18, 9)
    )
    MeetingFactory(title="草稿会议", venue_room=big, status=MeetingStatus.DRAFT, start_at=local_dt(2026, 12, 18, 14))
    MeetingFactory(
        title="党校培训会", venue_room=elsewhere, status=MeetingStatus.APPROVED, start_at=local_dt(2026, 12, 15, 9)
    )
    return {"centre": centre, "big": big, "small": small, "ours": ours, "theirs": theirs}


def _week(client, **params):
    response = client.get(reverse("meetings:calendar"), {"view": "week", "day": WEEK_OF, **params})
    assert response.status_code == 200
    return response


def _row(page, room):
    start = page.index(f"{room.building.name} {room.number}")
    return page[start : page.index("</tr>", start)]


def test_a_week_shows_each_rooms_bookings_and_hides_other_departments_titles(world, client, campus):
    client.force_login(world.users[Role.EMPLOYEES])  # staff of the own department, about to request a meeting
    response = _week(client, building=campus["centre"].pk)
    page = response.content.decode()
    assert "2026-12-14 – 2026-12-20" in page
    big_row, small_row = _row(page, campus["big"]), _row(page, campus["small"])
    assert big_row.count("全县教育工作会议") == 2  # Tuesday and Wednesday
    assert f'href="{campus["ours"].get_absolute_url()}"' in big_row
    assert "已预订" in small_row and "财政预算内部会议" not in page  # the clash is seen, not the meeting
    assert "14:00–16:00" in small_row
    assert "已取消的会议" not in page and "草稿会议" not in page  # they hold no room
    assert "党校培训会" not in page  # another building

    # The leadership see every meeting's title.
    client.force_login(world.users[Role.LEADERSHIP])
    assert "财政预算内部会议" in _week(client, building=campus["centre"].pk).content.decode()


def test_a_month_puts_each_booking_on_its_days(world, client, campus):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.get(reverse("meetings:calendar"), {"view": "month", "day": WEEK_OF, "room": campus["big"].pk})
    page = response.content.decode()
    assert "2026-12" in page
    assert page.count("全县教育工作会议") == 2 and "财政预算内部会议" not in page  # one room only
    weeks = response.context["calendar"]["weeks"]
    days = {day: [b.pk for b in bookings] for week in weeks for day, _in_month, bookings in week}
    assert days[datetime.date(2026, 12, 15)] == days[datetime.date(2026, 12, 16)] == [campus["ours"].pk]
    assert days[datetime.date(2026, 12, 17)] == []


def test_the_week_costs_the_same_queries_for_many_bookings(world, client, campus):
    client.force_login(world.users[Role.EMPLOYEES])
    _week(client)  # warm the session
    with CaptureQueriesContext(connection) as few:
        _week(client)
    for day in range(14, 21):
        for hour in (8, 10, 12, 19):
            MeetingFactory(
                venue_room=campus["small"],
                status=MeetingStatus.APPROVED,
                host_department=world.other,
                start_at=local_dt(2026, 12, day, hour),
                end_at=local_dt(2026, 12, day, hour + 1),
            )
    with CaptureQueriesContext(connection) as many:
        page = _week(client).content.decode()
    assert _row(page, campus["small"]).count("已预订") == 29
    assert len(many) == len(few), [query["sql"] for query in many]


def test_unreadable_filters_are_left_out_and_said(world, client, campus):
    client.force_login(world.users[Role.EMPLOYEES])
    response = client.get(
        reverse("meetings:calendar"), {"view": "year", "day": "0001-01-01", "room": "abc"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    for label in ("视图", "日期", "会议室"):
        assert f"筛选条件“{label}”无法识别，已忽略" in page
    assert response.context["values"]["view"] == "week"  # the calendar is still shown, this week's


def _feed(client, token, **params):
    response = client.get(reverse("meetings:calendar_feed", args=[token]), params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_personal_feed_has_my_meetings_and_the_room_feed_hides_other_titles(world, campus):
    me = world.users[Role.EMPLOYEES]
    AttendeeFactory(meeting=campus["theirs"], user=me, name="本人")  # invited to another department's meeting
    client = Client()  # a calendar app: no login
    events = {str(e["summary"]): e for e in _feed(client, feed_token(me)).walk("VEVENT")}
    assert set(events) == {"财政预算内部会议"}  # invited: its title and place, but no link to a page they can't open
    assert "url" not in events["财政预算内部会议"] and str(events["财政预算内部会议"]["location"]) == str(
        campus["small"]
    )
    room = {str(e["summary"]) for e in _feed(client, feed_token(me), room=campus["big"].pk).walk("VEVENT")}
    assert room == {"全县教育工作会议"}
    other_room = [str(e["summary"]) for e in _feed(client, feed_token(me), room=campus["small"].pk).walk("VEVENT")]
    assert other_room == ["已预订"]
    ours = _feed(client, feed_token(me), room=campus["big"].pk).walk("VEVENT")[0]
    assert ours["dtstart"].dt == campus["ours"].start_at and str(ours["url"]).endswith(
        campus["ours"].get_absolute_url()
    )


def test_a_forged_or_old_feed_key_answers_404(world, campus):
    me = world.users[Role.EMPLOYEES]
    old = feed_token(me)
    client = Client()
    assert client.get(reverse("meetings:calendar_feed", args=[old])).status_code == 200
    me.set_password("a-new-password-2026")
    me.save()
    assert client.get(reverse("meetings:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("meetings:calendar_feed", args=[feed_token(me)])).status_code == 200
    forged = f"{me.pk}-{'0' * 32}"
    assert client.get(reverse("meetings:calendar_feed", args=[forged])).status_code == 404
    assert client.get(reverse("meetings:calendar_feed", args=[feed_token(me)]), {"room": "x"}).status_code == 404
