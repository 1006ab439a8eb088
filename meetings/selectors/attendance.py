"""Reads for attendance: the per-meeting board and the monthly absence figure (会风会纪)."""

import datetime

from django.core import signing
from django.db.models import Count, F, Q
from django.utils import timezone

from bureau.models import Department
from meetings.choices import AttendanceStatus, MeetingStatus
from meetings.models import Attendee, Meeting
from meetings.rules import late_grace

# Meetings whose attendance counts in the monthly figure: they took place (or are taking place).
HELD_STATUSES = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.SETTLED)
BOARD_STATUSES = (
    AttendanceStatus.ON_TIME,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
    AttendanceStatus.PENDING,
)


# The meeting-level sign-in code printed on seat and table cards: the meeting's id, signed. It names
# the meeting only — no person —, so a card left on a table signs nobody in (the page asks who it is).
_SIGN_IN_CODE_SALT = "meetings.meeting-sign-in-code"


def meeting_sign_in_code(meeting):
    return signing.Signer(salt=_SIGN_IN_CODE_SALT).sign(str(meeting.pk))


def meeting_for_sign_in_code(code):
    """The meeting a card's code names, or None for a forged or mistyped code."""
    try:
        pk = signing.Signer(salt=_SIGN_IN_CODE_SALT).unsign(code)
    except signing.BadSignature:
        return None
    return Meeting.objects.select_related("venue_room__building").filter(pk=int(pk)).first() if pk.isdigit() else None


def meeting_has_ended(meeting, now=None):
    return meeting.end_at <= (now or timezone.now()) or meeting.status in (MeetingStatus.HELD, MeetingStatus.SETTLED)


def effective_status(attendee, *, ended):
    """Once the meeting is over, whoever never signed in (and was not on leave) is absent."""
    if attendee.status == AttendanceStatus.PENDING and ended:
        return AttendanceStatus.ABSENT
    return AttendanceStatus(attendee.status)


def meeting_attendance_board(*, meeting, now=None):
    """The whole meeting at a glance: totals per status and, per department, counts and names.

    {"ended", "total", "totals": [(status, label, count)], "late": n, "late_marked": n, "late_then_left": n,
     "grace_minutes": n, "groups": [{"label", "total", "late", "cells": [(status, label, count, [names])]}]}

    The status cards count each attendee once (they add up to the invited); "late" counts everyone
    who signed in late, whatever happened next: those still shown as late plus those who were late
    and then left early (shown under "left early")."""
    ended = meeting_has_ended(meeting, now)
    attendees = list(
        Attendee.objects.filter(meeting=meeting)
        .select_related("department")
        .order_by(
            F("department__sort_order").asc(nulls_last=True),
            "department__code",
            "organisation",
            "protocol_order",
            "id",
        )
    )
    totals = dict.fromkeys(BOARD_STATUSES, 0)
    groups = {}
    for attendee in attendees:
        status = effective_status(attendee, ended=ended)
        totals[status] += 1
        label = attendee.department.name if attendee.department_id else (attendee.organisation or "—")
        key = ("d", attendee.department_id) if attendee.department_id else ("o", label)
        group = groups.setdefault(
            key, {"label": label, "total": 0, "late": 0, "names": {s: [] for s in BOARD_STATUSES}}
        )
        group["total"] += 1
        group["late"] += attendee.is_late
        group["names"][status].append(attendee.name)
    shown = [s for s in BOARD_STATUSES if s != AttendanceStatus.PENDING or not ended]
    late_then_left = sum(1 for a in attendees if a.is_late and a.status == AttendanceStatus.LEFT_EARLY)
    return {
        "ended": ended,
        "total": len(attendees),
        "late": sum(1 for a in attendees if a.is_late),
        "late_marked": totals[AttendanceStatus.LATE],
        "late_then_left": late_then_left,
        "grace_minutes": int(late_grace().total_seconds() // 60),
        "totals": [(s.value, s.label, totals[s]) for s in shown],
        "statuses": [(s.value, s.label) for s in shown],
        "groups": [
            {
                "label": group["label"],
                "total": group["total"],
                "late": group["late"],
                "cells": [(s.value, s.label, len(group["names"][s]), group["names"][s]) for s in shown],
            }
            for group in groups.values()
        ],
    }


def month_bounds(year, month):
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    end = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))
    return start, end


def absence_by_department(*, year, month, now=None):
    """Per department, for the meetings that started in the month and took place: how many of its
    people were invited, absent (never signed in, without leave), excused (请假) and late.

    [{"department_id", "department", "invited", "absent", "excused", "late", "absence"}], departments
    in their usual order; only departments with someone invited. `absence` = absent + excused.
    Outside guests (no department) are left out."""
    now = now or timezone.now()
    start, end = month_bounds(year, month)
    ended = Q(meeting__end_at__lte=now) | Q(meeting__status__in=(MeetingStatus.HELD, MeetingStatus.SETTLED))
    absent = Q(status=AttendanceStatus.ABSENT) | (Q(status=AttendanceStatus.PENDING) & ended)
    rows = (
        Attendee.objects.filter(
            meeting__start_at__gte=start,
            meeting__start_at__lt=end,
            meeting__status__in=HELD_STATUSES,
            department__isnull=False,
        )
        .values("department_id")
        .annotate(
            invited=Count("id"),
            absent=Count("id", filter=absent),
            excused=Count("id", filter=Q(status=AttendanceStatus.EXCUSED)),
            late=Count("id", filter=Q(is_late=True)),
        )
    )
    by_department = {row["department_id"]: row for row in rows}
    departments = Department.objects.filter(pk__in=by_department).order_by("sort_order", "code")
    result = []
    for department in departments:
        row = by_department[department.pk]
        result.append(
            {
                "department_id": department.pk,
                "department": department.name,
                "invited": row["invited"],
                "absent": row["absent"],
                "excused": row["excused"],
                "late": row["late"],
                "absence": row["absent"] + row["excused"],
            }
        )
    return result
