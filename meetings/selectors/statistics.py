"""Statistics of the meeting centre: meetings per period by category and form, county-wide vs other
meetings, the share held by video, and money requested / approved / spent / saved.

Two grouped queries whatever the period count (one over meetings, one over budget lines)."""

import datetime
from collections import OrderedDict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Trunc
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.charts import ChartSpec
from meetings.choices import MeetingCategory, MeetingFormat, MeetingStatus
from meetings.models import BudgetLine, Meeting

PERIODS = {"month": _("Month"), "quarter": _("Quarter"), "year": _("Year")}
# Requests that never became meetings are not counted.
NOT_COUNTED = (MeetingStatus.DRAFT, MeetingStatus.REJECTED, MeetingStatus.CANCELLED)
ZERO = Decimal("0.00")


def period_label(start, period):
    if period == "year":
        return f"{start.year}"
    if period == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def _bounds(date_from, date_to):
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(date_from, datetime.time.min), tz)
    end = timezone.make_aware(datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min), tz)
    return start, end


def meeting_statistics(*, user, period="month", date_from, date_to):
    """{'rows': [...per period...], 'totals': {...}} for the meetings the user may see."""
    if period not in PERIODS:
        period = "month"
    start, end = _bounds(date_from, date_to)
    meetings = (
        Meeting.objects.for_user(user).filter(start_at__gte=start, start_at__lt=end).exclude(status__in=NOT_COUNTED)
    )
    rows = OrderedDict()

    def row_for(key):
        key = timezone.localtime(key) if timezone.is_aware(key) else key
        label = period_label(key, period)
        if label not in rows:
            rows[label] = {
                "label": label,
                "total": 0,
                "by_category": dict.fromkeys(MeetingCategory.values, 0),
                "by_format": dict.fromkeys(MeetingFormat.values, 0),
                "county_wide": 0,
                "other": 0,
                "requested": ZERO,
                "approved": ZERO,
                "actual": ZERO,
                "saved": ZERO,
            }
        return rows[label]

    grouped = (
        meetings.annotate(period=Trunc("start_at", period))
        .values("period", "category", "format", "is_county_wide")
        .annotate(n=Count("id"))
        .order_by("period")
    )
    for item in grouped:
        row = row_for(item["period"])
        row["total"] += item["n"]
        row["by_category"][item["category"]] += item["n"]
        row["by_format"][item["format"]] += item["n"]
        row["county_wide" if item["is_county_wide"] else "other"] += item["n"]

    settled = Q(meeting__status=MeetingStatus.SETTLED)
    money = (
        BudgetLine.objects.live()
        .filter(meeting__in=meetings)
        .annotate(period=Trunc("meeting__start_at", period))
        .values("period")
        .annotate(
            sum_requested=Sum("requested"),
            sum_approved=Sum("approved"),
            sum_actual=Sum("actual"),
            settled_requested=Sum("requested", filter=settled),
            settled_actual=Sum("actual", filter=settled),
        )
        .order_by("period")
    )
    for item in money:
        row = row_for(item["period"])
        row["requested"] = item["sum_requested"] or ZERO
        row["approved"] = item["sum_approved"] or ZERO
        row["actual"] = item["sum_actual"] or ZERO
        row["saved"] = (item["settled_requested"] or ZERO) - (item["settled_actual"] or ZERO)

    ordered = sorted(rows.values(), key=lambda row: row["label"])
    totals = {
        "total": sum(r["total"] for r in ordered),
        "by_category": {c: sum(r["by_category"][c] for r in ordered) for c in MeetingCategory.values},
        "by_format": {f: sum(r["by_format"][f] for r in ordered) for f in MeetingFormat.values},
        "county_wide": sum(r["county_wide"] for r in ordered),
        "other": sum(r["other"] for r in ordered),
        "requested": sum((r["requested"] for r in ordered), ZERO),
        "approved": sum((r["approved"] for r in ordered), ZERO),
        "actual": sum((r["actual"] for r in ordered), ZERO),
        "saved": sum((r["saved"] for r in ordered), ZERO),
    }
    for row in [*ordered, totals]:
        row["category_counts"] = [row["by_category"][c] for c in MeetingCategory.values]
        row["format_counts"] = [row["by_format"][f] for f in MeetingFormat.values]
        row["video_share"] = video_share(row["by_format"][MeetingFormat.VIDEO], row["total"])
    return {"rows": ordered, "totals": totals, "period": period, "chart": statistics_chart(ordered)}


def video_share(video, total):
    """The percentage held by video, to one decimal (half up), in Decimal arithmetic; None without meetings."""
    if not total:
        return None
    return (Decimal(video) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def statistics_chart(rows):
    """Meetings per period by category, stacked (bureau.charts: the one chart code of the portal)."""
    if not rows:
        return None
    return ChartSpec(
        key="meetings-per-period",
        title=_("Meetings per period by category"),
        categories=tuple(row["label"] for row in rows),
        series=tuple(
            (label, tuple(row["by_category"][value] for row in rows)) for value, label in MeetingCategory.choices
        ),
        stacked=True,
    )
