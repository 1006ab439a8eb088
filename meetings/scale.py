"""The meetings centre's part of `manage.py seed_scale` (see bureau.scale): meetings with budgets,
approval decisions and printing orders over the plan's years (the demo's `build_meetings`), and
their attendance rows, written by the scale writer (COPY on PostgreSQL).

Attendees per meeting follow its planned attendance, scaled so the set has the plan's number of rows;
they come from units of the host's county, with statuses that fit the meeting's state (as the demo).
"""

import datetime
import random
import secrets
import types

from django.contrib.auth import get_user_model

from bureau.models import Department, Room
from bureau.roles import Role
from meetings.choices import MeetingStatus
from meetings.demo import build_meetings
from meetings.demo_attendance import TITLES, _attendance, _name
from meetings.models import Attendee, BudgetLine, Meeting
from meetings.rules import protocol_seats

SEATS_PER_ROW = 20
ATTENDEE_FIELDS = (
    "id",
    "meeting_id",
    "department_id",
    "name",
    "organisation",
    "title",
    "phone",
    "protocol_order",
    "seat_row",
    "seat_number",
    "token",
    "status",
    "is_late",
    "signed_in_at",
    "sign_in_method",
    "left_at",
    "excuse_reason",
)
UNSEATED = (MeetingStatus.DRAFT, MeetingStatus.SUBMITTED, MeetingStatus.REJECTED)
CHUNK = 100_000  # attendance rows written at a time


def build(plan, writer, stdout, built):
    bureau = built["bureau"]
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=bureau.bureau_users.values())}
    roles = {role: users.get(pk) for role, pk in bureau.bureau_users.items()}
    demo_roles = {
        "leader": roles.get(Role.LEADERSHIP),
        "meeting": roles.get(Role.MEETING_CENTRE),
        "finance": roles.get(Role.FINANCE),
    }
    department_ids = [pk for pk, _county, _kind in bureau.departments]
    departments = list(Department.objects.filter(pk__in=department_ids).order_by("sort_order"))
    rooms = list(Room.objects.filter(pk__in=bureau.meeting_rooms).order_by("pk"))
    county_of = {pk: county for pk, county, _kind in bureau.departments}
    units = {}
    for pk, county, _kind in bureau.departments:
        units.setdefault(county, []).append(pk)

    # One call per year keeps memory flat; the rooms list turns on so a room's turn comes round as
    # if it were one call (no venue clash across the new year).
    made = 0
    per_year = -(-plan.meetings // plan.years)
    for offset in range(plan.years):
        year = plan.first_day.year + offset
        count = min(per_year, plan.meetings - made)
        if count <= 0:
            break
        turn = made % len(rooms) if rooms else 0
        meetings = build_meetings(
            count=count,
            departments=departments,
            rooms=rooms[turn:] + rooms[:turn],
            date_from=datetime.date(year, 1, 1),
            date_to=datetime.date(year, 12, 31),
            seed=year,
            users=demo_roles,
            skip_existing=False,
            batch_size=writer.batch_size,
        )
        made += len(meetings)
    attendees = _write_attendees(plan, writer, county_of, units)
    if stdout is not None:
        lines = BudgetLine.objects.filter(meeting__host_department__in=department_ids).count()
        stdout.write(f"meetings: {made:,} meetings, {lines:,} budget lines, {attendees:,} attendance rows")
    return made


def _write_attendees(plan, writer, county_of, units):
    rng = random.Random(f"attendance-{plan.name}")
    meetings = list(
        Meeting.objects.filter(host_department_id__in=list(county_of), attendees__isnull=True)
        .order_by("pk")
        .values("pk", "host_department_id", "status", "start_at", "end_at", "planned_attendees")
    )
    planned = sum(m["planned_attendees"] for m in meetings) or 1
    # Each meeting's share of the plan's rows, rounded with the rest carried on; the last takes what is left.
    counts, carried = [], 0.0
    for values in meetings:
        share = values["planned_attendees"] * plan.attendance_rows / planned + carried
        counts.append(int(share))
        carried = share - int(share)
    if counts:
        counts[-1] += plan.attendance_rows - sum(counts)
    total, rows = 0, []
    ids = iter(writer.reserve(Attendee, plan.attendance_rows))
    for values, count in zip(meetings, counts, strict=True):
        meeting = types.SimpleNamespace(**values)
        invited = units[county_of[meeting.host_department_id]]
        seats = protocol_seats(-(-count // SEATS_PER_ROW), SEATS_PER_ROW)
        seated = meeting.status not in UNSEATED
        for index in range(count):
            person = types.SimpleNamespace(
                status="pending", excuse_reason="", signed_in_at=None, sign_in_method="", is_late=False, left_at=None
            )
            _attendance(person, meeting, rng)
            row, seat = seats[index] if seated and person.status != "excused" else (None, None)
            rows.append(
                (
                    next(ids),
                    meeting.pk,
                    invited[rng.randrange(len(invited))],
                    _name(rng),
                    "",
                    TITLES[min(index // 5, len(TITLES) - 1)] if index < 40 else rng.choice(TITLES[6:]),
                    "",
                    index + 1,
                    row,
                    seat,
                    secrets.token_urlsafe(24),
                    person.status,
                    person.is_late,
                    person.signed_in_at,
                    person.sign_in_method,
                    person.left_at,
                    person.excuse_reason,
                )
            )
        if len(rows) >= CHUNK:
            total += writer.write(Attendee, ATTENDEE_FIELDS, rows)
            rows = []
    total += writer.write(Attendee, ATTENDEE_FIELDS, rows)
    return total
