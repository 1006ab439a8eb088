"""Reads of office space (办公用房) and campus conduct (文明公约) composed for a page or an export, scoped
by the user: a department head sees the offices their unit occupies and their unit's violations."""

import dataclasses
from collections import defaultdict
from decimal import Decimal

from bureau.choices import Rank, RoomUse
from bureau.models import Department, Room, RoomOccupancy
from bureau.scoping import sees_all_departments
from property_services import rules, rules_space
from property_services.choices_space import SpaceVerdict
from property_services.models import ConductRule, ConductViolation, OfficeAssignment, OfficeStandard


def standards_on(day):
    """{rank: m² per person} of the standard in force on `day`."""
    rows = OfficeStandard.objects.filter(valid_from__lte=day).values_list("rank", "valid_from", "area_per_person")
    return rules_space.standards_on(rows, day)


@dataclasses.dataclass
class Occupant:
    pk: int
    name: str
    rank: str

    @property
    def rank_label(self):
        return Rank(self.rank).label if self.rank else None


@dataclasses.dataclass
class OfficeRow:
    room_id: int
    room: str
    area: Decimal
    department_id: int | None
    department: str
    occupants: list
    per_person: Decimal | None
    allowed: Decimal | None
    verdict: str

    @property
    def verdict_label(self):
        return SpaceVerdict(self.verdict).label


def office_rows(user, *, day, department=None, verdict=None):
    """Every office room the user may see on `day`, by building and number: its unit (the occupying
    department that day), its occupants, area per person, the sum of their standards and the verdict."""
    occupancies = RoomOccupancy.objects.for_user(user).active().on(day).filter(room__use=RoomUse.OFFICE)
    if department is not None:
        occupancies = occupancies.filter(department=department)
    units = dict(occupancies.values_list("room_id", "department_id"))
    rooms = Room.objects.filter(use=RoomUse.OFFICE, active=True)
    if department is not None or not sees_all_departments(user):
        rooms = rooms.filter(pk__in=list(units))
    names = dict(Department.objects.filter(pk__in=set(units.values())).values_list("pk", "name"))
    people = defaultdict(list)
    assignments = OfficeAssignment.objects.on(day).filter(room__use=RoomUse.OFFICE)
    if department is not None or not sees_all_departments(user):
        assignments = assignments.filter(room__in=list(units))
    for room_id, person_id, last, first, rank in assignments.order_by("person_id").values_list(
        "room_id", "person_id", "person__user__last_name", "person__user__first_name", "person__rank"
    ):
        people[room_id].append(Occupant(person_id, f"{last}{first}", rank))
    standards = standards_on(day)
    rows = []
    for room_id, building, number, name, area in rooms.order_by("building__code", "floor", "number").values_list(
        "pk", "building__name", "number", "name", "area"
    ):
        occupants = people.get(room_id, [])
        found, allowed = rules_space.office_verdict(area, [o.rank for o in occupants], standards)
        if verdict and found != verdict:
            continue
        unit = units.get(room_id)
        rows.append(
            OfficeRow(
                room_id=room_id,
                room=" ".join(filter(None, (building, number, name))),
                area=area,
                department_id=unit,
                department=names.get(unit, ""),
                occupants=occupants,
                per_person=rules_space.area_per_person(area, len(occupants)),
                allowed=allowed,
                verdict=found,
            )
        )
    return rows


@dataclasses.dataclass
class UnitLine:
    department_id: int | None
    department: str
    offices: int = 0
    people: int = 0
    area: Decimal = Decimal(0)
    allowed: Decimal = Decimal(0)
    counts: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(SpaceVerdict.values, 0))

    @property
    def per_person(self):
        return rules_space.area_per_person(self.area, self.people)

    @property
    def over(self):
        return self.counts[SpaceVerdict.OVER]

    @property
    def idle(self):
        return self.counts[SpaceVerdict.IDLE]

    @property
    def rank_missing(self):
        return self.counts[SpaceVerdict.RANK_MISSING]

    @property
    def within(self):
        return self.counts[SpaceVerdict.WITHIN]


def space_report(user, *, day):
    """Per unit on `day`: offices, people, usable area, area per person, the sum of the standards of the
    offices that can be judged, and how many offices are over standard, within, without a recorded
    rank, idle. Units in their register order; offices of no unit last."""
    lines = {}
    for row in office_rows(user, day=day):
        line = lines.setdefault(row.department_id, UnitLine(row.department_id, row.department))
        line.offices += 1
        line.people += len(row.occupants)
        line.area += row.area
        line.allowed += row.allowed or 0
        line.counts[row.verdict] += 1
    order = {
        pk: index
        for index, pk in enumerate(
            Department.objects.filter(pk__in=[k for k in lines if k]).values_list("pk", flat=True)
        )
    }
    return sorted(lines.values(), key=lambda line: order.get(line.department_id, len(order)))


# ---- campus conduct ----------------------------------------------------------------------------------


def conduct_month(user, month):
    """The month's live violations the user may see, and per unit the count by rule:
    (rules that were broken, [(department, {rule id: count}, total)], violations)."""
    last = rules.month_end(month)
    violations = list(
        ConductViolation.objects.for_user(user)
        .filter(voided_at=None, date__gte=month, date__lte=last)
        .select_related("department", "rule")
        .order_by("department__sort_order", "department__code", "date", "id")
    )
    counts, units = {}, {}
    for violation in violations:
        units.setdefault(violation.department_id, violation.department)
        by_rule = counts.setdefault(violation.department_id, defaultdict(int))
        by_rule[violation.rule_id] += 1
    broken = ConductRule.objects.filter(pk__in={v.rule_id for v in violations}).order_by("kind", "number")
    lines = [(units[pk], dict(by_rule), sum(by_rule.values())) for pk, by_rule in counts.items()]
    return list(broken), lines, violations
