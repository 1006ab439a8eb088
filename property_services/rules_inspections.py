"""Rules of the inspections and the monthly assessment: the reproducible draw of a month's spot
checks, the caps of a penalty clause and the payable amount. Pure: no writes, no queries."""

import datetime
import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bureau.money import to_yuan
from property_services import rules

SAMPLE_MAX = 60


def draw_sample(*, places, month, count, seed):
    """A month's random spot checks: [(day, place)] — `count` places drawn from `places` (without
    repeating one while others are left) on days of `month` (Monday to Friday), sorted by day.

    The draw depends only on its arguments: the same seed, places, month and count give the same
    sample, so a recorded seed lets anyone redraw and check it."""
    places = sorted(set(places))
    if not places:
        raise ValidationError(
            {
                "contract": ValidationError(
                    _("This contract names no buildings or areas to draw from."), code="no_places"
                )
            }
        )
    if not 1 <= count <= SAMPLE_MAX:
        raise ValidationError(
            {"count": ValidationError(_("Draw 1 to %(max)s checks.") % {"max": SAMPLE_MAX}, code="bad_count")}
        )
    rng = random.Random(f"{seed}:{month.isoformat()}")
    days = [
        month + datetime.timedelta(days=offset)
        for offset in range(rules.month_days(month))
        if (month + datetime.timedelta(days=offset)).weekday() < 5
    ]
    chosen = []
    while len(chosen) < count:
        chosen.extend(rng.sample(places, min(len(places), count - len(chosen))))
    picked_days = sorted(rng.choice(days) for _ in chosen)
    return list(zip(picked_days, chosen, strict=True))


def check_penalty_caps(*, clause, amount, month_total):
    """A penalty is above zero, at most the clause's deduction per occurrence, and with the month's
    other penalties under the clause (`month_total`) at most its monthly cap."""
    if amount is None or amount <= 0:
        raise ValidationError({"amount": ValidationError(_("A penalty is above zero."), code="not_positive")})
    if amount > clause.deduction:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _(
                        "The clause “%(clause)s” deducts at most %(deduction)s yuan per occurrence; "
                        "%(amount)s yuan is above it."
                    )
                    % {"clause": clause.deficiency, "deduction": clause.deduction, "amount": amount},
                    code="above_clause",
                )
            }
        )
    if month_total + amount > clause.monthly_cap:
        left = max(clause.monthly_cap - month_total, Decimal(0))
        raise ValidationError(
            {
                "amount": ValidationError(
                    _(
                        "The clause “%(clause)s” deducts at most %(cap)s yuan a month; %(total)s yuan is already "
                        "deducted this month, so at most %(left)s yuan more."
                    )
                    % {"clause": clause.deficiency, "cap": clause.monthly_cap, "total": month_total, "left": left},
                    code="above_monthly_cap",
                )
            }
        )


def payable(*, monthly_fee, penalties):
    """The contractor's payable amount: the monthly fee less the penalties, never below zero."""
    return to_yuan(max(Decimal(monthly_fee) - Decimal(penalties), Decimal(0)))


def inspection_score(lines):
    """The score of one inspection out of 100: the points given over the points of the sheet.
    `lines` [(points given, points of the item)]."""
    total = sum(points for _given, points in lines)
    if not total:
        return None
    given = sum(given for given, _points in lines)
    return (Decimal(given) * 100 / Decimal(total)).quantize(Decimal("0.1"))


def month_score(scores):
    """The month's score: the mean of its inspections' scores (None when nothing was scored)."""
    scores = [score for score in scores if score is not None]
    if not scores:
        return None
    return (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.1"))
