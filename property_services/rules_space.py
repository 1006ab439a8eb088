"""Rules of office space (办公用房): pure functions, no queries.

- The standard that applies on a day is, for each rank, the one with the latest `valid_from` on or
  before that day (a revised standard is a new dated row).
- A shared office's area is divided equally among its occupants.
- An office is over standard when its area is greater than the sum of its occupants' standards; an
  office with an occupant whose rank is not recorded (or has no standard on that day) cannot be judged
  and says so; an office with no occupant is idle.
"""

from decimal import ROUND_HALF_UP, Decimal

from property_services.choices_space import SpaceVerdict

AREA_STEP = Decimal("0.01")


def standards_on(standards, day):
    """{rank: area per person} in force on `day`, from (rank, valid_from, area) rows."""
    chosen = {}
    for rank, valid_from, area in standards:
        if valid_from <= day and (rank not in chosen or chosen[rank][0] < valid_from):
            chosen[rank] = (valid_from, area)
    return {rank: area for rank, (_valid_from, area) in chosen.items()}


def area_per_person(area, occupants):
    """The office's area divided equally among its occupants (None for an idle office)."""
    if not occupants:
        return None
    return (Decimal(area) / occupants).quantize(AREA_STEP, rounding=ROUND_HALF_UP)


def office_verdict(area, ranks, standards):
    """(verdict, the sum of the occupants' standards or None) of an office of `area` m² whose occupants
    have `ranks` ("" for a rank not recorded), against `standards` ({rank: m² per person})."""
    if not ranks:
        return SpaceVerdict.IDLE, None
    if any(not rank or rank not in standards for rank in ranks):
        return SpaceVerdict.RANK_MISSING, None
    allowed = sum((standards[rank] for rank in ranks), Decimal(0))
    return (SpaceVerdict.OVER if Decimal(area) > allowed else SpaceVerdict.WITHIN), allowed
