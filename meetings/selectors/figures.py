"""The meeting centre's figures for a period (and one department): the one place the dashboards,
the briefing and the statistics read them (issue 14, "figures written once").

Meetings count by start date when submitted for approval or beyond (drafts, rejected and cancelled
requests are not meetings). Money: requested, approved and actual amounts of the live budget lines of
those meetings; saved = requested − actual of the settled ones. Attendance (会风会纪): the people
invited to meetings that took place in the period; absent = marked absent or never signed in once
the meeting was over; the attendance rate = (invited − absent − excused) / invited. For one
department: the meetings it hosted, and the attendance of its own people wherever they were invited.

Four aggregate queries whatever the number of rows."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.figures import PERCENT, YUAN, ZERO, FigureSet, share
from meetings.choices import AttendanceStatus, MeetingCategory, MeetingFormat, MeetingStatus, ReceptionStatus
from meetings.models import Attendee, BudgetLine, Meeting, Reception

# Requests that never became meetings are not counted.
NOT_COUNTED = (MeetingStatus.DRAFT, MeetingStatus.REJECTED, MeetingStatus.CANCELLED)
# Meetings whose attendance counts: they took place (or are taking place).
HELD_STATUSES = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.SETTLED)


@dataclass(frozen=True)
class MeetingFigures(FigureSet):
    meetings: int
    county_wide: int
    video: int
    video_share: Decimal | None
    invited: int
    absent: int
    excused: int
    late: int
    attendance_rate: Decimal | None
    requested: Decimal
    approved: Decimal
    actual: Decimal
    saved: Decimal
    receptions: int
    by_category: tuple  # ((label, count), …) in category order
    by_format: tuple

    LABELS = {
        "meetings": _("Meetings"),
        "county_wide": _("County-wide meetings"),
        "video": _("Video meetings"),
        "video_share": _("Video share"),
        "invited": _("People invited"),
        "absent": _("Absent"),
        "excused": _("On leave"),
        "late": _("Late"),
        "attendance_rate": _("Attendance rate"),
        "requested": _("Requested"),
        "approved": _("Approved amount"),
        "actual": _("Spent"),
        "saved": _("Saved"),
        "receptions": _("Official receptions"),
    }
    UNITS = {
        "video_share": PERCENT,
        "attendance_rate": PERCENT,
        "requested": YUAN,
        "approved": YUAN,
        "actual": YUAN,
        "saved": YUAN,
    }


def counted_meetings(*, period, department=None):
    start, end = period.bounds()
    meetings = Meeting.objects.filter(start_at__gte=start, start_at__lt=end).exclude(status__in=NOT_COUNTED)
    return meetings.filter(host_department=department) if department is not None else meetings


def meetings_figures(*, period, department=None, now=None):
    """MeetingFigures of `period` (bureau.periods.Period), for every department or one."""
    now = now or timezone.now()
    meetings = counted_meetings(period=period, department=department)
    counts = meetings.aggregate(
        meetings=Count("id"),
        county_wide=Count("id", filter=Q(is_county_wide=True)),
        **{f"category_{value}": Count("id", filter=Q(category=value)) for value in MeetingCategory.values},
        **{f"format_{value}": Count("id", filter=Q(format=value)) for value in MeetingFormat.values},
    )
    settled = Q(meeting__status=MeetingStatus.SETTLED)
    money = (
        BudgetLine.objects.live()
        .filter(meeting__in=meetings)
        .aggregate(
            sum_requested=Sum("requested"),
            sum_approved=Sum("approved"),
            sum_actual=Sum("actual"),
            settled_requested=Sum("requested", filter=settled),
            settled_actual=Sum("actual", filter=settled),
        )
    )
    start, end = period.bounds()
    attendees = Attendee.objects.filter(
        meeting__start_at__gte=start, meeting__start_at__lt=end, meeting__status__in=HELD_STATUSES
    )
    if department is not None:
        attendees = attendees.filter(department=department)
    ended = Q(meeting__end_at__lte=now) | Q(meeting__status__in=(MeetingStatus.HELD, MeetingStatus.SETTLED))
    attendance = attendees.aggregate(
        invited=Count("id"),
        absent=Count("id", filter=Q(status=AttendanceStatus.ABSENT) | (Q(status=AttendanceStatus.PENDING) & ended)),
        excused=Count("id", filter=Q(status=AttendanceStatus.EXCUSED)),
        late=Count("id", filter=Q(is_late=True)),
    )
    receptions = Reception.objects.filter(arrival_date__gte=period.start, arrival_date__lte=period.end).exclude(
        status__in=(ReceptionStatus.DRAFT, ReceptionStatus.CANCELLED)
    )
    if department is not None:
        receptions = receptions.filter(host_department=department)
    video = counts[f"format_{MeetingFormat.VIDEO}"]
    invited, absent, excused = attendance["invited"], attendance["absent"], attendance["excused"]
    return MeetingFigures(
        meetings=counts["meetings"],
        county_wide=counts["county_wide"],
        video=video,
        video_share=share(video, counts["meetings"]),
        invited=invited,
        absent=absent,
        excused=excused,
        late=attendance["late"],
        attendance_rate=share(invited - absent - excused, invited),
        requested=money["sum_requested"] or ZERO,
        approved=money["sum_approved"] or ZERO,
        actual=money["sum_actual"] or ZERO,
        saved=(money["settled_requested"] or ZERO) - (money["settled_actual"] or ZERO),
        receptions=receptions.count(),
        by_category=tuple((str(label), counts[f"category_{value}"]) for value, label in MeetingCategory.choices),
        by_format=tuple((str(label), counts[f"format_{value}"]) for value, label in MeetingFormat.choices),
    )
