"""Rules of outsourced property services 物业服务 and the campus: pure checks and status predicates,
one place per rule, no writes and no queries, used by services, forms and pages."""

import datetime
import re
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bureau.money import to_yuan

MONTH = re.compile(r"(\d{4})-(\d{1,2})")
ROOM_MONTH = Decimal("0.0001")


# ---- months ---------------------------------------------------------------------------------------


def month_parse(text):
    """ "2026-11" → date(2026, 11, 1); anything else is refused with a message on the month."""
    match = MONTH.fullmatch(str(text).strip())
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2099:
        raise ValidationError(
            {"month": ValidationError(_("Give the month as YYYY-MM, e.g. 2026-11."), code="bad_month")}
        )
    return datetime.date(int(match[1]), int(match[2]), 1)


def month_start(day):
    return day.replace(day=1)


def month_end(month):
    """The last day of the month starting on `month`."""
    return next_month(month) - datetime.timedelta(days=1)


def next_month(month):
    return datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(day):
    """The month before the one `day` falls in (the beat job bills the month before its schedule)."""
    return month_start(month_start(day) - datetime.timedelta(days=1))


def month_days(month):
    return month_end(month).day


def check_month_ended(month, today):
    """A month is billed only once it has ended: on the 1st of the next month at the earliest."""
    if today <= month_end(month):
        raise ValidationError(
            {
                "month": ValidationError(
                    _("%(month)s has not ended yet; a month is billed from the 1st of the next month.")
                    % {"month": f"{month.year}-{month.month:02d}"},
                    code="month_not_ended",
                )
            }
        )


# ---- room-based fees --------------------------------------------------------------------------------


def rate_periods(rates, month):
    """[(first day, last day, rate)] covering the month, from `rates` [(valid_from, rate)] of one fee
    type sorted by date: a rate applies from its date until the next one. Days before the first rate
    have none (the caller refuses the month)."""
    first, last = month, month_end(month)
    periods = []
    for index, (valid_from, rate) in enumerate(rates):
        until = rates[index + 1][0] - datetime.timedelta(days=1) if index + 1 < len(rates) else last
        start, end = max(valid_from, first), min(until, last)
        if start <= end:
            periods.append((start, end, rate))
    return periods


def overlap_days(start, end, other_start, other_end):
    """Days shared by [start, end] and [other_start, other_end] (inclusive)."""
    return max(0, (min(end, other_end) - max(start, other_start)).days + 1)


def department_fees(occupied, periods, month):
    """One department's fee of one type for a month: (room-months, amount in yuan).

    `occupied` [(first day, last day)] — one entry per office room and occupancy, already clipped
    to the month; `periods` from `rate_periods`. Each room pays the rate of each day it was
    occupied, divided by the month's days (pro rata by day), rounded once, to the fen, at the end.
    """
    days_in_month = month_days(month)
    room_days = sum((end - start).days + 1 for start, end in occupied)
    amount = Fraction(0)
    for start, end in occupied:
        for rate_start, rate_end, rate in periods:
            amount += Fraction(rate) * overlap_days(start, end, rate_start, rate_end)
    amount /= days_in_month
    room_months = (Decimal(room_days) / days_in_month).quantize(ROOM_MONTH)
    return room_months, to_yuan(Decimal(amount.numerator) / Decimal(amount.denominator))


# ---- the repair line 后勤保障110 ---------------------------------------------------------------------

# Service level by priority: (hours to start work, hours to fix), the clock stopped while paused.
# A settings entry PROPERTY_REPAIR_TARGETS of the same shape replaces it (the bureau's own figures).
REPAIR_TARGETS = {
    "urgent": (1, 4),
    "high": (2, 24),
    "normal": (4, 72),
    "low": (24, 168),
}


def repair_targets(priority):
    """(response target, fix target) as timedeltas for `priority`."""
    from django.conf import settings

    response, fix = getattr(settings, "PROPERTY_REPAIR_TARGETS", REPAIR_TARGETS)[priority]
    return datetime.timedelta(hours=response), datetime.timedelta(hours=fix)


def repair_rating_check(rating):
    if rating is None or str(rating).strip() not in {"1", "2", "3", "4", "5"}:
        raise ValidationError({"rating": ValidationError(_("Rate the repair from 1 to 5 stars."), code="bad_rating")})
    return int(rating)


# The QR code on a room's door and the reporter's confirmation link carry signed ids (no secret column
# needed: the signature is the key). Different salts keep one from opening the other.
ROOM_QR_SALT = "property_services.repair-room"
CONFIRM_SALT = "property_services.repair-confirm"
QR_REPORTS_PER_HOUR = 5


def signed_id(pk, salt):
    from django.core.signing import Signer

    return Signer(salt=salt).sign(str(pk))


def unsigned_id(token, salt):
    """The id in `token`, or None when the token is forged."""
    from django.core.signing import BadSignature, Signer

    try:
        return int(Signer(salt=salt).unsign(token))
    except (BadSignature, ValueError):
        return None
