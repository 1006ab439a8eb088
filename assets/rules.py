"""Rules of the state-owned asset registry 国有资产: pure checks and status predicates, one place per
rule, no writes and no queries beyond the record they are given.

Depreciation (政府会计准则第3号——固定资产 and its application guide, 财会〔2017〕4号):
- straight line, monthly, no residual value;
- an asset added in a month is depreciated from that month (当月增加，当月计提); an asset that leaves
  in a month is not depreciated in that month (当月减少，当月不再计提); nothing after it is fully
  depreciated; nothing is made up for one that leaves early;
- none for cultural relics and exhibits, books and archives, special animals and plants, land;
- a revaluation (or a rebuild that adds value) changes the book value from its month; what is left
  is then spread over the remaining life (re-determined when the revaluation says so).

The monthly charge of a stretch is the book value at its start divided by its months, rounded to
the fen; its last month takes what rounding left, so the charges add up to the value exactly.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from assets.choices import AssetStatus

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def month_start(day):
    return day.replace(day=1)


def month_index(day):
    return day.year * 12 + day.month - 1


def month_from_index(index):
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Revaluation:
    on: datetime.date
    value_change: Decimal
    remaining_months: int | None = None  # None: keep the months left of the life


@dataclass(frozen=True)
class DepreciationFacts:
    original_value: Decimal
    added_on: datetime.date
    life_months: int | None  # None: not depreciated (an exempt class)
    left_on: datetime.date | None = None  # disposal date
    revaluations: tuple = ()


@dataclass(frozen=True)
class Depreciation:
    value: Decimal  # book value (original value with revaluations) at the date
    accumulated: Decimal
    net: Decimal


def _stretches(facts):
    """[(first month index, planned months, base, months used)] of the straight-line stretches: a
    revaluation ends one stretch and starts the next on the book value left plus the change."""
    if not facts.life_months:
        return []
    start = month_index(facts.added_on)
    cursor, planned, base = start, facts.life_months, Decimal(facts.original_value)
    end = start + planned
    stretches = []
    for revaluation in sorted(facts.revaluations, key=lambda r: r.on):
        at = max(month_index(revaluation.on), cursor)
        used = max(min(at, end) - cursor, 0)
        stretches.append((cursor, planned, base, used))
        net = base - _charged(base, planned, used)
        remaining = revaluation.remaining_months or max(end - at, 0)
        cursor, planned, end = at, remaining, at + remaining
        base = max(net + Decimal(revaluation.value_change), ZERO)
    stretches.append((cursor, planned, base, planned))
    return stretches


def _charged(base, months, elapsed):
    """What a stretch of `months` over `base` has charged after `elapsed` of its months."""
    if months <= 0 or elapsed <= 0 or base <= 0:
        return ZERO
    if elapsed >= months:
        return base
    monthly = (base / months).quantize(CENT, rounding=ROUND_HALF_UP)
    return min(monthly * elapsed, base)


def accumulated_depreciation(facts, day):
    """Depreciation charged for the months up to and including `day`'s month (a month's charge counts
    from its first day; never the month the asset left, nor after it)."""
    if not facts.life_months or day < facts.added_on:
        return ZERO
    last = month_index(day)
    if facts.left_on is not None:
        # Never the month it left, whatever day of it is asked about (the month is not charged).
        last = min(last, month_index(facts.left_on) - 1)
    accumulated = ZERO
    for first, planned, base, used in _stretches(facts):
        if first > last:
            break
        accumulated += _charged(base, planned, min(last - first + 1, used))
    return accumulated


def depreciation(facts, day):
    """Book value, accumulated depreciation and net value at the end of `day`: the one way every
    page, report and export computes them."""
    if day < facts.added_on:
        return Depreciation(ZERO, ZERO, ZERO)
    value = Decimal(facts.original_value) + sum(
        (Decimal(r.value_change) for r in facts.revaluations if r.on <= day), ZERO
    )
    accumulated = accumulated_depreciation(facts, day)
    return Depreciation(value, accumulated, max(value - accumulated, ZERO))


def month_end(month):
    return month_from_index(month_index(month) + 1) - datetime.timedelta(days=1)


def monthly_charge(facts, month):
    """The depreciation charged in `month` (the monthly job records it)."""
    first = month_start(month)
    return accumulated_depreciation(facts, month_end(first)) - accumulated_depreciation(
        facts, first - datetime.timedelta(days=1)
    )


def schedule(facts, until):
    """[(month, charge)] from the month the asset was added to `until`'s month (non-zero charges)."""
    rows = []
    index = month_index(facts.added_on)
    while index <= month_index(until):
        month = month_from_index(index)
        charge = monthly_charge(facts, month)
        if charge:
            rows.append((month, charge))
        index += 1
    return rows


# ---- the asset card ------------------------------------------------------------------------------


def asset_card_errors(asset):
    """{field: message} of what the card itself gets wrong (the form and the import show them)."""
    errors = {}
    if asset.original_value is not None and asset.original_value <= 0:
        errors["original_value"] = _("The original value must be greater than zero.")
    if asset.acquired_on and asset.acquired_on > timezone.localdate():
        errors["acquired_on"] = _("The acquisition date cannot be in the future.")
    if asset.area is not None and asset.area <= 0:
        errors["area"] = _("Area must be greater than zero.")
    if asset.room_id and asset.building_id and asset.room.building_id != asset.building_id:
        errors["room"] = _("The room is not in the chosen building.")
    return errors


def asset_code_prefix(class_code, year):
    """Codes are generated by class and year: <top class><year>-<serial>, e.g. 2-2024-000123."""
    return f"{class_code[:1]}-{year}-"


def asset_can_move(asset):
    return asset.status not in (AssetStatus.DISPOSED, AssetStatus.PENDING_DISPOSAL)


def asset_disposal_refusal(asset):
    """Why `asset` cannot be put up for disposal now, or None."""
    if asset.status == AssetStatus.LEASED_OUT:
        return _("The asset is leased out; end the lease before disposing of it.")
    if asset.status == AssetStatus.LENT:
        return _("The asset is lent; have it returned before disposing of it.")
    if asset.status == AssetStatus.DISPOSED:
        return _("The asset has already been disposed of.")
    if asset.status == AssetStatus.PENDING_DISPOSAL:
        return _("The asset already has a disposal under way.")
    return None


def loan_is_overdue(loan, today):
    return loan.returned_on is None and loan.due_on < today


def class_code_for_catalogue(catalogue_code):
    """The GB/T 14885 class a procurement catalogue code (政府采购品目分类目录 2022, goods A01–A06)
    falls in: its 门类 from A0N, its 大类 from the next two digits (A0201… → 2010000); None outside
    the fixed-asset goods."""
    code = (catalogue_code or "").strip().upper()
    if len(code) < 3 or code[0] != "A" or not code[1:3].isdigit() or not 1 <= int(code[1:3]) <= 6:
        return None
    top = str(int(code[1:3]))
    major = code[3:5]
    return f"{top}{major}0000" if len(major) == 2 and major.isdigit() else top
